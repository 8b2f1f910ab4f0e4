// Drills for the people who run them and the people who do them. Every function takes the acting
// person and enforces who may do what itself (see access.server.ts).
import { and, desc, eq, getTableColumns, inArray, isNull, lte, or, sql, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import {
  drillAssignments,
  drillAudiencePeople,
  drillAudienceTeams,
  drillCycles,
  drillSteps,
  drills,
  notifications,
  teams,
  users,
  type Drill,
  type DrillCycle,
} from '#db/schema'
import { forbidden, notFound } from '~/http/responses.server'
import { listLessons } from '~/lessons/lessons.server'
import { listTeamsQuery, managedTeamIdsQuery, type Actor } from '~/org/teams.server'
import { listScenarios } from '~/scenarios/library.server'
import { assignablePeople, findDrill, oversees, oversightOf, overseenPeopleQuery, requireOversight, visibleDrillsWhere, type Oversight } from './access.server'
import { openCycle, syncCycleAudience } from './audience.server'
import { ASSIGNMENT_COLUMNS, assignmentFromJson, assignmentsWithState, stepsOf, type AssignmentWithState, type DrillStep, type JsonAssignmentRow } from './completion.server'
import { drillEditSchema, drillFormSchema, MAX_STEPS, type DrillEditInput, type DrillFormInput, type DrillFormValues } from './drill-form'
import { actorTimeZone, organizationTimeZone } from './organization-zone.server'
import { describeRecurrence, nextCycleAfter, recurrenceRule, wallClock, zonedInstant } from './schedule'
import { queueNudgeEmails } from './drill-jobs.server'
import { jsonRows, named, noRows, nothingToRead, read, readTogether } from '~/query/json-rows.server'
import { funnelOf, isFinished, needsReminding, type AssignmentStatus, type Funnel } from './status'

type Errors = Record<string, string>
export type DrillResult<T> = { ok: true; value: T } | { ok: false; errors: Errors }

const DAY = 24 * 60 * 60 * 1000

async function stepCatalogue(db: Db, actor: Actor) {
  const [scenarios, lessons] = await Promise.all([listScenarios(db, actor), listLessons()])
  return {
    scenarios: scenarios.map((s) => ({ slug: s.slug, title: s.title })),
    lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })),
  }
}

function stepTitleLookup(catalogue: Awaited<ReturnType<typeof stepCatalogue>>) {
  const titles = new Map<string, string>()
  for (const s of catalogue.scenarios) titles.set(`scenario:${s.slug}`, s.title)
  for (const l of catalogue.lessons) titles.set(`lesson:${l.slug}`, l.title)
  return (step: Pick<DrillStep, 'kind' | 'slug'>) => titles.get(`${step.kind}:${step.slug}`) ?? step.slug.replace(/-/g, ' ')
}

const stepHref = (step: Pick<DrillStep, 'kind' | 'slug'>) => (step.kind === 'lesson' ? `/lessons/${step.slug}` : `/scenarios/${step.slug}`)

/** What the form offers the actor: their teams, their people, the scenarios and lessons, the time zone. */
export async function drillFormOptions(db: Db, actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') forbidden('Only managers and admins assign drills.')
  const [{ options }, catalogue, timeZone] = await Promise.all([
    readTogether(db, { options: formOptionsRead(db, actor) }),
    stepCatalogue(db, actor),
    actorTimeZone(db, actor),
  ])
  return formOptionsOf(options, catalogue, timeZone)
}

type TeamListRow = { id: string; name: string; people: number }
type PersonRow = { id: string; name: string; email: string }
/** What the form's options and a manager's oversight are built from, read in one statement. */
type OptionsRow = { managedTeams: { id: string }[]; overseen: { userId: string }[]; teams: TeamListRow[]; people: PersonRow[] }

/** The form's teams and people and the actor's oversight, as one read of a page's shared round trip. */
function formOptionsRead(db: Db, actor: Actor) {
  const overseen = overseenPeopleQuery(db, actor)
  const parts = {
    managedTeams:
      actor.role === 'admin'
        ? noRows<{ id: string }>()
        : jsonRows<{ id: string }>(db.select(named({ id: teams.id })).from(teams).where(inArray(teams.id, managedTeamIdsQuery(db, actor)))),
    overseen: overseen ? jsonRows<{ userId: string }>(overseen) : noRows<{ userId: string }>(),
    teams: jsonRows<TeamListRow>(listTeamsQuery(db, actor), '"name"'),
    people: jsonRows<PersonRow>(
      db
        .select(named({ id: users.id, name: users.name, email: users.email }))
        .from(users)
        .where(and(eq(users.organizationId, actor.organizationId), isNull(users.deactivatedAt))),
      '"name"',
    ),
  }
  return read<OptionsRow, OptionsRow & { oversight: Oversight }>(db.select(named(parts)).from(sql`(select 1) as one`), ([row]) => ({
    ...row,
    oversight:
      actor.role === 'admin'
        ? { teamIds: null, peopleIds: null }
        : { teamIds: row.managedTeams.map((t) => t.id), peopleIds: new Set(row.overseen.map((p) => p.userId)) },
  }))
}

