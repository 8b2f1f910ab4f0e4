// A person's progress through lessons and onboarding paths. Lessons and paths are content files;
// what a person did with them (lessons done, private notes, enrolments) lives in the database.
// A lesson step is done when a lesson_progress row exists; a scenario step is done once the
// person has submitted a reply for that scenario.
import { and, asc, eq, inArray, isNull, sql, type SQLWrapper } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { lessonProgress, memberships, pathEnrollments, reflections, replies, teams, users } from '#db/schema'
import { forbidden, notFound } from '~/http/responses.server'
import { managedTeamIdsQuery, type Actor } from '~/org/teams.server'
import { jsonRows, named, read } from '~/query/json-rows.server'
import { slugSchema, type LessonSummary } from './lesson-frontmatter'
import { listLessons } from './lessons.server'
import type { LearningPath } from './path-schema'
import { getPath, listPaths } from './paths.server'
import { percentOf, STUCK_AFTER_DAYS } from './progress'
import { scenarioTitles } from './scenario-titles.server'

/** Whose progress: a person, always within their organization. */
export type Person = Pick<Actor, 'id' | 'organizationId'>

const DAY_MS = 24 * 60 * 60 * 1000

export type ProgressStep = {
  /** 1-based position in the path. */
  position: number
  kind: 'lesson' | 'scenario'
  slug: string
  title: string
  href: string
  /** Reading time, for lesson steps. */
  minutes: number | null
  done: boolean
  doneAt: Date | null
}

export type PathRef = Pick<LearningPath, 'slug' | 'title' | 'summary' | 'audience' | 'default'>

export type PathProgress = {
  path: PathRef
  steps: ProgressStep[]
  done: number
  total: number
  percent: number
  complete: boolean
  nextStep: ProgressStep | null
  enrolment: { enrolledAt: Date; completedAt: Date | null } | null
  /** When the person last moved on this path (a step done, or enrolling); null if never. */
  lastActivityAt: Date | null
}

// ───────────────────────────── what a person has done ─────────────────────────────

type Done = { lessons: Map<string, Date>; scenarios: Map<string, Date> }
type Progress = { done: Map<string, Done>; enrolments: (Enrolment & { userId: string })[] }

type ProgressRow = { kind: 'lesson' | 'scenario' | 'enrolment'; userId: string; slug: string; at: Date | string; completedAt: Date | string | null }

/**
 * What people of one organization did: lessons done, scenarios replied to (first reply time) and
 * path enrolments, as one statement. `userIds`: a list, or a subquery naming them.
 */
function progressQuery(db: Db, organizationId: string, userIds: string[] | SQLWrapper) {
  // Raw timestamps come back as Date or string depending on the driver (and as text inside JSON): new Date() takes all.
  const noTime = sql<Date | string | null>`null::timestamptz`
  return db
    .select({
      kind: sql<'lesson' | 'scenario' | 'enrolment'>`'lesson'`.as('kind'),
      userId: sql<string>`${lessonProgress.userId}`.as('userId'),
      slug: sql<string>`${lessonProgress.lessonSlug}`.as('slug'),
      at: sql<Date | string>`${lessonProgress.completedAt}`.as('at'),
      completedAt: noTime.as('completedAt'),
    })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.organizationId, organizationId), inArray(lessonProgress.userId, userIds)))
    .unionAll(
      db
        .select({
          kind: sql<'scenario'>`'scenario'`.as('kind'),
          userId: sql<string>`${replies.userId}`.as('userId'),
          slug: sql<string>`${replies.scenarioSlug}`.as('slug'),
          at: sql<Date | string>`min(${replies.submittedAt})`.as('at'),
          completedAt: noTime.as('completedAt'),
        })
        .from(replies)
        .where(and(eq(replies.organizationId, organizationId), inArray(replies.userId, userIds)))
        .groupBy(replies.userId, replies.scenarioSlug),
    )
    .unionAll(
      db
        .select({
          kind: sql<'enrolment'>`'enrolment'`.as('kind'),
          userId: sql<string>`${pathEnrollments.userId}`.as('userId'),
          slug: sql<string>`${pathEnrollments.pathSlug}`.as('slug'),
          at: sql<Date | string>`${pathEnrollments.enrolledAt}`.as('at'),
          completedAt: sql<Date | string | null>`${pathEnrollments.completedAt}`.as('completedAt'),
        })
        .from(pathEnrollments)
        .where(and(eq(pathEnrollments.organizationId, organizationId), inArray(pathEnrollments.userId, userIds))),
    )
}

