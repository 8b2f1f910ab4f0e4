// Action items a team agreed in a meeting: text, owner, due date, optionally a metric and the change
// it should bring. They come back on the next meeting's agenda, on the team page and in the owner's
// "next up" until done or dropped.
import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { actionItems, meetings, memberships, teams, users } from '#db/schema'
import { fieldErrors } from '~/components/form-field'
import { forbidden, notFound } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import { named, read, readTogether, type Read } from '~/query/json-rows.server'
import { loadRubric } from '~/reviews/rubric.server'
import { requireFacilitator, requireMeetingAccess, teamAccess } from './access.server'
import { announce } from './live.server'

export type ActionStatus = 'open' | 'done' | 'dropped'

export interface ActionItemView {
  id: string
  meetingId: string
  meetingMonth: string
  text: string
  ownerId: string
  ownerName: string
  dueOn: string
  metric: string | null
  metricName: string | null
  targetChange: number | null
  status: ActionStatus
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> }

const DATE = /^\d{4}-\d{2}-\d{2}$/

export const actionItemSchema = z
  .object({
    text: z.string().trim().min(3, 'Say what the team agreed, in a few words.').max(300, 'Keep it under 300 characters.'),
    ownerId: z.string().uuid('Choose who owns it.'),
    dueOn: z.string().regex(DATE, 'Choose a due date.'),
    metric: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null)),
    targetChange: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null
        const n = Number(v.replace('−', '-'))
        if (!Number.isFinite(n) || n === 0 || Math.abs(n) > 50) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'A change in points between −50 and 50, not 0.' })
          return z.NEVER
        }
        return n
      }),
  })
  .superRefine((value, ctx) => {
    if (value.metric && value.targetChange === null)
      ctx.addIssue({ code: 'custom', path: ['targetChange'], message: 'Give the change the metric should show, e.g. 5.' })
    if (!value.metric && value.targetChange !== null)
      ctx.addIssue({ code: 'custom', path: ['metric'], message: 'Choose the metric this change is about.' })
  })

export type ActionItemInput = z.input<typeof actionItemSchema>

/** The metrics an action can be tied to: the CCI and each rubric criterion. */
export async function actionMetrics() {
  const rubric = await loadRubric()
  return [{ id: 'cci', name: 'Customer-centricity index' }, ...rubric.criteria.map((c) => ({ id: c.id, name: c.name }))]
}

/** People who can own a team's action: its members and managers, still active. */
export async function teamPeople(db: Db, organizationId: string, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.teamId, teamId)))
    .orderBy(asc(users.name))
}

export async function createActionItem(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: ActionItemInput,
): Promise<FormResult<{ id: string }>> {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  const parsed = actionItemSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) }
  const value = parsed.data
  const errors: Record<string, string> = {}
  const people = await teamPeople(db, actor.organizationId, access.team.id)
  if (!people.some((p) => p.id === value.ownerId)) errors.ownerId = 'The owner must be in the team.'
  const metrics = await actionMetrics()
  if (value.metric && !metrics.some((m) => m.id === value.metric)) errors.metric = 'Choose one of the listed metrics.'
  if (Object.keys(errors).length) return { ok: false, errors }
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(actionItems)
      .values({
        organizationId: actor.organizationId,
        teamId: access.team.id,
        meetingId,
        text: value.text,
        ownerId: value.ownerId,
        dueOn: value.dueOn,
        metric: value.metric,
        targetChange: value.targetChange,
        createdById: actor.id,
      })
      .returning({ id: actionItems.id })
    await announce(tx, meetingId)
    return inserted
  })
  return { ok: true, value: row }
}

/** The owner, the team's managers and admins mark an action done, dropped or open again. */
export async function setActionStatus(db: Db, actor: Actor, actionId: string, status: ActionStatus, now = new Date()) {
  const [item] = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, actionId), eq(actionItems.organizationId, actor.organizationId)))
  if (!item) notFound('There is no such action item.')
  const { manages, visible } = await teamAccess(db, actor, item.teamId)
  if (!visible) forbidden()
  const [meeting] = await db.select({ facilitatorId: meetings.facilitatorId }).from(meetings).where(eq(meetings.id, item.meetingId))
  if (!(manages || item.ownerId === actor.id || meeting?.facilitatorId === actor.id))
    forbidden('Only the owner or the team’s managers can change this.')
  await db.transaction(async (tx) => {
    await tx.update(actionItems).set({ status, statusChangedAt: now }).where(eq(actionItems.id, actionId))
    await announce(tx, item.meetingId)
  })
  return { teamId: item.teamId, meetingId: item.meetingId }
}

const viewColumns = {
  id: actionItems.id,
  meetingId: actionItems.meetingId,
  meetingMonth: meetings.month,
  text: actionItems.text,
  ownerId: actionItems.ownerId,
  ownerName: users.name,
  dueOn: actionItems.dueOn,
  metric: actionItems.metric,
  targetChange: actionItems.targetChange,
  status: actionItems.status,
}

async function withMetricNames<T extends { metric: string | null }>(rows: T[]) {
  const metrics = await actionMetrics()
  return rows.map((row) => ({ ...row, metricName: row.metric ? metrics.find((m) => m.id === row.metric)?.name ?? row.metric : null }))
}