function formOptionsOf(row: OptionsRow & { oversight: Oversight }, catalogue: Awaited<ReturnType<typeof stepCatalogue>>, timeZone: string) {
  const { oversight } = row
  const teamsAllowed = oversight.teamIds === null ? row.teams : row.teams.filter((t) => oversight.teamIds!.includes(t.id))
  const people = row.people.filter((person) => oversees(oversight, person.id))
  return { teams: teamsAllowed.map((t) => ({ id: t.id, name: t.name, people: t.people })), people, ...catalogue, timeZone }
}

type FormOptions = Awaited<ReturnType<typeof drillFormOptions>>
type StepRef = { kind: 'scenario' | 'lesson'; slug: string }
type AudienceInput = { teamIds: string[]; personIds: string[]; excludedIds: string[] }

/** Why this audience cannot be assigned by the actor, or null when it can. */
function checkAudience(options: FormOptions, audience: AudienceInput, kept: { teams: number; people: number } = { teams: 0, people: 0 }) {
  const teamIds = new Set(options.teams.map((t) => t.id))
  const peopleIds = new Set(options.people.map((p) => p.id))
  if (audience.teamIds.some((id) => !teamIds.has(id))) return 'You can assign drills only to your own teams.'
  if ([...audience.personIds, ...audience.excludedIds].some((id) => !peopleIds.has(id))) return 'You can assign drills only to people in your teams.'
  if (!audience.teamIds.length && !audience.personIds.length && !kept.teams && !kept.people) return 'Choose at least one team or person.'
  return null
}

const stepKey = (step: StepRef) => `${step.kind}:${step.slug}`
const uniqueSteps = (steps: StepRef[]) => steps.filter((s, i, all) => all.findIndex((o) => stepKey(o) === stepKey(s)) === i)

function stepsInLibrary(options: FormOptions, steps: StepRef[]) {
  const known = new Set([...options.scenarios.map((s) => `scenario:${s.slug}`), ...options.lessons.map((l) => `lesson:${l.slug}`)])
  return steps.every((s) => known.has(stepKey(s)))
}

/** A drill's audience as stored: its teams, named people and exclusions. */
async function audienceOf(db: Db, drillId: string) {
  const [teamRows, named] = await Promise.all([
    db.select({ teamId: drillAudienceTeams.teamId }).from(drillAudienceTeams).where(eq(drillAudienceTeams.drillId, drillId)),
    db.select({ userId: drillAudiencePeople.userId, excluded: drillAudiencePeople.excluded }).from(drillAudiencePeople).where(eq(drillAudiencePeople.drillId, drillId)),
  ])
  return {
    teamIds: teamRows.map((t) => t.teamId),
    personIds: named.filter((n) => !n.excluded).map((n) => n.userId),
    excludedIds: named.filter((n) => n.excluded).map((n) => n.userId),
  }
}

/**
 * Creates a drill. When it opens now (or already), its first cycle and everyone's assignment are
 * written in the same transaction; a later opening is left to the cycle job.
 */
export async function createDrill(db: Db, actor: Actor, input: DrillFormInput | DrillFormValues, now = new Date()): Promise<DrillResult<Drill>> {
  const options = await drillFormOptions(db, actor)
  const parsed = drillFormSchema.safeParse(input)
  if (!parsed.success) {
    const errors: Errors = {}
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
    return { ok: false, errors }
  }
  const form = parsed.data
  const errors: Errors = {}
  const zone = options.timeZone
  const opensAt = zonedInstant(form.opensDate, form.opensTime, zone)
  const dueAt = zonedInstant(form.dueDate, form.dueTime, zone)
  if (!opensAt) errors.opensDate = 'That opening date does not exist.'
  if (!dueAt) errors.dueDate = 'That due date does not exist.'
  if (opensAt && dueAt && dueAt <= opensAt) errors.dueDate = 'The due time must come after the opening.'
  if (dueAt && dueAt <= now) errors.dueDate = 'The due time is already past.'
  if (opensAt && opensAt.getTime() < now.getTime() - DAY) errors.opensDate = 'The opening cannot be more than a day ago.'
  const audienceError = checkAudience(options, form)
  if (audienceError) errors.audience = audienceError
  const steps = uniqueSteps(form.steps)
  if (!stepsInLibrary(options, steps)) errors.steps = 'One of those steps is not in your library.'
  if (Object.keys(errors).length) return { ok: false, errors }

  const drill = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(drills)
      .values({
        organizationId: actor.organizationId,
        title: form.title,
        note: form.note,
        createdById: actor.id,
        opensAt: opensAt!,
        dueAt: dueAt!,
        recurrence: recurrenceRule(form.recurrence, opensAt!, zone),
        joinerGraceDays: form.joinerGraceDays,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    const base = { organizationId: actor.organizationId, drillId: created.id }
    await tx.insert(drillSteps).values(steps.map((s, i) => ({ ...base, position: i + 1, kind: s.kind, slug: s.slug })))
    if (form.teamIds.length) await tx.insert(drillAudienceTeams).values([...new Set(form.teamIds)].map((teamId) => ({ ...base, teamId })))
    const named = [
      ...[...new Set(form.personIds)].map((userId) => ({ ...base, userId, excluded: false })),
      ...[...new Set(form.excludedIds)].filter((id) => !form.personIds.includes(id)).map((userId) => ({ ...base, userId, excluded: true })),
    ]
    if (named.length) await tx.insert(drillAudiencePeople).values(named)
    if (opensAt! <= now) await openCycle(tx, created, { sequence: 1, opensAt: opensAt!, dueAt: dueAt! }, now)
    return created
  })
  return { ok: true, value: drill }
}