function progressFrom(userIds: string[], rows: ProgressRow[]): Progress {
  const done = new Map<string, Done>(userIds.map((id) => [id, { lessons: new Map(), scenarios: new Map() }]))
  const enrolments: Progress['enrolments'] = []
  for (const row of rows) {
    const at = new Date(row.at)
    if (row.kind === 'lesson') done.get(row.userId)?.lessons.set(row.slug, at)
    else if (row.kind === 'scenario') done.get(row.userId)?.scenarios.set(row.slug, at)
    else {
      const completedAt = row.completedAt === null ? null : new Date(row.completedAt)
      enrolments.push({ userId: row.userId, pathSlug: row.slug, enrolledAt: at, completedAt })
    }
  }
  enrolments.sort((a, b) => a.enrolledAt.getTime() - b.enrolledAt.getTime() || a.pathSlug.localeCompare(b.pathSlug))
  return { done, enrolments }
}

/** What several people of one organization did (see progressQuery), in one round trip. */
async function progressOf(db: Db, organizationId: string, userIds: string[]): Promise<Progress> {
  if (userIds.length === 0) return progressFrom(userIds, [])
  return progressFrom(userIds, await progressQuery(db, organizationId, userIds))
}

type Titles = { lessons: Map<string, LessonSummary>; scenarios: Record<string, string> }

async function titlesFor(paths: readonly LearningPath[]): Promise<Titles> {
  const scenarioSlugs = paths.flatMap((p) => p.steps.filter((s) => s.kind === 'scenario').map((s) => s.slug))
  const [lessons, scenarios] = await Promise.all([listLessons(), scenarioTitles(scenarioSlugs)])
  return { lessons: new Map(lessons.map((l) => [l.slug, l])), scenarios }
}

type Enrolment = { pathSlug: string; enrolledAt: Date; completedAt: Date | null }

function buildProgress(path: LearningPath, done: Done, titles: Titles, enrolment: Enrolment | null): PathProgress {
  const steps: ProgressStep[] = path.steps.map((step, i) => {
    const lesson = step.kind === 'lesson' ? titles.lessons.get(step.slug) : undefined
    const doneAt = (step.kind === 'lesson' ? done.lessons : done.scenarios).get(step.slug) ?? null
    return {
      position: i + 1,
      kind: step.kind,
      slug: step.slug,
      title: step.kind === 'lesson' ? (lesson?.title ?? step.slug) : (titles.scenarios[step.slug] ?? step.slug),
      href: step.kind === 'lesson' ? `/lessons/${step.slug}` : `/scenarios/${step.slug}`,
      minutes: lesson?.minutes ?? null,
      done: doneAt !== null,
      doneAt,
    }
  })
  const doneCount = steps.filter((s) => s.done).length
  const times = [enrolment?.enrolledAt, ...steps.map((s) => s.doneAt)].filter((t): t is Date => t instanceof Date)
  return {
    path: { slug: path.slug, title: path.title, summary: path.summary, audience: path.audience, default: path.default },
    steps,
    done: doneCount,
    total: steps.length,
    percent: percentOf(doneCount, steps.length),
    complete: doneCount === steps.length,
    nextStep: steps.find((s) => !s.done) ?? null,
    enrolment: enrolment ? { enrolledAt: enrolment.enrolledAt, completedAt: enrolment.completedAt } : null,
    lastActivityAt: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
  }
}

/**
 * Stamp completed_at on an enrolment whose steps are all done (at the time of the last step).
 * Scenario steps are finished elsewhere (by replying), so this also runs when progress is read.
 */
async function recordCompletion(db: Db, organizationId: string, userId: string, progress: PathProgress) {
  if (!progress.enrolment || progress.enrolment.completedAt || !progress.complete) return progress
  const completedAt = progress.lastActivityAt ?? new Date()
  await db
    .update(pathEnrollments)
    .set({ completedAt })
    .where(
      and(
        eq(pathEnrollments.organizationId, organizationId),
        eq(pathEnrollments.userId, userId),
        eq(pathEnrollments.pathSlug, progress.path.slug),
        isNull(pathEnrollments.completedAt),
      ),
    )
  return { ...progress, enrolment: { ...progress.enrolment, completedAt } }
}

