// In-app notifications (the bell): a reply has all its reviews, a reply was flagged, a review was
// disputed. Written inside the transaction that caused them, so they never describe something
// that was rolled back.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { notifications } from '#db/schema'
import type { Actor } from '~/org/teams.server'

export type NotificationKind =
  | 'reply-finalised'
  | 'reply-flagged'
  | 'review-disputed'
  | 'reply-decided'
  | 'import-draft-waiting'
  | 'draft-approved'
  | 'draft-rejected'
  | 'dispute-resolved'
  | 'welcome'
  | (string & {})

/** The kinds that also go out in the daily digest e-mail (for managers and admins who want one). */
export const DIGEST_KINDS: NotificationKind[] = ['import-draft-waiting', 'draft-approved', 'draft-rejected', 'reply-flagged']

export interface NewNotification {
  organizationId: string
  userId: string
  kind: NotificationKind
  title: string
  href?: string
}

export async function notify(db: Db, items: NewNotification | NewNotification[]) {
  const list = Array.isArray(items) ? items : [items]
  if (list.length === 0) return
  await db.insert(notifications).values(list)
}

/** notify's insert (of at least one notification) as a query, to run inside another statement (a CTE). */
export function notifyQuery(db: Db, items: [NewNotification, ...NewNotification[]] | NewNotification[]) {
  return db.insert(notifications).values(items).returning({ id: notifications.id })
}

export async function listNotifications(db: Db, actor: Actor, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      href: notifications.href,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), eq(notifications.organizationId, actor.organizationId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
}

export async function unreadNotificationCount(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.id),
        eq(notifications.organizationId, actor.organizationId),
        isNull(notifications.readAt),
      ),
    )
  return row?.n ?? 0
}

/** Marks the given notifications (or all of them) read; only ever the actor's own. Returns them. */
export async function markNotificationsRead(db: Db, actor: Actor, ids?: string[], now = new Date()) {
  const own = and(eq(notifications.userId, actor.id), eq(notifications.organizationId, actor.organizationId))
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(own, isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .returning({ id: notifications.id, href: notifications.href })
}

/**
 * Marks read, for everyone in the organization, the notifications of one kind about one page: once
 * a flag is settled, the managers who were asked to act on it no longer have anything to do.
 */
export async function closeNotifications(db: Db, organizationId: string, kind: NotificationKind, href: string, now = new Date()) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.organizationId, organizationId), eq(notifications.kind, kind), eq(notifications.href, href), isNull(notifications.readAt)))
}

/** One of the actor's notifications (to follow its link), or null. */
export async function getNotification(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id), eq(notifications.organizationId, actor.organizationId)))
  return row ?? null
}