async function latestCycleRow(db: Db, drillId: string): Promise<DrillCycle | null> {
  const [cycle] = await db.select().from(drillCycles).where(eq(drillCycles.drillId, drillId)).orderBy(desc(drillCycles.sequence)).limit(1)
  return cycle ?? null
}

/**
 * Edits a drill: title, note, joiners' grace, the due time of its current cycle, its audience, and
 * its steps (added at the end, or removed). A new due time moves everyone's due time with it
 * (joiners keep their grace), and reminders re-arm because they are keyed by due time. People added
 * while a cycle runs are due no sooner than the joiners' grace from now; people taken out drop out
 * of the figures. Removing a step can complete people, never un-complete them; a new step is one
 * more thing to do for everyone not done yet. Teams and people outside the actor's oversight stay
 * in the audience as they were.
 */
export async function updateDrill(db: Db, actor: Actor, drillId: string, input: DrillEditInput | Record<string, unknown>, now = new Date()): Promise<DrillResult<Drill>> {
  const { drill } = await requireOversight(db, actor, drillId)
  const parsed = drillEditSchema.safeParse(input)
  if (!parsed.success) {
    // Step and audience fields are shown as one message each, beside their fieldsets.
    const shownAs: Record<string, string> = { addSteps: 'steps', removeStepIds: 'steps', teamIds: 'audience', personIds: 'audience', excludedIds: 'audience' }
    const errors: Errors = {}
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form')
      errors[shownAs[field] ?? field] ??= issue.message
    }
    return { ok: false, errors }
  }
  const form = parsed.data
  const zone = await organizationTimeZone(db, actor.organizationId)
  const cycle = await latestCycleRow(db, drill.id)
  const dueAt = zonedInstant(form.dueDate, form.dueTime, zone)
  const opensAt = cycle?.opensAt ?? drill.opensAt
  if (!dueAt) return { ok: false, errors: { dueDate: 'That due date does not exist.' } }
  if (dueAt <= opensAt) return { ok: false, errors: { dueDate: 'The due time must come after the opening.' } }
  const steps = (await stepsOf(db, [drill.id])).get(drill.id)!
  const removing = new Set(form.removeStepIds.filter((id) => steps.some((s) => s.id === id)))
  const kept = steps.filter((s) => !removing.has(s.id))
  const adding = uniqueSteps(form.addSteps).filter((s) => !kept.some((k) => stepKey(k) === stepKey(s)))
  const options = form.editAudience || adding.length ? await drillFormOptions(db, actor) : null
  if (!kept.length && !adding.length) return { ok: false, errors: { steps: 'A drill keeps at least one step.' } }
  if (kept.length + adding.length > MAX_STEPS) return { ok: false, errors: { steps: `A drill has at most ${MAX_STEPS} steps.` } }
  if (options && !stepsInLibrary(options, adding)) return { ok: false, errors: { steps: 'One of those steps is not in your library.' } }
  let audience: AudienceInput | null = null
  if (form.editAudience && options) {
    // Only what the actor oversees is theirs to change; the rest of the audience stays.
    const current = await audienceOf(db, drill.id)
    const ownTeams = new Set(options.teams.map((t) => t.id))
    const ownPeople = new Set(options.people.map((p) => p.id))
    const otherTeams = current.teamIds.filter((id) => !ownTeams.has(id))
    const otherNamed = current.personIds.filter((id) => !ownPeople.has(id))
    const problem = checkAudience(options, form, { teams: otherTeams.length, people: otherNamed.length })
    if (problem) return { ok: false, errors: { audience: problem } }
    audience = {
      teamIds: [...new Set([...otherTeams, ...form.teamIds])],
      personIds: [...new Set([...otherNamed, ...form.personIds])],
      excludedIds: [...new Set([...current.excludedIds.filter((id) => !ownPeople.has(id)), ...form.excludedIds])].filter((id) => !form.personIds.includes(id)),
    }
  }

  const updated = await db.transaction(async (tx) => {
    const currentDue = cycle?.dueAt ?? drill.dueAt
    const moved = dueAt.getTime() !== currentDue.getTime()
    const isFirst = !cycle || cycle.sequence === 1
    const [row] = await tx
      .update(drills)
      .set({
        title: form.title,
        note: form.note,
        joinerGraceDays: form.joinerGraceDays,
        // The first cycle's due time is the drill's own (later cycles repeat its distance).
        ...(moved && isFirst ? { dueAt } : {}),
        updatedAt: now,
      })
      .where(eq(drills.id, drill.id))
      .returning()
    if (removing.size) await tx.delete(drillSteps).where(and(eq(drillSteps.drillId, drill.id), inArray(drillSteps.id, [...removing])))
    if (adding.length) {
      const last = Math.max(0, ...steps.map((s) => s.position))
      await tx
        .insert(drillSteps)
        .values(adding.map((s, i) => ({ organizationId: drill.organizationId, drillId: drill.id, position: last + i + 1, kind: s.kind, slug: s.slug })))
    }
    if (audience) {
      const base = { organizationId: drill.organizationId, drillId: drill.id }
      await tx.delete(drillAudienceTeams).where(eq(drillAudienceTeams.drillId, drill.id))
      await tx.delete(drillAudiencePeople).where(eq(drillAudiencePeople.drillId, drill.id))
      if (audience.teamIds.length) await tx.insert(drillAudienceTeams).values(audience.teamIds.map((teamId) => ({ ...base, teamId })))
      const named = [
        ...audience.personIds.map((userId) => ({ ...base, userId, excluded: false })),
        ...audience.excludedIds.map((userId) => ({ ...base, userId, excluded: true })),
      ]
      if (named.length) await tx.insert(drillAudiencePeople).values(named)
    }
    if (moved && cycle) {
      await tx.update(drillCycles).set({ dueAt }).where(eq(drillCycles.id, cycle.id))
      const newDue = dueAt.toISOString()
      await tx
        .update(drillAssignments)
        .set({
          dueAt: sql`case when ${drillAssignments.joinedAt} is null then ${newDue}::timestamptz
            else greatest(${newDue}::timestamptz, ${drillAssignments.joinedAt} + make_interval(days => ${form.joinerGraceDays})) end`,
        })
        .where(eq(drillAssignments.cycleId, cycle.id))
    }
    return row
  })
  // The running cycle follows the new audience at once (the sweep would, later).
  if (audience && cycle) {
    const [current] = await db.select().from(drillCycles).where(eq(drillCycles.id, cycle.id))
    await syncCycleAudience(db, updated, current, now, { addedAt: now })
  }
  return { ok: true, value: updated }
}

