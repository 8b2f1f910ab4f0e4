// One reviewer of the review benchmarks, as a browser drives /reviews over HTTP, in either of the
// page's two ways (test/bench/http-bench.ts, test/bench/review-submit-profile.ts):
//
//   script     what a browser running the page's JavaScript sends: Remix's data requests
//              (`/reviews.data`). The form asks for the next reply in place (`then=next-in-place`),
//              so one POST per review; a build whose action answers with a redirect instead gets
//              the next reply with a second request, as its browsers did.
//   no-script  what a browser without JavaScript sends: GET /reviews (the HTML page, which leases
//              the next reply), then POST the form, answered with a redirect (not followed: the next
//              GET is that page).
//
// A review counts as acknowledged when the answer says so: a redirect to the thanks page, or an
// answer in place that thanks the reviewer.
import { decode } from 'turbo-stream'

export type ReviewFlow = 'script' | 'no-script'
export type RequestKind = 'GET /reviews' | 'POST /reviews?index' | 'GET /reviews.data' | 'POST /reviews.data?index'

export interface ReviewerOptions {
  base: string
  cookie: string
  criteria: string[]
  flow: ReviewFlow
  /** Stop after the review that ends past this moment (performance.now()). */
  until: number
  onAnswer?: (kind: RequestKind, ms: number, response: Response) => void
}

export interface ReviewerTally {
  acknowledged: number
  refused: number
  /** The reviewer was shown no reply to review (the queue ran dry for them). */
  ranDry: boolean
}

const ROUTE = 'routes/reviews._index'

function reviewForm(reviewId: string, criteria: string[], flow: ReviewFlow) {
  const form = new URLSearchParams({ reviewId })
  // As the page's form sends it once its script runs (app/reviews/review-form.ts).
  if (flow === 'script') form.set('then', 'next-in-place')
  for (const id of criteria) form.set(`score.${id}`, '3')
  form.set(`comment.${criteria[0]}`, 'Names what went wrong and says what happens next.')
  return form
}

/** A Remix data answer, decoded as the browser's Remix does (turbo-stream); other types kept as they are tagged. */
async function decodeData(response: Response): Promise<unknown> {
  if (!response.body) return null
  const decoded = await decode(response.body, { plugins: [(type, ...values) => ({ value: { type, values } })] })
  await decoded.done
  return decoded.value
}

type PageData = { review?: { id: string } | null } | undefined

/** The reply the page's data holds for review (null when none). */
const reviewIdOf = (page: PageData) => page?.review?.id ?? null

export async function runReviewer(options: ReviewerOptions, tally: ReviewerTally) {
  const { base, cookie, criteria, flow, until, onAnswer } = options
  const timed = async (kind: RequestKind, url: string, init: RequestInit = {}) => {
    const started = performance.now()
    const response = await fetch(`${base}${url}`, { ...init, headers: { cookie, ...(init.headers ?? {}) }, redirect: 'manual' })
    const body = kind.includes('.data') ? await decodeData(response) : await response.text()
    onAnswer?.(kind, performance.now() - started, response)
    return { response, body }
  }
  const loadNext = async (query = '') => {
    const { body } = await timed('GET /reviews.data', `/reviews.data${query}`)
    return reviewIdOf((body as Record<string, { data?: PageData }>)?.[ROUTE]?.data)
  }

  if (flow === 'no-script') {
    while (performance.now() < until) {
      const { body } = await timed('GET /reviews', '/reviews')
      const reviewId = /name="reviewId" value="([0-9a-f-]{36})"/.exec(body as string)?.[1]
      if (!reviewId) return void (tally.ranDry = true)
      const { response } = await timed('POST /reviews?index', '/reviews?index', { method: 'POST', body: reviewForm(reviewId, criteria, flow) })
      if (response.status === 302 && response.headers.get('location')?.includes('thanks')) tally.acknowledged++
      else tally.refused++
    }
    return
  }

  let reviewId = await loadNext()
  while (performance.now() < until) {
    if (!reviewId) return void (tally.ranDry = true)
    const { body } = await timed('POST /reviews.data?index', '/reviews.data?index', { method: 'POST', body: reviewForm(reviewId, criteria, flow) })
    const answer = body as { data?: { thanks?: string; page?: PageData }; redirect?: string } | null
    if (answer?.data?.thanks) {
      tally.acknowledged++
      reviewId = reviewIdOf(answer.data.page)
    } else if (answer?.redirect?.includes('thanks')) {
      // A build that answers with a redirect: the browser then loads the page's data again.
      tally.acknowledged++
      reviewId = await loadNext(answer.redirect.slice(answer.redirect.indexOf('?')))
    } else {
      tally.refused++
      reviewId = await loadNext()
    }
  }
}