/** Progress on every path the person is enrolled in (default path first), completion recorded. */
async function enrolledProgress(db: Db, person: Person): Promise<PathProgress[]> {
  return (await enrolledProgressAndDone(db, person)).progress
}

/** enrolledProgress, with what the person has done (read in the same round trip, or handed over already read). */
async function enrolledProgressAndDone(db: Db, person: Person, rows?: ProgressRow[]): Promise<{ progress: PathProgress[]; done: Done }> {
  const [{ enrolments, done }, paths] = await Promise.all([
    rows ? progressFrom([person.id], rows) : progressOf(db, person.organizationId, [person.id]),
    listPaths(),
  ])
  const bySlug = new Map(paths.map((p) => [p.slug, p]))
  // an enrolment whose path file was removed is skipped, not an error
  const enrolled = enrolments.filter((e) => bySlug.has(e.pathSlug))
  const titles = await titlesFor(enrolled.map((e) => bySlug.get(e.pathSlug)!))
  const progress = enrolled.map((e) =>
    buildProgress(bySlug.get(e.pathSlug)!, done.get(person.id)!, titles, e),
  )
  const recorded = await Promise.all(progress.map((p) => recordCompletion(db, person.organizationId, person.id, p)))
  return { progress: recorded.sort((a, b) => Number(b.path.default) - Number(a.path.default)), done: done.get(person.id)! }
}

// ───────────────────────────── lessons ─────────────────────────────

async function assertLessonExists(slug: string) {
  if (!slugSchema.safeParse(slug).success || !(await listLessons()).some((l) => l.slug === slug)) {
    notFound(`There is no lesson “${slug}”.`)
  }
}

/**
 * Mark a lesson done for the acting person. Doing it twice changes nothing (the first time counts).
 * Returns whether this call did it, and the paths it finished.
 */
export async function markLessonDone(db: Db, actor: Person, lessonSlug: string) {
  await assertLessonExists(lessonSlug)
  const inserted = await db
    .insert(lessonProgress)
    .values({ organizationId: actor.organizationId, userId: actor.id, lessonSlug })
    .onConflictDoNothing()
    .returning({ slug: lessonProgress.lessonSlug })
  const before = await db
    .select({ pathSlug: pathEnrollments.pathSlug })
    .from(pathEnrollments)
    .where(
      and(
        eq(pathEnrollments.organizationId, actor.organizationId),
        eq(pathEnrollments.userId, actor.id),
        isNull(pathEnrollments.completedAt),
      ),
    )
  const open = new Set(before.map((e) => e.pathSlug))
  const progress = await enrolledProgress(db, actor)
  return {
    newlyDone: inserted.length > 0,
    completedPaths: progress.filter((p) => p.complete && open.has(p.path.slug)).map((p) => p.path),
  }
}

/** The slugs of the lessons the acting person has finished, with when. */
export async function lessonsDoneBy(db: Db, actor: Person): Promise<Map<string, Date>> {
  return (await progressOf(db, actor.organizationId, [actor.id])).done.get(actor.id)!.lessons
}

// ───────────────────────────── reflections ─────────────────────────────

export const REFLECTION_MAX_LENGTH = 4000

export const reflectionSchema = z.object({
  lessonSlug: slugSchema,
  reflectionId: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'That note does not belong to this lesson.'),
  text: z
    .string()
    .transform((t) => t.trim())
    .pipe(z.string().max(REFLECTION_MAX_LENGTH, `Keep your note under ${REFLECTION_MAX_LENGTH.toLocaleString('en')} characters.`)),
})

export type SaveReflectionResult =
  | { ok: true; status: 'saved' | 'deleted' }
  | { ok: false; field: 'text' | 'reflectionId'; error: string }

/**
 * Save the acting person's private note for one reflection of a lesson. Empty text removes a
 * saved note; empty text with nothing saved is refused with a message.
 */
