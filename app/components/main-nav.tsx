// The site navigation. Wide screens show every item in a bar; phones show a "Menu" button that
// opens the same items as a list. The menu is a <details>/<summary>, so it opens by keyboard and
// is announced as an expandable button without JavaScript; with JavaScript it also closes on
// Escape, on an outside click and after following a link.
import { Form, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { OrgRole } from '~/org/roles'
import { navItemsFor, type NavItem } from './nav-items'

function NavList({ items, className }: { items: NavItem[]; className: string }) {
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end}>
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

export function SignOutButton() {
  return (
    <Form method="post" action="/logout">
      <button type="submit" className="button button--quiet">
        Sign out
      </button>
    </Form>
  )
}

export function MainNav({ role, userName }: { role: OrgRole; userName: string }) {
  const items = navItemsFor(role)
  const menu = useRef<HTMLDetailsElement>(null)
  const location = useLocation()

  // Close after following a link: only when the address changes, not when the page first hydrates
  // (a menu opened on a slow phone before then would snap shut).
  const shownAt = useRef(`${location.pathname}${location.search}`)
  useEffect(() => {
    const here = `${location.pathname}${location.search}`
    if (here === shownAt.current) return
    shownAt.current = here
    if (menu.current) menu.current.open = false
  }, [location.pathname, location.search])

  useEffect(() => {
    const details = menu.current
    if (!details) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && details.open) {
        details.open = false
        details.querySelector('summary')?.focus()
      }
    }
    const onClick = (event: MouseEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('click', onClick)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('click', onClick)
    }
  }, [])

  return (
    <nav aria-label="Main" className="main-nav">
      <NavList items={items} className="main-nav__bar" />
      <details className="main-nav__menu" ref={menu}>
        <summary className="main-nav__toggle">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M4 7h16M4 12h16M4 17h16" />
          </svg>
          Menu
        </summary>
        <div className="main-nav__panel">
          <NavList items={items} className="main-nav__list" />
          <div className="main-nav__account">
            <NavLink to="/account" className="muted">
              Signed in as {userName} · your account
            </NavLink>
            <SignOutButton />
          </div>
        </div>
      </details>
    </nav>
  )
}