// ───────────────────────────── the people's view ─────────────────────────────

export interface MyDrill {
  drillId: string
  cycleId: string
  title: string
  dueAt: Date
  status: AssignmentStatus
  stepsDone: number
  stepsTotal: number
  doneAt: Date | null
}

/**
 * The actor's own assignments in opened cycles: due (soonest first), overdue, and done (latest
 * first, the last 20). Exemptions and assignments they left are not listed.
 */
export async function myDrills(db: Db, actor: Actor, now = new Date()) {
  return (await readTogether(db, { mine: myDrillsRead(db, actor, now) })).mine
}

type MyDrillRow = { id: string; drillId: string; opensAt: string; title: string; steps: DrillStep[] } & JsonAssignmentRow

/** myDrills as one read of a page's shared round trip (see app/query/json-rows.server.ts). */
export function myDrillsRead(db: Db, actor: Actor, now = new Date()) {
  // The person's assignments with their cycles: one row each (a person has one assignment per cycle).
  const query = db
    .select(
      named({
        id: drillCycles.id,
        opensAt: drillCycles.opensAt,
        title: drills.title,
        ...ASSIGNMENT_COLUMNS,
        // The drill's steps come along (a correlated subquery), so working out progress needs no read of its own.
        steps: jsonRows<DrillStep>(
          db
            .select(
              named({
                id: drillSteps.id,
                organizationId: drillSteps.organizationId,
                drillId: drillSteps.drillId,
                position: drillSteps.position,
                kind: drillSteps.kind,
                slug: drillSteps.slug,
              }),
            )
            .from(drillSteps)
            .where(eq(drillSteps.drillId, drillCycles.drillId)),
          '"position"',
        ),
      }),
    )
    .from(drillAssignments)
    .innerJoin(drillCycles, eq(drillCycles.id, drillAssignments.cycleId))
    .innerJoin(drills, eq(drills.id, drillCycles.drillId))
    .where(
      and(
        eq(drillAssignments.userId, actor.id),
        eq(drillAssignments.organizationId, actor.organizationId),
        lte(drillCycles.opensAt, now),
        isNull(drillAssignments.leftAt),
        isNull(drillAssignments.exemptAt),
      ),
    )
  return read<MyDrillRow, { due: MyDrill[]; overdue: MyDrill[]; done: MyDrill[] }>(query, (rows) => buildMyDrills(db, actor, rows, now))
}

async function buildMyDrills(db: Db, actor: Actor, rows: MyDrillRow[], now: Date) {
  const titles = new Map(rows.map((r) => [r.id, r.title]))
  const states = await assignmentsWithState(
    db,
    actor.organizationId,
    rows.map((r) => ({ id: r.id, drillId: r.drillId, opensAt: new Date(r.opensAt) })),
    now,
    {
      userIds: [actor.id],
      assignments: rows.map(assignmentFromJson),
      steps: new Map(rows.map((r) => [r.drillId, r.steps])),
    },
  )
  const items: MyDrill[] = states.map((a) => ({
    drillId: a.drillId,
    cycleId: a.cycleId,
    title: titles.get(a.cycleId)!,
    dueAt: a.effectiveDueAt,
    status: a.state.status,
    stepsDone: a.state.stepsDone,
    stepsTotal: a.state.stepsTotal,
    doneAt: a.state.doneAt,
  }))
  const byDue = (a: MyDrill, b: MyDrill) => a.dueAt.getTime() - b.dueAt.getTime()
  return {
    due: items.filter((i) => i.status === 'not-started' || i.status === 'in-progress').sort(byDue),
    overdue: items.filter((i) => i.status === 'overdue').sort(byDue),
    done: items
      .filter((i) => isFinished(i.status))
      .sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime())
      .slice(0, 20),
  }
}

/** The home page's "next up" drill: the nearest one due (overdue first), or null. */
export async function nextDrillFor(db: Db, actor: Actor, now = new Date()) {
  const { due, overdue } = await myDrills(db, actor, now)
  return overdue[0] ?? due[0] ?? null
}