export async function saveReflection(
  db: Db,
  actor: Person,
  input: z.input<typeof reflectionSchema>,
  now = new Date(),
): Promise<SaveReflectionResult> {
  const parsed = reflectionSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    if (issue.path[0] === 'lessonSlug') notFound(`There is no lesson “${input.lessonSlug}”.`)
    return { ok: false, field: issue.path[0] === 'text' ? 'text' : 'reflectionId', error: issue.message }
  }
  const { lessonSlug, reflectionId, text } = parsed.data
  await assertLessonExists(lessonSlug)
  const mine = and(
    eq(reflections.organizationId, actor.organizationId),
    eq(reflections.userId, actor.id),
    eq(reflections.lessonSlug, lessonSlug),
    eq(reflections.reflectionId, reflectionId),
  )
  if (text === '') {
    const deleted = await db.delete(reflections).where(mine).returning({ id: reflections.reflectionId })
    if (deleted.length === 0) return { ok: false, field: 'text', error: 'Write a few words before saving your note.' }
    return { ok: true, status: 'deleted' }
  }
  await db
    .insert(reflections)
    .values({ organizationId: actor.organizationId, userId: actor.id, lessonSlug, reflectionId, text, updatedAt: now })
    .onConflictDoUpdate({
      target: [reflections.userId, reflections.lessonSlug, reflections.reflectionId],
      set: { text, updatedAt: now },
    })
  return { ok: true, status: 'saved' }
}

/** The acting person's own notes for one lesson, by reflection id. Nobody else's, ever. */
export async function reflectionsFor(db: Db, actor: Person, lessonSlug: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: reflections.reflectionId, text: reflections.text })
    .from(reflections)
    .where(
      and(
        eq(reflections.organizationId, actor.organizationId),
        eq(reflections.userId, actor.id),
        eq(reflections.lessonSlug, lessonSlug),
      ),
    )
  return Object.fromEntries(rows.map((r) => [r.id, r.text]))
}

// ───────────────────────────── paths ─────────────────────────────

/** Enrol the acting person in a path. Enrolling twice changes nothing. */
export async function enrol(db: Db, actor: Person, pathSlug: string, now = new Date()) {
  const path = await getPath(pathSlug)
  if (!path) notFound(`There is no path “${pathSlug}”.`)
  const inserted = await db
    .insert(pathEnrollments)
    .values({ organizationId: actor.organizationId, userId: actor.id, pathSlug, enrolledAt: now })
    .onConflictDoNothing()
    .returning({ slug: pathEnrollments.pathSlug })
  // someone who already did every step is done the moment they join
  await enrolledProgress(db, actor)
  return { newlyEnrolled: inserted.length > 0 }
}

/** One path with the acting person's done state per step, percent and next step. */
export async function pathProgress(db: Db, actor: Person, pathSlug: string): Promise<PathProgress> {
  const path = await getPath(pathSlug)
  if (!path) notFound(`There is no path “${pathSlug}”.`)
  const [{ enrolments, done }, titles] = await Promise.all([progressOf(db, actor.organizationId, [actor.id]), titlesFor([path])])
  const enrolment = enrolments.find((e) => e.pathSlug === path.slug) ?? null
  return recordCompletion(db, actor.organizationId, actor.id, buildProgress(path, done.get(actor.id)!, titles, enrolment))
}

/** Every path with the acting person's progress: the default path first, then by title. */
export async function pathsOverview(db: Db, actor: Person): Promise<PathProgress[]> {
  const [paths, { enrolments, done }] = await Promise.all([listPaths(), progressOf(db, actor.organizationId, [actor.id])])
  const titles = await titlesFor(paths)
  const progress = paths.map((p) =>
    buildProgress(p, done.get(actor.id)!, titles, enrolments.find((e) => e.pathSlug === p.slug) ?? null),
  )
  return Promise.all(progress.map((p) => recordCompletion(db, actor.organizationId, actor.id, p)))
}

export type NextUp = {
  path: PathRef
  /** null when every enrolled path is finished. */
  step: ProgressStep | null
  done: number
  total: number
  percent: number
}

/**
 * For the home page: the first unfinished step of the person's enrolled paths, the default path
 * first. When every enrolled path is finished, the first one with no step; null when not enrolled.
 */
export async function nextUpFor(db: Db, actor: Person): Promise<NextUp | null> {
  return nextUpFrom((await enrolledProgressAndDone(db, actor)).progress)
}

