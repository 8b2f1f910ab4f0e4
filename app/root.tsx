import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { MainNav, SignOutButton } from '~/components/main-nav'
import { useNonce } from '~/http/nonce'
import stylesheet from '~/styles/app.css'
import { unreadNotificationCount } from '~/notifications/notifications.server'
import { skipReloadAfterAnswerInPlace } from '~/http/answered-in-place'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// Routes set their own titles; this one shows when an error bubbles up to the root boundary.
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Rapport' }]

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth?.user
  // Counted with the session lookup for a GET; after an action in the same request, count again.
  const unread = user ? (context.auth?.unreadNotifications ?? (await unreadNotificationCount(context.db, user))) : 0
  return { user: user ? { name: user.name, role: user.role, email: user.email } : null, unread, timeZone: user?.timeZone ?? 'UTC' }
}

// An action that answers in place (e.g. a review, answered with the next one) changes nothing the
// header shows: the page keeps its header rather than asking the server for it again.
export const shouldRevalidate = skipReloadAfterAnswerInPlace

function Shell({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const user = data?.user
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <NavLink to="/" className="brand" aria-label="Rapport home">
              <span aria-hidden="true" className="brand__mark">R</span> Rapport
            </NavLink>
            {user ? (
              <>
                <MainNav role={user.role} userName={user.name} />
                <div className="account">
                  <NavLink
                    to="/notifications"
                    className="bell"
                    aria-label={data?.unread ? `Notifications, ${data.unread} unread` : 'Notifications'}
                  >
                    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
                    </svg>
                    {data?.unread ? <span className="bell__count" aria-hidden="true">{data.unread > 99 ? '99+' : data.unread}</span> : null}
                  </NavLink>
                  <NavLink to="/account" className="account__name" aria-label={`Your account (${user.name})`}>
                    {user.name}
                  </NavLink>
                  <span className="account__signout">
                    <SignOutButton />
                  </span>
                </div>
              </>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Rapport — practise the conversations that make customers feel heard.</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  return <Shell>{children}</Shell>
}

export default function App() {
  useLoaderData<typeof loader>()
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
