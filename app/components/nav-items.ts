// The main navigation, in order. One line per item: the header bar (wide screens) and the menu
// (phones) are both built from this list. `roles` limits an item to those organization roles.
import type { OrgRole } from '~/org/roles'

export interface NavItem {
  to: string
  label: string
  roles?: readonly OrgRole[]
  /** Active only on this exact URL (not on the pages under it). */
  end?: boolean
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/lessons', label: 'Lessons' },
  { to: '/paths', label: 'Paths' },
  { to: '/scenarios', label: 'Scenarios', end: true },
  { to: '/reviews', label: 'Reviews' },
  { to: '/drills', label: 'Drills' },
  { to: '/insights', label: 'Insights' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/scenarios/import', label: 'Import', roles: ['admin', 'manager'] },
  { to: '/team/onboarding', label: 'Onboarding', roles: ['admin', 'manager'] },
  { to: '/admin/invitations', label: 'Invite', roles: ['manager'] },
  { to: '/admin', label: 'Admin', roles: ['admin'] },
]

export function navItemsFor(role: OrgRole): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role))
}