/** One drill as the person doing it sees it: their current cycle's steps with links and progress. */
export async function myDrill(db: Db, actor: Actor, drillId: string, now = new Date()) {
  return (await drillPage(db, actor, drillId, { now, table: false })).mine
}

// ───────────────────────────── the managers' view ─────────────────────────────

export interface ManagedDrill {
  id: string
  title: string
  recurrence: string | null
  opensAt: Date
  cycle: { id: string; sequence: number; opensAt: Date; dueAt: Date } | null
  funnel: Funnel
}

/** The drills the actor oversees (admins: all), newest first, each with its current cycle's funnel over the people they oversee. */
export async function managedDrills(db: Db, actor: Actor, now = new Date()): Promise<ManagedDrill[]> {
  return (await readTogether(db, { managed: managedDrillsRead(db, actor, now) })).managed
}

type ManagedRow = {
  drill: { id: string; title: string; recurrence: string | null; opensAt: string; createdAt: string }[]
  cycle: { id: string; drillId: string; sequence: number; opensAt: string; dueAt: string }[]
  step: DrillStep[]
  assignment: JsonAssignmentRow[]
}

/**
 * managedDrills as one read of a page's shared round trip: the drills the actor oversees (the same
 * rule as overseesDrill, in SQL), their current cycles, steps and the overseen people's
 * assignments come back together; only the step evidence is a second round trip.
 */
export function managedDrillsRead(db: Db, actor: Actor, now = new Date()) {
  if (actor.role !== 'admin' && actor.role !== 'manager') return read<never, ManagedDrill[]>(sql`select 1 where false`, () => [])
  const visible = visibleDrillsWhere(db, actor)
  const latestCycles = db
    .selectDistinctOn([drillCycles.drillId], { id: drillCycles.id })
    .from(drillCycles)
    .innerJoin(drills, eq(drills.id, drillCycles.drillId))
    .where(visible)
    .orderBy(drillCycles.drillId, desc(drillCycles.sequence))
  const overseen = overseenPeopleQuery(db, actor)
  const parts = {
    drill: jsonRows(
      db
        .select(named({ id: drills.id, title: drills.title, recurrence: drills.recurrence, opensAt: drills.opensAt, createdAt: drills.createdAt }))
        .from(drills)
        .where(visible),
      '"createdAt" desc',
    ),
    cycle: jsonRows(
      db
        .select(named({ id: drillCycles.id, drillId: drillCycles.drillId, sequence: drillCycles.sequence, opensAt: drillCycles.opensAt, dueAt: drillCycles.dueAt }))
        .from(drillCycles)
        .where(inArray(drillCycles.id, latestCycles)),
    ),
    step: jsonRows(
      db
        .select(named({ id: drillSteps.id, drillId: drillSteps.drillId, position: drillSteps.position, kind: drillSteps.kind, slug: drillSteps.slug }))
        .from(drillSteps)
        .innerJoin(drills, eq(drills.id, drillSteps.drillId))
        .where(visible),
      '"position"',
    ),
    assignment: jsonRows(
      db
        .select(named(ASSIGNMENT_COLUMNS))
        .from(drillAssignments)
        .where(
          and(
            eq(drillAssignments.organizationId, actor.organizationId),
            inArray(drillAssignments.cycleId, latestCycles),
            overseen ? inArray(drillAssignments.userId, overseen) : undefined,
          ),
        ),
    ),
  }
  return read<ManagedRow, ManagedDrill[]>(db.select(named(parts)).from(sql`(select 1) as one`), ([row]) => buildManagedDrills(db, actor, row, now))
}

async function buildManagedDrills(db: Db, actor: Actor, row: ManagedRow, now: Date): Promise<ManagedDrill[]> {
  if (!row.drill.length) return []
  const cycles = row.cycle.map((c) => ({ ...c, opensAt: new Date(c.opensAt), dueAt: new Date(c.dueAt) }))
  const steps = new Map<string, DrillStep[]>(cycles.map((c) => [c.drillId, []]))
  for (const step of row.step) steps.get(step.drillId)?.push(step)
  const states = await assignmentsWithState(db, actor.organizationId, cycles, now, { steps, assignments: row.assignment.map(assignmentFromJson) })
  return row.drill.map((drill) => {
    const cycle = cycles.find((c) => c.drillId === drill.id) ?? null
    return {
      id: drill.id,
      title: drill.title,
      recurrence: describeRecurrence(drill.recurrence),
      opensAt: new Date(drill.opensAt),
      cycle: cycle ? { id: cycle.id, sequence: cycle.sequence, opensAt: cycle.opensAt, dueAt: cycle.dueAt } : null,
      funnel: funnelOf(states.filter((s) => s.cycleId === cycle?.id).map((s) => s.state.status)),
    }
  })
}

export interface DrillTableRow {
  userId: string
  name: string
  teamName: string | null
  dueAt: Date
  extended: boolean
  joinedAfterOpening: boolean
  exemptReason: string | null
  status: AssignmentStatus
  doneAt: Date | null
  steps: { doneAt: Date | null; late: boolean }[]
}

/**
 * One drill for the people who oversee it: a cycle (the current one unless `sequence` is given),
 * its funnel and its people × steps table, optionally for one team. Only people the actor oversees.
 */