/** nextUpFor as a read a page can send with its other sections' (`readTogether`). */
export const nextUpRead = (db: Db, actor: Person) =>
  read(progressQuery(db, actor.organizationId, [actor.id]), async (rows: ProgressRow[]) =>
    nextUpFrom((await enrolledProgressAndDone(db, actor, rows)).progress),
  )

function nextUpFrom(progress: PathProgress[]): NextUp | null {
  const current = progress.find((p) => p.nextStep) ?? progress[0]
  if (!current) return null
  return { path: current.path, step: current.nextStep, done: current.done, total: current.total, percent: current.percent }
}

export type LessonNavigation = {
  /** Next up for the person, never the lesson they are reading (it is about to be done). */
  nextUp: NextUp | null
  /** When the lesson is a step of one of their paths: that path and the step after it there. */
  onPath: { path: PathRef; previous: ProgressStep | null; next: ProgressStep | null } | null
  /** The lessons the person has finished, with when (as lessonsDoneBy, without another round trip). */
  lessonsDone: Map<string, Date>
}

/**
 * What a lesson page offers next: the following step of the path the person is on (rather than the
 * next lesson in the catalogue), and "next up" skipping the lesson being read.
 */
export async function lessonNavigation(db: Db, actor: Person, lessonSlug: string): Promise<LessonNavigation> {
  const { progress, done } = await enrolledProgressAndDone(db, actor)
  const isThisLesson = (step: ProgressStep) => step.kind === 'lesson' && step.slug === lessonSlug
  const upNext = (p: PathProgress) => p.steps.find((step) => !step.done && !isThisLesson(step)) ?? null
  const current = progress.find((p) => upNext(p)) ?? progress[0]
  const nextUp = current
    ? { path: current.path, step: upNext(current), done: current.done, total: current.total, percent: current.percent }
    : null
  const containing = progress.find((p) => p === current && p.steps.some(isThisLesson)) ?? progress.find((p) => p.steps.some(isThisLesson))
  const at = containing ? containing.steps.findIndex(isThisLesson) : -1
  return {
    nextUp,
    onPath: containing ? { path: containing.path, previous: containing.steps[at - 1] ?? null, next: containing.steps[at + 1] ?? null } : null,
    lessonsDone: done.lessons,
  }
}

// ───────────────────────────── managers: team onboarding ─────────────────────────────

export type OnboardingRow = {
  userId: string
  name: string
  email: string
  teams: string[]
  path: PathRef
  done: number
  total: number
  percent: number
  complete: boolean
  nextStep: Pick<ProgressStep, 'position' | 'kind' | 'title' | 'href'> | null
  enrolledAt: Date
  lastActivityAt: Date
  daysSinceActivity: number
  /** Not finished and no progress for more than STUCK_AFTER_DAYS days. */
  stuck: boolean
}

export type TeamOnboarding = {
  teams: { id: string; name: string; slug: string }[]
  people: OnboardingRow[]
  summary: { enrolled: number; stuck: number; complete: number }
}

/**
 * Who in the teams the actor manages is where on their onboarding paths, and who is stuck.
 * Admins see every team; managers the teams they lead; members are refused.
 */
export async function teamOnboarding(db: Db, actor: Actor, teamId?: string, now = new Date()): Promise<TeamOnboarding> {
  const { query, build } = teamOnboardingParts(db, actor, teamId, now)
  return build((await query) as OnboardingRead[])
}

/** teamOnboarding (of every team the actor manages) as a read a page can send with its other sections'. */
export function teamOnboardingRead(db: Db, actor: Actor, now = new Date()) {
  const { query, build } = teamOnboardingParts(db, actor, undefined, now)
  return read(query, build)
}

type OnboardingRead = {
  managed: { id: string }[]
  teams: { id: string; name: string; slug: string }[]
  members: { userId: string; name: string; email: string; teamName: string }[]
  progress: ProgressRow[]
}

