// A review posted by the page's script is answered in place: the action stores it and, in the same
// request, leases the reviewer's next reply and returns the whole page, so the browser needs no
// second request. A form posted without the script still gets the redirect (reloading never posts
// it again); a refused review leases nothing; and an answer in place tells the routes not to reload.
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.server'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import { countQueries } from '../../db/query-count.server'
import { replies, reviews } from '../../db/schema'
import { answeredInPlace, skipReloadAfterAnswerInPlace } from '~/http/answered-in-place'
import type { Actor } from '~/org/teams.server'
import { NEXT_IN_PLACE, NEXT_IN_PLACE_FIELD } from '~/reviews/review-form'
import { action, loader } from '~/routes/reviews._index'
import { CRITERIA, passCalibration, replyAs } from '../support/practice-fixtures'
import { createTestDatabase } from '../support/test-database'

let database: Database
let reviewer: Actor
let writers: Actor[]

beforeAll(async () => {
  database = await createTestDatabase()
  const { db } = database
  const org = await createOrganization(db)
  const [support, sales] = await Promise.all([createTeam(db, org.id, { name: 'Support' }), createTeam(db, org.id, { name: 'Sales' })])
  reviewer = await createUser(db, org.id, { name: 'Ana' })
  await addMembership(db, { organizationId: org.id, userId: reviewer.id, teamId: sales.id })
  await passCalibration(db, reviewer)
  writers = await Promise.all(['Ben', 'Cleo', 'Dev', 'Eli'].map((name) => createUser(db, org.id, { name })))
  for (const writer of writers) {
    await addMembership(db, { organizationId: org.id, userId: writer.id, teamId: support.id })
    await replyAs(db, writer)
  }
})

type Page = { status: string; review: { id: string; text: string } | null; unlock: unknown }
type InPlace = { thanks: string; page: Page }

const context = () => ({ db: database.db, auth: { user: reviewer, sessionId: 'test' } })

async function openPage(): Promise<Page> {
  const answer = await loader({ request: new Request('http://rapport.test/reviews'), context: context(), params: {} } as unknown as Parameters<typeof loader>[0])
  return (answer as unknown as { data: Page }).data
}

function reviewForm(reviewId: string, options: { inPlace: boolean; comment?: string }) {
  const form = new URLSearchParams({ reviewId })
  if (options.inPlace) form.set(NEXT_IN_PLACE_FIELD, NEXT_IN_PLACE)
  for (const id of CRITERIA) form.set(`score.${id}`, '3')
  form.set('comment.empathy', options.comment ?? 'It names what happened to him.')
  return form
}

async function post(form: URLSearchParams) {
  const request = new Request('http://rapport.test/reviews?index', { method: 'POST', body: form })
  return action({ request, context: context(), params: {} } as unknown as Parameters<typeof action>[0])
}

async function statusOf(reviewId: string) {
  const [row] = await database.db.select({ status: reviews.status }).from(reviews).where(eq(reviews.id, reviewId))
  return row?.status ?? null
}

async function leasesHeld() {
  return database.db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, reviewer.id), eq(reviews.status, 'leased')))
}

describe('a review posted by the page’s script', () => {
  it('is stored and answered with the next reply, leased in the same request', async () => {
    const first = await openPage()
    expect(first.status).toBe('leased')
    const tally = { queries: 0 }
    const answer = await countQueries(tally, () => post(reviewForm(first.review!.id, { inPlace: true })))
    expect(answeredInPlace((answer as { data: unknown }).data)).toBe(true)
    const { thanks, page } = (answer as unknown as { data: InPlace }).data
    expect(thanks).toBe('given')
    expect(await statusOf(first.review!.id)).toBe('submitted')
    // The next reply is another one, and it is the lease they now hold.
    expect(page.status).toBe('leased')
    expect(page.review!.id).not.toBe(first.review!.id)
    expect(await leasesHeld()).toEqual([{ id: page.review!.id }])
    // Opening the page now shows the same reply: nothing more was leased.
    expect((await openPage()).review!.id).toBe(page.review!.id)
    // Submitting (lock, submit: 4 with the transaction) and the page, leased and read in one statement.
    expect(tally.queries).toBeLessThanOrEqual(5)
  })

  it('is refused with its errors, leasing nothing more, when it has no comment', async () => {
    const held = await openPage()
    const answer = await post(reviewForm(held.review!.id, { inPlace: true, comment: '' }))
    expect(answeredInPlace(answer)).toBe(false)
    expect((answer as { errors: Record<string, string> }).errors.form).toMatch(/Leave at least one comment/)
    expect(await statusOf(held.review!.id)).toBe('leased')
    expect(await leasesHeld()).toEqual([{ id: held.review!.id }])
  })

  it('says when the last reply is given: the page then has nothing left to review', async () => {
    for (;;) {
      const held = await openPage()
      if (!held.review) break
      const answer = (await post(reviewForm(held.review.id, { inPlace: true }))) as unknown as { data: InPlace }
      expect(await statusOf(held.review.id)).toBe('submitted')
      if (!answer.data.page.review) {
        expect(answer.data.page.status).toBe('empty')
        break
      }
    }
    const given = await database.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.reviewerId, reviewer.id), eq(reviews.status, 'submitted')))
    expect(given).toHaveLength(writers.length)
  })
})

describe('a review posted without the page’s script', () => {
  it('is stored and answered with a redirect to the thanks page; the next reply is leased by that page', async () => {
    const org = reviewer.organizationId
    const extra = await createUser(database.db, org, { name: 'Fay' })
    const [team] = await database.db.select({ id: replies.teamId }).from(replies).limit(1)
    await addMembership(database.db, { organizationId: org, userId: extra.id, teamId: team.id! })
    await replyAs(database.db, extra)
    const held = await openPage()
    expect(held.status).toBe('leased')
    const answer = await post(reviewForm(held.review!.id, { inPlace: false }))
    expect(answer).toBeInstanceOf(Response)
    expect((answer as Response).status).toBe(302)
    expect((answer as Response).headers.get('location')).toBe('/reviews?thanks=1')
    expect(await statusOf(held.review!.id)).toBe('submitted')
    expect(await leasesHeld()).toEqual([])
  })
})

describe('reloading after an answer in place', () => {
  it('is skipped for an answer in place and left to Remix otherwise', () => {
    const inPlace = { answeredInPlace: true, thanks: 'given', page: {} }
    expect(skipReloadAfterAnswerInPlace({ actionResult: inPlace, defaultShouldRevalidate: true })).toBe(false)
    expect(skipReloadAfterAnswerInPlace({ actionResult: { errors: {} }, defaultShouldRevalidate: true })).toBe(true)
    expect(skipReloadAfterAnswerInPlace({ actionResult: undefined, defaultShouldRevalidate: false })).toBe(false)
  })
})
