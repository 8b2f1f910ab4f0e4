// Who hears about imported drafts: managers and admins (other than the importer) when one waits for
// approval; the importer when theirs is approved or rejected. In the app, and in the daily digest.
import { and, inArray, isNull, eq, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { users } from '#db/schema'
import { notify } from './notifications.server'

export async function noticeDraftWaiting(db: Db, importer: { id: string; organizationId: string }, title: string) {
  const approvers = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, importer.organizationId),
        inArray(users.role, ['admin', 'manager']),
        isNull(users.deactivatedAt),
        ne(users.id, importer.id),
      ),
    )
  await notify(
    db,
    approvers.map((a) => ({
      organizationId: importer.organizationId,
      userId: a.id,
      kind: 'import-draft-waiting',
      title: `An imported scenario waits for approval: “${title}”`,
      href: '/admin/scenarios',
    })),
  )
}

export async function noticeDraftDecided(
  db: Db,
  decider: { id: string; organizationId: string },
  draft: { createdById: string | null; title: string; status: 'approved' | 'rejected'; slug: string },
) {
  if (!draft.createdById || draft.createdById === decider.id) return
  await notify(db, {
    organizationId: decider.organizationId,
    userId: draft.createdById,
    kind: draft.status === 'approved' ? 'draft-approved' : 'draft-rejected',
    title:
      draft.status === 'approved'
        ? `Your imported scenario “${draft.title}” was approved`
        : `Your imported scenario “${draft.title}” was not approved; the note says why`,
    href: draft.status === 'approved' ? `/scenarios/${draft.slug}` : '/scenarios/import',
  })
}