function teamOnboardingParts(db: Db, actor: Actor, teamId: string | undefined, now: Date) {
  if (actor.role !== 'admin' && actor.role !== 'manager') forbidden('Only managers and admins can see team onboarding.')
  const org = actor.organizationId
  // Only teams the actor manages are ever read; asking for another one is refused once read.
  const managed = managedTeamIdsQuery(db, actor)
  const ofTeams = inArray(memberships.teamId, managed)
  const active = and(
    eq(memberships.organizationId, org),
    eq(users.organizationId, org),
    teamId !== undefined ? and(eq(memberships.teamId, teamId), ofTeams) : ofTeams,
    isNull(users.deactivatedAt),
  )
  // The managed teams, their active members and what those did: one statement.
  const query = db
    .select(
      named({
        managed: jsonRows(managed),
        teams: jsonRows(
          db
            .select(named({ id: teams.id, name: teams.name, slug: teams.slug }))
            .from(teams)
            .where(and(eq(teams.organizationId, org), inArray(teams.id, managed))),
          '"name"',
        ),
        members: jsonRows(
          db
            .select(named({ userId: users.id, name: users.name, email: users.email, teamName: teams.name }))
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .innerJoin(teams, eq(teams.id, memberships.teamId))
            .where(active),
          '"name", "teamName"',
        ),
        progress: jsonRows(
          progressQuery(
            db,
            org,
            db.select({ id: memberships.userId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(active),
          ),
        ),
      }),
    )
    .from(sql`(select 1) as one`)
  const build = ([read]: OnboardingRead[]) => buildOnboarding(db, actor, teamId, now, read)
  return { query, build }
}

async function buildOnboarding(db: Db, actor: Actor, teamId: string | undefined, now: Date, read: OnboardingRead): Promise<TeamOnboarding> {
  const managed = read.managed.map((t) => t.id)
  if (teamId !== undefined && !managed.includes(teamId)) forbidden('You do not manage that team.')
  const empty: TeamOnboarding = { teams: [], people: [], summary: { enrolled: 0, stuck: 0, complete: 0 } }
  if (managed.length === 0) return empty
  const { teams: teamRows, members } = read

  const people = new Map<string, { name: string; email: string; teams: string[] }>()
  for (const m of members) {
    const known = people.get(m.userId)
    if (known) known.teams.push(m.teamName)
    else people.set(m.userId, { name: m.name, email: m.email, teams: [m.teamName] })
  }
  const { enrolments, done } = progressFrom([...people.keys()], read.progress)
  const paths = await listPaths()
  const bySlug = new Map(paths.map((p) => [p.slug, p]))
  const titles = await titlesFor([...new Set(enrolments.map((e) => e.pathSlug))].flatMap((s) => bySlug.get(s) ?? []))

  const rows: OnboardingRow[] = []
  for (const e of enrolments) {
    const path = bySlug.get(e.pathSlug)
    const person = people.get(e.userId)
    if (!path || !person) continue
    const progress = await recordCompletion(db, actor.organizationId, e.userId, buildProgress(path, done.get(e.userId)!, titles, e))
    const lastActivityAt = progress.lastActivityAt ?? e.enrolledAt
    const daysSinceActivity = Math.max(0, Math.floor((now.getTime() - lastActivityAt.getTime()) / DAY_MS))
    const finished = progress.complete || progress.enrolment?.completedAt != null
    rows.push({
      userId: e.userId,
      name: person.name,
      email: person.email,
      teams: person.teams,
      path: progress.path,
      done: progress.done,
      total: progress.total,
      percent: progress.percent,
      complete: finished,
      nextStep: progress.nextStep
        ? { position: progress.nextStep.position, kind: progress.nextStep.kind, title: progress.nextStep.title, href: progress.nextStep.href }
        : null,
      enrolledAt: e.enrolledAt,
      lastActivityAt,
      daysSinceActivity,
      stuck: !finished && now.getTime() - lastActivityAt.getTime() > STUCK_AFTER_DAYS * DAY_MS,
    })
  }
  // the people who need a nudge first, then the ones still going, then the finished
  const rank = (r: OnboardingRow) => (r.stuck ? 0 : r.complete ? 2 : 1)
  rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.path.title.localeCompare(b.path.title))

  return {
    teams: teamRows,
    people: rows,
    summary: {
      enrolled: new Set(rows.map((r) => r.userId)).size,
      stuck: new Set(rows.filter((r) => r.stuck).map((r) => r.userId)).size,
      complete: rows.filter((r) => r.complete).length,
    },
  }
}
