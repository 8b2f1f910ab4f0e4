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

/** One of the actor's notifications (to follow its link), or null. */
export async function getNotification(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id), eq(notifications.organizationId, actor.organizationId)))
  return row ?? null
}