export async function drillTable(db: Db, actor: Actor, drillId: string, options: { teamId?: string; sequence?: number; now?: Date } = {}) {
  const { table } = await drillPage(db, actor, drillId, { ...options, table: true })
  return table ?? forbidden('Only the managers of its people and admins can follow this drill.')
}

type JsonDrill = Omit<Drill, 'opensAt' | 'dueAt' | 'createdAt' | 'updatedAt'> & { opensAt: string; dueAt: string; createdAt: string; updatedAt: string }
type JsonCycle = { id: string; drillId: string; sequence: number; opensAt: string; dueAt: string }
type DrillPageRow = {
  drill: JsonDrill[]
  steps: DrillStep[]
  mine: (JsonCycle & { assignment: JsonAssignmentRow })[]
  visible: { one: number }[]
  cycles: JsonCycle[]
  audienceTeams: { id: string; name: string }[]
  audienceNamed: { userId: string; excluded: boolean }[]
  assignments: (JsonAssignmentRow & { name: string | null })[]
}

const cycleFields = { id: drillCycles.id, drillId: drillCycles.drillId, sequence: drillCycles.sequence, opensAt: drillCycles.opensAt, dueAt: drillCycles.dueAt }
const cycleFromJson = (c: JsonCycle) => ({ ...c, opensAt: new Date(c.opensAt), dueAt: new Date(c.dueAt) })

/**
 * Everything /drills/<id> shows, in few round trips: one statement reads the drill, the actor's own
 * assignment, and (with `table`, for managers and admins) whether they oversee it, its cycles,
 * audience, the edit form's teams and people and the chosen cycle's assignments; then the
 * scenario catalogue and the step evidence are read side by side. `table` is null when the actor
 * does not oversee the drill (a manager may still be assigned it); `mine` null when not assigned.
 */
export async function drillPage(
  db: Db,
  actor: Actor,
  drillId: string,
  options: { teamId?: string; sequence?: number; now?: Date; table: boolean },
) {
  const now = options.now ?? new Date()
  if (!/^[0-9a-f-]{36}$/i.test(drillId)) notFound('There is no such drill.')
  const wantTable = options.table && (actor.role === 'admin' || actor.role === 'manager')
  const ofDrill = <T extends SQLWrapper>(column: T) => sql`${column} = ${drillId}`
  const chosenCycle = db
    .select({ id: drillCycles.id })
    .from(drillCycles)
    .where(and(ofDrill(drillCycles.drillId), options.sequence ? eq(drillCycles.sequence, options.sequence) : undefined))
    .orderBy(desc(drillCycles.sequence))
    .limit(1)
  const overseen = overseenPeopleQuery(db, actor)
  const parts = {
    drill: jsonRows<JsonDrill>(db.select(named(getTableColumns(drills))).from(drills).where(and(ofDrill(drills.id), eq(drills.organizationId, actor.organizationId)))),
    steps: jsonRows<DrillStep>(db.select(named(getTableColumns(drillSteps))).from(drillSteps).where(ofDrill(drillSteps.drillId)), '"position"'),
    mine: jsonRows(
      db
        .select(named({ ...cycleFields, assignment: sql`json_build_object(${sql.join(Object.entries(ASSIGNMENT_COLUMNS).map(([key, column]) => sql`${key}::text, ${column}`), sql`, `)})` }))
        .from(drillAssignments)
        .innerJoin(drillCycles, eq(drillCycles.id, drillAssignments.cycleId))
        .where(
          and(
            ofDrill(drillAssignments.drillId),
            eq(drillAssignments.userId, actor.id),
            eq(drillAssignments.organizationId, actor.organizationId),
            lte(drillCycles.opensAt, now),
          ),
        )
        .orderBy(desc(drillCycles.sequence))
        .limit(1),
    ),
    ...(wantTable
      ? {
          visible: jsonRows(db.select({ one: sql`1`.as('one') }).from(drills).where(and(ofDrill(drills.id), visibleDrillsWhere(db, actor)))),
          cycles: jsonRows(db.select(named(cycleFields)).from(drillCycles).where(ofDrill(drillCycles.drillId)), '"sequence" desc'),
          audienceTeams: jsonRows(
            db.select(named({ id: teams.id, name: teams.name })).from(drillAudienceTeams).innerJoin(teams, eq(teams.id, drillAudienceTeams.teamId)).where(ofDrill(drillAudienceTeams.drillId)),
            '"name"',
          ),
          audienceNamed: jsonRows(
            db.select(named({ userId: drillAudiencePeople.userId, excluded: drillAudiencePeople.excluded })).from(drillAudiencePeople).where(ofDrill(drillAudiencePeople.drillId)),
          ),
          assignments: jsonRows(
            db
              .select(named({ ...ASSIGNMENT_COLUMNS, name: users.name }))
              .from(drillAssignments)
              .leftJoin(users, eq(users.id, drillAssignments.userId))
              .where(
                and(
                  eq(drillAssignments.organizationId, actor.organizationId),
                  inArray(drillAssignments.cycleId, chosenCycle),
                  overseen ? inArray(drillAssignments.userId, overseen) : undefined,
                ),
              ),
          ),
        }
      : {}),
  }
  const { page, form } = await readTogether(db, {
    page: read(db.select(named(parts)).from(sql`(select 1) as one`), ([row]: DrillPageRow[]) => row),
    form: wantTable ? formOptionsRead(db, actor) : nothingToRead(),
  })
  const [stored] = page.drill
  if (!stored) notFound('There is no such drill.')
  const drill: Drill = { ...stored, opensAt: new Date(stored.opensAt), dueAt: new Date(stored.dueAt), createdAt: new Date(stored.createdAt), updatedAt: new Date(stored.updatedAt) }
  const steps = new Map([[drill.id, page.steps]])
  const [catalogue, zone] = await Promise.all([stepCatalogue(db, actor), actorTimeZone(db, actor)])
  const [table, mine] = await Promise.all([
    wantTable && form && page.visible?.length ? buildDrillTable(db, actor, drill, steps, page, form, catalogue, zone, options, now) : null,
    page.mine[0] ? buildMyDrill(db, actor, drill, steps, page.mine[0], catalogue, now) : null,
  ])
  return { table, mine }
}

