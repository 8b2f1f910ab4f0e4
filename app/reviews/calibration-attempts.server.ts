// Calibration: before their first real review a person scores three gold replies (a weak, a
// middling and a strong one) and compares their levels with the expert's. They pass when they are
// within one level on every criterion of every reply; they may try again as often as they like,
// each time on a different trio when there are enough gold replies.
import { and, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { calibrationAttempts, memberships, teams, users } from '#db/schema'
import { assertRole } from '~/auth/guards.server'
import type { Actor } from '~/org/teams.server'
import { managedTeamIds } from '~/org/teams.server'
import type { CalibrationItem } from './calibration-schema'
import { listCalibrationItems } from './calibration.server'
import { loadRubric } from './rubric.server'

export const CALIBRATION_SET_SIZE = 3
/** The largest distance from the expert's level that still passes. */
export const CALIBRATION_TOLERANCE = 1

const meanLevel = (item: CalibrationItem) => {
  const levels = Object.values(item.expert)
  return levels.reduce((sum, level) => sum + level, 0) / levels.length
}

/**
 * Three items for a person's n-th try (0-based): the gold replies sorted by expert mean and cut into
 * three bands (weak, middling, strong); try n takes item n of every band, so consecutive tries never
 * repeat a set (nor, when the bands are even, any reply) until every gold reply has been used. A
 * shorter band starts over sooner, which still makes a set that differs from every earlier one.
 */
export function calibrationSet(items: readonly CalibrationItem[], tryNumber: number): CalibrationItem[] {
  const sorted = [...items].sort((a, b) => meanLevel(a) - meanLevel(b) || a.id.localeCompare(b.id))
  if (sorted.length <= CALIBRATION_SET_SIZE) return sorted
  const bands: CalibrationItem[][] = []
  for (let band = 0; band < CALIBRATION_SET_SIZE; band++) {
    const start = Math.floor((band * sorted.length) / CALIBRATION_SET_SIZE)
    const end = Math.floor(((band + 1) * sorted.length) / CALIBRATION_SET_SIZE)
    bands.push(sorted.slice(start, end))
  }
  const round = tryNumber % calibrationRounds(items.length)
  return bands.map((band) => band[round % band.length])
}

/** How many different sets the tries cycle through: every gold reply is used once per cycle. */
export function calibrationRounds(itemCount: number): number {
  return Math.max(1, Math.ceil(itemCount / CALIBRATION_SET_SIZE))
}

export type CalibrationAnswers = Record<string, Record<string, number>>

export interface CalibrationResult {
  passed: boolean
  items: Array<{
    itemId: string
    scenario: string
    prompt: string
    reply: string
    criteria: Array<{ criterionId: string; yours: number; expert: number; within: boolean; explanation: string }>
  }>
}

/** Compares answers with the expert levels (pure). Missing answers count as misses. */
export function gradeCalibration(items: readonly CalibrationItem[], answers: CalibrationAnswers): CalibrationResult {
  const graded = items.map((item) => ({
    itemId: item.id,
    scenario: item.scenario,
    prompt: item.prompt,
    reply: item.reply,
    criteria: Object.entries(item.expert).map(([criterionId, expert]) => {
      const yours = answers[item.id]?.[criterionId] ?? Number.NaN
      return {
        criterionId,
        yours,
        expert,
        within: Number.isFinite(yours) && Math.abs(yours - expert) <= CALIBRATION_TOLERANCE,
        explanation: item.explanation[criterionId] ?? '',
      }
    }),
  }))
  return { passed: graded.every((item) => item.criteria.every((c) => c.within)), items: graded }
}

async function attemptsOf(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>) {
  const [row] = await db
    .select({ tries: count() })
    .from(calibrationAttempts)
    .where(and(eq(calibrationAttempts.userId, actor.id), eq(calibrationAttempts.organizationId, actor.organizationId)))
  return { tries: row?.tries ?? 0 }
}

/** What the calibration page shows: whether they passed before, and this try's three gold replies. */
export async function calibrationFor(db: Db, actor: Actor) {
  const [items, { tries }, last] = await Promise.all([
    listCalibrationItems(),
    attemptsOf(db, actor),
    db
      .select({ passed: calibrationAttempts.passed, createdAt: calibrationAttempts.createdAt })
      .from(calibrationAttempts)
      .where(and(eq(calibrationAttempts.userId, actor.id), eq(calibrationAttempts.organizationId, actor.organizationId)))
      .orderBy(desc(calibrationAttempts.createdAt))
      .limit(20),
  ])
  return {
    calibrated: last.some((attempt) => attempt.passed),
    tries,
    lastAttempt: last[0] ?? null,
    items: calibrationSet(items, tries),
  }
}

/**
 * Grades and stores a try. The answers must cover a set of distinct gold replies (three, or all of
 * them when there are fewer) with a level 1–4 for every criterion of the rubric.
 */
export async function submitCalibration(
  db: Db,
  actor: Actor,
  answers: CalibrationAnswers,
  now = new Date(),
): Promise<{ ok: true; result: CalibrationResult } | { ok: false; errors: Record<string, string> }> {
  const [items, rubric] = await Promise.all([listCalibrationItems(), loadRubric()])
  const byId = new Map(items.map((item) => [item.id, item]))
  const ids = Object.keys(answers)
  const expected = Math.min(CALIBRATION_SET_SIZE, items.length)
  if (ids.length !== expected || ids.some((id) => !byId.has(id))) {
    return { ok: false, errors: { form: `Score all ${expected} example replies.` } }
  }
  const errors: Record<string, string> = {}
  for (const id of ids) {
    for (const criterion of rubric.criteria) {
      const level = answers[id]?.[criterion.id]
      if (!Number.isInteger(level) || level < 1 || level > 4) errors[`${id}.${criterion.id}`] = 'Choose a level from 1 to 4.'
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors: { ...errors, form: 'Choose a level for every criterion of every example.' } }

  const chosen = ids.map((id) => byId.get(id)!)
  const result = gradeCalibration(chosen, answers)
  await db.insert(calibrationAttempts).values({
    organizationId: actor.organizationId,
    userId: actor.id,
    answers,
    passed: result.passed,
    createdAt: now,
  })
  return { ok: true, result }
}

/** For managers (their teams) and admins (everyone): who has calibrated, and how many tries it took. */
export async function calibrationOverview(db: Db, actor: Actor) {
  assertRole(actor, ['admin', 'manager'])
  const teamIds = await managedTeamIds(db, actor)
  if (teamIds.length === 0) return []
  const people = await db
    .selectDistinct({ id: users.id, name: users.name, team: teams.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.organizationId, actor.organizationId), inArray(memberships.teamId, teamIds), isNull(users.deactivatedAt)))
  const ids = [...new Set(people.map((person) => person.id))]
  const stats = ids.length
    ? await db
        .select({ userId: calibrationAttempts.userId, tries: count(), passed: sql<boolean>`bool_or(${calibrationAttempts.passed})`, last: max(calibrationAttempts.createdAt) })
        .from(calibrationAttempts)
        .where(and(eq(calibrationAttempts.organizationId, actor.organizationId), inArray(calibrationAttempts.userId, ids)))
        .groupBy(calibrationAttempts.userId)
    : []
  const byUser = new Map(stats.map((row) => [row.userId, row]))
  return people
    .map((person) => {
      const row = byUser.get(person.id)
      return { id: person.id, name: person.name, team: person.team, calibrated: Boolean(row?.passed), tries: row?.tries ?? 0, lastTriedAt: row?.last ?? null }
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name))
}
