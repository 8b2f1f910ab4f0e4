// Issue #13: the team page's loader sends only what the page shows (its data is written into the
// HTML), yet everything it shows, for each kind of access: the team's manager, a manager looking at
// another team in aggregate, and a member of the team.
import { eq } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.server'
import { actionItems } from '../../db/schema'
import { getTeamInsights } from '~/insights/insights.server'
import { openActionsOfTeam } from '~/meetings/action-items.server'
import { loader } from '~/routes/insights.teams.$slug'
import { createDemoDatabase, sessionUser } from '../support/test-database'

let database: Database
const now = new Date()

beforeAll(async () => {
  database = await createDemoDatabase(now)
})

const person = (email: string) => sessionUser(database, email)

async function load(email: string, slug: string) {
  const user = await person(email)
  const context = { db: database.db, database, auth: { user, sessionId: 'test', unreadNotifications: 0 } }
  const result = await loader({ request: new Request(`http://localhost/insights/teams/${slug}`), context, params: { slug } } as unknown as LoaderFunctionArgs)
  // The page sees what survives serialisation.
  return { user, payload: JSON.parse(JSON.stringify(result.data)) as typeof result.data }
}

/** Every figure the page renders, read straight from the domain. */
async function expected(user: Awaited<ReturnType<typeof person>>, slug: string) {
  const insights = await getTeamInsights(database.db, user, slug)
  const access = insights.team.access
  const actions = await openActionsOfTeam(database.db, user, insights.team.id, { visible: access !== 'aggregate', manages: access === 'manage' })
  return { insights, actions }
}

describe('the team page’s data', () => {
  it('carries every figure, name and action item the team’s manager sees, without what the page does not use', async () => {
    const { user, payload } = await load('manager@acme.test', 'support')
    const { insights, actions } = await expected(user, 'support')
    const { team } = payload.insights
    expect(team).toMatchObject({ name: 'Support', slug: 'support', access: 'manage' })
    for (const field of ['cci', 'change', 'practised', 'activeMembers', 'participation', 'reviewsGiven', 'drills'] as const) {
      expect(team[field], field).toEqual(insights.team[field])
    }
    expect(team.criteria).toEqual(insights.team.criteria!.map(({ criterionId, value }) => ({ criterionId, value })))
    expect(payload.insights.criteria).toEqual(insights.criteria)
    expect(payload.insights.thresholds).toEqual(insights.thresholds)
    expect([payload.insights.month, payload.insights.currentMonth]).toEqual([insights.month, insights.currentMonth])
    expect(payload.insights.trend).toHaveLength(12)
    payload.insights.trend.forEach((point, i) => {
      const source = insights.trend[i]
      expect(point).toEqual({
        month: source.month,
        cci: source.cci,
        participation: source.participation,
        drills: source.drills && { due: source.drills.due, share: source.drills.share },
        reviewsGiven: source.reviewsGiven,
        criteria: source.criteria!.map(({ criterionId, value }) => ({ criterionId, value })),
      })
    })
    expect(payload.insights.notPractised).toEqual(insights.notPractised!.map(({ name }) => ({ name })))
    expect(payload.insights.notPractised!.length).toBeGreaterThan(0)
    expect(payload.openActions!.length).toBeGreaterThan(0)
    expect(payload.openActions).toEqual(
      actions!.map((a) => ({
        id: a.id,
        meetingId: a.meetingId,
        text: a.text,
        ownerName: a.ownerName,
        dueOn: a.dueOn,
        metricName: a.metricName,
        targetChange: a.targetChange,
      })),
    )
    // No user id reaches the page (nor the team's): not of those who have not practised, nor of the action items' owners.
    const owners = await database.db.select({ ownerId: actionItems.ownerId }).from(actionItems).where(eq(actionItems.teamId, insights.team.id))
    const sent = JSON.stringify(payload)
    for (const id of [insights.team.id, ...insights.notPractised!.map((p) => p.id), ...owners.map((o) => o.ownerId)]) expect(sent).not.toContain(id)
  })

  it('gives a manager another team in aggregate only: no criteria, names or action items', async () => {
    const { user, payload } = await load('manager@acme.test', 'finance')
    const { insights } = await expected(user, 'finance')
    expect(payload.insights.team.access).toBe('aggregate')
    expect(payload.insights.team.criteria).toBeNull()
    expect(payload.insights.trend.every((p) => p.criteria === null)).toBe(true)
    expect(payload.insights.notPractised).toBeNull()
    expect(payload.openActions).toBeNull()
    expect(payload.insights.trend.map((p) => p.cci)).toEqual(insights.trend.map((p) => p.cci))
  })

  it('gives a member their team’s figures and action items without anyone’s name but their own', async () => {
    const { user, payload } = await load('member@acme.test', 'support')
    const { actions } = await expected(user, 'support')
    expect(payload.insights.team.access).toBe('member')
    expect(payload.insights.notPractised).toBeNull()
    expect(payload.openActions!.map((a) => a.ownerName)).toEqual(actions!.map((a) => a.ownerName))
    expect(payload.openActions!.every((a) => a.ownerName === null || a.ownerName === 'You')).toBe(true)
  })
})
