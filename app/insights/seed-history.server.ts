// A year of practice history for the demo organization, so the dashboard tells a story on first start:
// Support and Sales improve, Finance stays flat, Engineering dips after a reorganisation four months
// ago and recovers a little, Marketing improves slowly. Deterministic (seeded random numbers), inserted
// in bulk, then the rollups are rebuilt from it.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { memberships, replies, reviews, teams, users } from '#db/schema'
import { overallScore, type Levels } from '~/reviews/consensus'
import { loadRubric } from '~/reviews/rubric.server'
import { listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'
import { bandOf, DEMO_REPLIES, DEMO_REVIEW_COMMENTS } from '~/demo/demo-replies'
import { addMonths, monthOf } from './cci'
import { rebuildRollups } from './rollups.server'
import { seededRandom } from '~/random/seeded-random'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const MONTHS_BACK = 12

/** Mean reply score (0–100) a team writes k months into the history (k = 0 is a year ago, 12 this month). */
const CURVES: Record<string, (k: number) => number> = {
  support: (k) => 57 + 1.4 * k,
  sales: (k) => 50 + 1.5 * k,
  finance: () => 62,
  // The reorganisation lands four months ago (k = 8); the team recovers part of the way since.
  engineering: (k) => (k < 8 ? 60 + 0.6 * k : [50, 53, 56, 57, 58][k - 8]),
  marketing: (k) => 54 + 0.6 * k,
}

/** Where each team is stronger or weaker than its mean, in points, per rubric criterion. */
const CRITERION_LEAN: Record<string, Record<string, number>> = {
  support: { empathy: 4, warmth: 5, ownership: 0, 'next-step': -3, context: -4 },
  sales: { empathy: -3, warmth: 6, ownership: -4, 'next-step': -2, context: 5 },
  engineering: { empathy: -6, warmth: -8, ownership: 5, 'next-step': 8, context: 0 },
  finance: { empathy: -3, warmth: -7, ownership: 4, 'next-step': 6, context: -1 },
  marketing: { empathy: 2, warmth: 7, ownership: -1, 'next-step': -4, context: -5 },
}

/** Chance that someone practises in a month, per team. */
const PARTICIPATION: Record<string, number> = { support: 0.85, sales: 0.95, engineering: 0.94, finance: 0.96, marketing: 0.96 }
const HOME_TEAM_ORDER = ['support', 'sales', 'engineering', 'finance', 'marketing']
const DIFFICULTY_OFFSET: Record<string, number> = { gentle: 4, moderate: 0, hard: -6 }

const random = seededRandom

interface Person {
  id: string
  email: string
  joinedAt: Date
  team: { id: string; slug: string } | null
  offset: number
}

export interface SeedHistoryResult {
  replies: number
  reviews: number
}

export async function seedHistory(db: Db, organizationId: string, now = new Date()): Promise<SeedHistoryResult> {
  const rand = random(20240601)
  const normal = () => {
    // Box–Muller on the seeded generator.
    const u = Math.max(rand(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
  }
  const pick = <T,>(items: T[]) => items[Math.floor(rand() * items.length)]

  const [rubric, authored, rows] = await Promise.all([
    loadRubric(),
    listAuthoredScenarios(),
    db
      .select({
        id: users.id,
        email: users.email,
        joinedAt: users.joinedAt,
        teamId: teams.id,
        slug: teams.slug,
      })
      .from(users)
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .leftJoin(teams, and(eq(teams.id, memberships.teamId), eq(teams.organizationId, organizationId)))
      .where(eq(users.organizationId, organizationId)),
  ])
  const criteria = rubric.criteria.map((c) => ({ id: c.id, weight: c.weight }))

  const people = new Map<string, Person>()
  for (const row of rows) {
    const person = people.get(row.id) ?? { id: row.id, email: row.email, joinedAt: row.joinedAt, team: null, offset: 0 }
    if (row.teamId && row.slug) {
      const rank = (slug: string) => (HOME_TEAM_ORDER.indexOf(slug) + 100) % 100
      if (!person.team || rank(row.slug) < rank(person.team.slug)) person.team = { id: row.teamId, slug: row.slug }
    }
    people.set(row.id, person)
  }
  const everyone = [...people.values()].sort((a, b) => a.email.localeCompare(b.email))
  for (const person of everyone) person.offset = normal() * 3
  // Someone who joined this week has no history at all.
  const seasoned = everyone.filter((p) => now.getTime() - p.joinedAt.getTime() > 14 * DAY)

  const teamSizes = new Map<string, number>()
  for (const person of seasoned) if (person.team) teamSizes.set(person.team.slug, (teamSizes.get(person.team.slug) ?? 0) + 1)

  const prompts = authored.flatMap((s) => {
    const prompt = s.prompts.find((p) => p.kind === 'reply')
    return prompt ? [{ slug: s.slug, promptId: prompt.id, teams: s.teams as string[], offset: DIFFICULTY_OFFSET[s.difficulty] ?? 0 }] : []
  })
  if (!prompts.length) throw new Error('seedHistory needs authored scenarios with a reply prompt in content/scenarios')

  const replyRows: (typeof replies.$inferInsert)[] = []
  const reviewRows: (typeof reviews.$inferInsert)[] = []
  const currentMonth = monthOf(now)

  for (let k = 0; k <= MONTHS_BACK; k++) {
    const month = addMonths(currentMonth, k - MONTHS_BACK)
    const start = new Date(`${month}T00:00:00Z`).getTime()
    const end = Math.min(new Date(`${addMonths(month, 1)}T00:00:00Z`).getTime(), now.getTime())
    const elapsed = (end - start) / (30 * DAY)
    const practising: Person[] = []
    for (const team of HOME_TEAM_ORDER) {
      const there = seasoned.filter((p) => p.team?.slug === team && Math.max(start, p.joinedAt.getTime() + 3 * DAY) < end)
      // This month, small teams all practise so far; larger ones leave someone for their manager to nudge.
      const small = there.length <= 4
      const chance = k === MONTHS_BACK ? (small ? 1 : Math.min(1, Math.max(0.8, elapsed))) : (PARTICIPATION[team] ?? 0.8)
      const chosen = there.filter((p) => p.email === 'member@acme.test' || rand() <= chance)
      // Most months at least three people practise, so the team has a figure (teams under three never do).
      for (const p of there) if (chosen.length < 3 && !chosen.includes(p)) chosen.push(p)
      practising.push(...chosen)
    }
    for (const person of practising) {
      if (!person.team) continue
      const team = person.team.slug
      const from = Math.max(start, person.joinedAt.getTime() + 3 * DAY)
      const isJordan = person.email === 'member@acme.test'
      const count = isJordan ? 3 + Math.floor(rand() * 2) : 2 + Math.floor(rand() * 2)
      // Jordan (member@acme.test) gets steadily better over the year.
      const personal = isJordan ? -9 + (13 * k) / MONTHS_BACK : person.offset
      const curve = CURVES[team] ?? (() => 60)
      for (let i = 0; i < count; i++) {
        const own = prompts.filter((p) => p.teams.includes(team))
        const prompt = own.length && rand() < 0.7 ? pick(own) : pick(prompts)
        const target = curve(k) + personal + prompt.offset + normal() * (isJordan ? 3 : 5)
        const levels: Levels = {}
        for (const c of criteria) {
          const value = target + (CRITERION_LEAN[team]?.[c.id] ?? 0) + normal() * 4
          // Rounded up or down at random in proportion, so the mean level follows `value` instead of sticking at 3.
          const exact = Math.min(4, Math.max(1, 1 + (3 * value) / 100))
          levels[c.id] = Math.min(4, Math.floor(exact) + (rand() < exact - Math.floor(exact) ? 1 : 0))
        }
        // The reply written for this scenario at the quality its score says; reviewers' comments to match.
        const score = overallScore(criteria, levels)
        const band = bandOf(score)
        const text = DEMO_REPLIES[prompt.slug]?.[band]
        if (!text) throw new Error(`app/demo/demo-replies.ts has no ${band} reply for scenario "${prompt.slug}"`)
        // Replies land in the first 85% of the window so that their reviews fit before `end`.
        const submittedAt = from + rand() * (end - from) * 0.85
        const replyId = randomUUID()
        const reviewers = chooseReviewers(seasoned, person, submittedAt, rand)
        if (reviewers.length < 3) continue
        let finalisedAt = submittedAt
        reviewers.forEach((reviewer, index) => {
          const scores: Levels = { ...levels }
          // The first reviewer matches the consensus; the others differ by one level on alternate
          // criteria, so the median of the three is the consensus exactly.
          if (index > 0) {
            criteria.forEach((c, ci) => {
              if (ci % 2 === index - 1 && rand() < 0.45) scores[c.id] = Math.min(4, Math.max(1, levels[c.id] + (rand() < 0.5 ? -1 : 1)))
            })
          }
          const reviewedAt = Math.min(end - 1, submittedAt + (2 + rand() * 40) * HOUR, now.getTime() - 1)
          const at = Math.max(submittedAt + 1, reviewedAt)
          finalisedAt = Math.max(finalisedAt, at)
          reviewRows.push({
            organizationId,
            replyId,
            reviewerId: reviewer.id,
            status: 'submitted',
            scores,
            comments: rand() < 0.6 ? [pick(DEMO_REVIEW_COMMENTS[band])] : [],
            createdAt: new Date(submittedAt + HOUR / 2),
            submittedAt: new Date(at),
          })
        })
        // One draw where a reply text used to be picked, so the seeded story (curves, dips) stays as tuned.
        rand()
        replyRows.push({
          id: replyId,
          organizationId,
          userId: person.id,
          teamId: person.team.id,
          scenarioSlug: prompt.slug,
          promptId: prompt.promptId,
          text,
          reviewsRequired: 3,
          reviewsDone: 3,
          criterionScores: levels,
          score,
          finalisedAt: new Date(finalisedAt),
          submittedAt: new Date(submittedAt),
        })
      }
    }
  }

  for (let i = 0; i < replyRows.length; i += 500) await db.insert(replies).values(replyRows.slice(i, i + 500))
  for (let i = 0; i < reviewRows.length; i += 1000) await db.insert(reviews).values(reviewRows.slice(i, i + 1000))
  await rebuildRollups(db, organizationId)
  return { replies: replyRows.length, reviews: reviewRows.length }
}

/** Three reviewers who were there at the time, never the author, mostly from other teams. */
function chooseReviewers(people: Person[], author: Person, at: number, rand: () => number) {
  const eligible = people.filter((p) => p.id !== author.id && p.joinedAt.getTime() < at - DAY)
  const otherTeams = eligible.filter((p) => p.team?.id !== author.team?.id)
  const chosen: Person[] = []
  while (chosen.length < 3 && chosen.length < eligible.length) {
    const pool = rand() < 0.7 && otherTeams.some((p) => !chosen.includes(p)) ? otherTeams : eligible
    const candidate = pool[Math.floor(rand() * pool.length)]
    if (!chosen.includes(candidate)) chosen.push(candidate)
  }
  return chosen
}