function selectViews(db: Db) {
  return db
    .select(viewColumns)
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(users, eq(users.id, actionItems.ownerId))
}

/** The actions agreed in one meeting. */
export async function actionsOfMeeting(db: Db, organizationId: string, meetingId: string): Promise<ActionItemView[]> {
  const rows = await selectViews(db)
    .where(and(eq(actionItems.organizationId, organizationId), eq(actionItems.meetingId, meetingId)))
    .orderBy(asc(actionItems.createdAt))
  return withMetricNames(rows)
}

/** actionsOfMeeting as a read a page sends with its other sections' (`readTogether`). */
export function actionsOfMeetingRead(db: Db, organizationId: string, meetingId: string): Read<ActionItemView & { createdAt: string }, ActionItemView[]> {
  return read(
    db
      .select(named({ ...viewColumns, createdAt: actionItems.createdAt }))
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
      .innerJoin(users, eq(users.id, actionItems.ownerId))
      .where(and(eq(actionItems.organizationId, organizationId), eq(actionItems.meetingId, meetingId))),
    (rows) => withMetricNames(rows.map(({ createdAt: _, ...row }) => row)),
    '"createdAt"',
  )
}

/** carriedActions as a read (`readTogether`); the previous meeting is found inside the same statement. */
export function carriedActionsRead(
  db: Db,
  meeting: { id: string; organizationId: string; teamId: string; month: string },
): Read<ActionItemView & { createdAt: string }, ActionItemView[]> {
  const previous = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.teamId, meeting.teamId), eq(meetings.organizationId, meeting.organizationId), lt(meetings.month, meeting.month)))
    .orderBy(desc(meetings.month))
    .limit(1)
  const earlier = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.teamId, meeting.teamId), lt(meetings.month, meeting.month)))
  return read(
    db
      .select(named({ ...viewColumns, createdAt: actionItems.createdAt }))
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
      .innerJoin(users, eq(users.id, actionItems.ownerId))
      .where(
        and(
          eq(actionItems.organizationId, meeting.organizationId),
          eq(actionItems.teamId, meeting.teamId),
          ne(actionItems.meetingId, meeting.id),
          inArray(actionItems.meetingId, earlier),
          or(eq(actionItems.meetingId, sql`(${previous})`), eq(actionItems.status, 'open')),
        ),
      ),
    (rows) => withMetricNames(rows.map(({ createdAt: _, ...row }) => row)),
    '"meetingMonth", "createdAt"',
  )
}

/** The people who can own an action (teamPeople), as a read (`readTogether`). */
export function teamPeopleRead(db: Db, organizationId: string, teamId: string) {
  return read(
    db
      .select(named({ id: users.id, name: users.name, role: memberships.role }))
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.teamId, teamId))),
    (rows: { id: string; name: string; role: string }[]) => rows,
    '"name"',
  )
}

/**
 * What a meeting's agenda carries forward: every action of the team's previous meeting, and any older
 * one still open.
 */
export async function carriedActions(db: Db, meeting: { id: string; organizationId: string; teamId: string; month: string }) {
  return (await readTogether(db, { carried: carriedActionsRead(db, meeting) })).carried
}

/**
 * Open actions of a team (the team page), for anyone who may see the team's meetings. Like the rest
 * of the insights pages, members see no colleague's name there: owners are named to the team's
 * managers (and "You" to the owner); the meeting page has the full list.
 */
export async function openActionsOfTeam(db: Db, actor: Actor, teamId: string, known?: { visible: boolean; manages: boolean }) {
  // A page that has already worked out the actor's access to the team (insights) passes it on.
  const { visible, manages } = known ?? (await teamAccess(db, actor, teamId))
  if (!visible) return null
  const rows = await selectViews(db)
    .where(and(eq(actionItems.organizationId, actor.organizationId), eq(actionItems.teamId, teamId), eq(actionItems.status, 'open')))
    .orderBy(asc(actionItems.dueOn))
  const named = await withMetricNames(rows)
  return named.map((row) => ({ ...row, ownerName: row.ownerId === actor.id ? 'You' : manages ? row.ownerName : null }))
}

type MyOpenAction = { id: string; text: string; dueOn: string; meetingId: string; teamName: string }

function myOpenActionsQuery(db: Db, actor: Actor) {
  return db
    .select(named({ id: actionItems.id, text: actionItems.text, dueOn: actionItems.dueOn, meetingId: actionItems.meetingId, teamName: teams.name }))
    .from(actionItems)
    .innerJoin(teams, eq(teams.id, actionItems.teamId))
    .where(and(eq(actionItems.organizationId, actor.organizationId), eq(actionItems.ownerId, actor.id), eq(actionItems.status, 'open')))
    .orderBy(asc(actionItems.dueOn))
    .limit(10)
}

/** The actor's own open actions, soonest due first (home page "next up"). */
export async function myOpenActions(db: Db, actor: Actor): Promise<MyOpenAction[]> {
  return (await myOpenActionsQuery(db, actor)) as MyOpenAction[]
}

/** myOpenActions as a read a page can send with its other sections' (`readTogether`). */
export const myOpenActionsRead = (db: Db, actor: Actor) => read(myOpenActionsQuery(db, actor), (rows: MyOpenAction[]) => rows, '"dueOn"')