async function buildMyDrill(
  db: Db,
  actor: Actor,
  drill: Drill,
  steps: Map<string, DrillStep[]>,
  mine: DrillPageRow['mine'][number],
  catalogue: Awaited<ReturnType<typeof stepCatalogue>>,
  now: Date,
) {
  const cycle = cycleFromJson(mine)
  const [assignment] = await assignmentsWithState(db, actor.organizationId, [cycle], now, {
    userIds: [actor.id],
    steps,
    assignments: [assignmentFromJson(mine.assignment)],
  })
  const title = stepTitleLookup(catalogue)
  return {
    drill: { id: drill.id, title: drill.title, note: drill.note, recurrence: describeRecurrence(drill.recurrence) },
    cycle: { id: cycle.id, opensAt: cycle.opensAt },
    dueAt: assignment.effectiveDueAt,
    extended: assignment.extendedDueAt !== null,
    exempt: assignment.exemptAt !== null,
    status: assignment.state.status,
    steps: steps.get(drill.id)!.map((step, i) => ({
      id: step.id,
      kind: step.kind,
      title: title(step),
      href: stepHref(step),
      doneAt: assignment.stepsDoneAt[i],
    })),
  }
}

async function buildDrillTable(
  db: Db,
  actor: Actor,
  drill: Drill,
  steps: Map<string, DrillStep[]>,
  page: DrillPageRow,
  form: OptionsRow & { oversight: Oversight },
  catalogue: Awaited<ReturnType<typeof stepCatalogue>>,
  zone: string,
  options: { teamId?: string; sequence?: number },
  now: Date,
) {
  const cycleRows = page.cycles.map(cycleFromJson)
  const audience = {
    teamIds: page.audienceTeams.map((t) => t.id),
    personIds: page.audienceNamed.filter((n) => !n.excluded).map((n) => n.userId),
    excludedIds: page.audienceNamed.filter((n) => n.excluded).map((n) => n.userId),
  }
  const formOptions = formOptionsOf(form, catalogue, zone)
  const cycle = options.sequence ? cycleRows.find((c) => c.sequence === options.sequence) : cycleRows[0]
  if (options.sequence && !cycle) notFound('That drill has no such cycle.')
  const states = cycle
    ? await assignmentsWithState(db, actor.organizationId, [cycle], now, { steps, assignments: page.assignments.map(assignmentFromJson) })
    : []
  const names = new Map(page.assignments.map((p) => [p.userId, p.name]))
  const teamNames = new Map(form.teams.map((t) => [t.id, t.name]))
  const filterTeams = [...new Map(states.filter((s) => s.teamId).map((s) => [s.teamId!, teamNames.get(s.teamId!) ?? ''])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const shown = options.teamId ? states.filter((s) => s.teamId === options.teamId) : states
  const title = stepTitleLookup(formOptions)
  const rows: DrillTableRow[] = shown
    .map((s) => ({
      userId: s.userId,
      name: names.get(s.userId) ?? 'Someone',
      teamName: s.teamId ? (teamNames.get(s.teamId) ?? null) : null,
      dueAt: s.effectiveDueAt,
      extended: s.extendedDueAt !== null,
      joinedAfterOpening: s.joinedAt !== null,
      exemptReason: s.exemptAt ? (s.exemptReason ?? '') : null,
      status: s.state.status,
      doneAt: s.state.doneAt,
      steps: s.stepsDoneAt.map((at) => ({ doneAt: at, late: at !== null && at > s.effectiveDueAt })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const nextCycle = drill.recurrence ? nextCycleAfter(drill, zone, now) : null
  return {
    drill: {
      id: drill.id,
      title: drill.title,
      note: drill.note,
      recurrence: describeRecurrence(drill.recurrence),
      joinerGraceDays: drill.joinerGraceDays,
      opensAt: drill.opensAt,
      nudgedToday: drill.lastNudgedOn === localDay(now, zone),
    },
    timeZone: zone,
    cycle: cycle ? { id: cycle.id, sequence: cycle.sequence, opensAt: cycle.opensAt, dueAt: cycle.dueAt } : null,
    cycles: cycleRows.map((c) => ({ sequence: c.sequence, opensAt: c.opensAt, dueAt: c.dueAt })),
    nextCycle,
    dueForm: wallClock(cycle?.dueAt ?? drill.dueAt, zone),
    audienceTeams: page.audienceTeams,
    /** The stored audience and what the actor may pick from, for the edit form. */
    audience,
    formOptions,
    steps: steps.get(drill.id)!.map((s) => ({ id: s.id, kind: s.kind, title: title(s), href: stepHref(s) })),
    funnel: funnelOf(shown.map((s) => s.state.status)),
    filterTeams,
    rows,
  }
}
export type DrillTable = NonNullable<Awaited<ReturnType<typeof drillPage>>['table']>

/** The organization-time calendar day of an instant, as YYYY-MM-DD. */
export function localDay(instant: Date, zone: string) {
  return wallClock(instant, zone).date
}

// ───────────────────────────── per person: extension, exemption ─────────────────────────────

async function overseenAssignment(db: Db, actor: Actor, drillId: string, cycleId: string, userId: string, oversight?: Oversight) {
  const access = await requireOversight(db, actor, drillId)
  if (!oversees(oversight ?? access.oversight, userId)) forbidden('You can change this only for people in your teams.')
  const [row] = await db
    .select()
    .from(drillAssignments)
    .where(and(eq(drillAssignments.drillId, drillId), eq(drillAssignments.cycleId, cycleId), eq(drillAssignments.userId, userId)))
  return row ?? notFound('That person is not in this cycle.')
}

/** A new due time for one person (null takes the extension back). Reminders re-arm on the new time. */
export async function extendDueTime(
  db: Db,
  actor: Actor,
  input: { drillId: string; cycleId: string; userId: string; dueDate?: string; dueTime?: string; clear?: boolean },
): Promise<DrillResult<Date | null>> {
  const assignment = await overseenAssignment(db, actor, input.drillId, input.cycleId, input.userId)
  let extended: Date | null = null
  if (!input.clear) {
    const zone = await organizationTimeZone(db, actor.organizationId)
    extended = zonedInstant(input.dueDate ?? '', input.dueTime ?? '', zone)
    if (!extended) return { ok: false, errors: { dueDate: 'Enter the new due date and time.' } }
    if (extended <= assignment.dueAt) return { ok: false, errors: { dueDate: 'An extension must come after the current due time.' } }
  }
  await db
    .update(drillAssignments)
    .set({ extendedDueAt: extended })
    .where(and(eq(drillAssignments.cycleId, assignment.cycleId), eq(drillAssignments.userId, assignment.userId)))
  return { ok: true, value: extended }
}

/** Exempts one person from a cycle, with a reason (it leaves the completion figure), or takes it back. */
export async function setExemption(
  db: Db,
  actor: Actor,
  input: { drillId: string; cycleId: string; userId: string; reason?: string; clear?: boolean },
  now = new Date(),
): Promise<DrillResult<boolean>> {
  const assignment = await overseenAssignment(db, actor, input.drillId, input.cycleId, input.userId)
  const reason = (input.reason ?? '').trim()
  if (!input.clear && (reason.length < 3 || reason.length > 300)) {
    return { ok: false, errors: { reason: 'Give a reason of 3 to 300 characters.' } }
  }
  await db
    .update(drillAssignments)
    .set(input.clear ? { exemptAt: null, exemptReason: null } : { exemptAt: now, exemptReason: reason })
    .where(and(eq(drillAssignments.cycleId, assignment.cycleId), eq(drillAssignments.userId, assignment.userId)))
  return { ok: true, value: !input.clear }
}

/**
 * "Nudge": one reminder to everyone the actor oversees who has not finished the current cycle, at
 * most once per drill per organization-time day (whoever presses it). Returns who was nudged.
 */
export async function nudgeDrill(db: Db, actor: Actor, drillId: string, now = new Date()): Promise<DrillResult<string[]>> {
  const { drill, oversight } = await requireOversight(db, actor, drillId)
  const cycle = await latestCycleRow(db, drill.id)
  if (!cycle || cycle.opensAt > now) return { ok: false, errors: { nudge: 'This drill has not opened yet.' } }
  const zone = await organizationTimeZone(db, actor.organizationId)
  const today = localDay(now, zone)
  const [claimed] = await db
    .update(drills)
    .set({ lastNudgedOn: today })
    .where(and(eq(drills.id, drill.id), or(isNull(drills.lastNudgedOn), sql`${drills.lastNudgedOn} < ${today}`)))
    .returning({ id: drills.id })
  if (!claimed) return { ok: false, errors: { nudge: 'This drill was already nudged today. Try again tomorrow.' } }
  const states = await assignmentsWithState(db, actor.organizationId, [cycle], now, {
    userIds: oversight.peopleIds === null ? undefined : [...oversight.peopleIds],
  })
  const people = states.filter((s) => needsReminding(s.state.status)).map((s) => s.userId)
  if (people.length) {
    await db.insert(notifications).values(
      people.map((userId) => ({
        organizationId: actor.organizationId,
        userId,
        kind: 'drill-nudge',
        title: `A reminder from your manager: ${drill.title}`,
        href: `/drills/${drill.id}`,
        createdAt: now,
      })),
    )
    await queueNudgeEmails(db, drill, people, now)
  }
  return { ok: true, value: people }
}

/** What the home page's drill card needs: the nearest drill due (or null), the zone and the time now. */
export async function homeNextDrill(db: Db, actor: Actor, now = new Date()) {
  const [drill, timeZone] = await Promise.all([nextDrillFor(db, actor, now), actorTimeZone(db, actor)])
  return { drill, timeZone, now: now.toISOString() }
}
