export const ROLES = ['admin', 'manager', 'member'] as const
export type OrgRole = (typeof ROLES)[number]
