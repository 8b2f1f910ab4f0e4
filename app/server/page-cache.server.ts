// Answers a repeated GET of a page from memory while the database is exactly as it was when the
// page was rendered, instead of running its loaders and React again.
//
// The key is the database snapshot (`pg_current_snapshot()`: the transactions that had finished
// and the ones still running), the address, the visitor's cookies and whether it is a bot. Two
// requests that read the same snapshot see the same committed data, so any write that commits
// anywhere (by this instance, another instance or a job) gives later requests a new key. Nothing
// per person is shared across people: their cookies are in the key. What a page shows that
// depends on the clock alone ("due in 2 days", "14 minutes left") is at most `lifetimeMs` old.
//
// Only routes that opt in (`handle = cachedUntilNextWrite`) are kept, and only a 200 answer with
// no Set-Cookie: a document, or the data of a client-side navigation. A hit is one round trip.
import type { NextFunction, Request, Response } from 'express'
import { isbot } from 'isbot'
import type { Database } from '#db/client.server'
import { allowsPageCache } from '~/http/page-cache'
import type { RouteLookup } from './route-lookup.server'

export interface PageCacheOptions {
  database: Pick<Database, 'query'>
  routeFor: RouteLookup
  /** How long a kept answer may be served while the database stays the same; 0 turns the cache off. */
  lifetimeMs: number
  /** Memory for kept answers, all together (the oldest go first). */
  maxBytes?: number
}

type Kept = {
  status: number
  headers: [string, string][]
  /**
   * The body as UTF-8, cut where the page's CSP nonce was rendered: a copy is these parts joined by
   * its own nonce. Kept as bytes so that a hit copies memory instead of searching, re-encoding and
   * measuring a string of tens of kB.
   */
  parts: Buffer[]
  /** The nonce rendered into the page (null when it has none). */
  nonce: string | null
  keptAt: number
  bytes: number
}

const LARGEST_PAGE_BYTES = 2 * 1024 * 1024
// Set per request elsewhere, or meaningless on a copy.
const UNKEPT_HEADERS = new Set([
  'content-length', 'content-encoding', 'transfer-encoding', 'etag', 'date', 'vary', 'server-timing', 'set-cookie', 'connection', 'keep-alive',
])

export function pageCache({ database, routeFor, lifetimeMs, maxBytes = 64 * 1024 * 1024 }: PageCacheOptions) {
  const kept = new Map<string, Kept>() // in the order they were kept, so the oldest come first
  const rendering = new Map<string, Promise<Kept | null>>()
  let keptBytes = 0

  const fresh = (answer: Kept | null | undefined, now: number) => (answer && now - answer.keptAt < lifetimeMs ? answer : null)

  function keep(key: string, answer: Kept) {
    const previous = kept.get(key)
    if (previous) forget(key, previous)
    kept.set(key, answer)
    keptBytes += answer.bytes
    const now = Date.now()
    for (const [oldKey, old] of kept) {
      if (keptBytes <= maxBytes && fresh(old, now)) break
      forget(oldKey, old)
    }
  }
  function forget(key: string, answer: Kept) {
    kept.delete(key)
    keptBytes -= answer.bytes
  }

  return async function answerFromPageCache(req: Request, res: Response, next: NextFunction) {
    if (lifetimeMs <= 0 || req.method !== 'GET' || !(await mayKeep(req, routeFor))) return next()
    let key: string
    try {
      const [row] = await database.query<{ snapshot: string }>('select pg_current_snapshot()::text as snapshot')
      key = [row.snapshot, req.originalUrl, req.headers.cookie ?? '', req.secure ? 's' : '', isbot(req.get('user-agent') ?? '') ? 'b' : ''].join('\n')
    } catch (error) {
      return next(error)
    }
    // Requests that arrive while the same page is being rendered wait for it rather than render it
    // too. Past half its lifetime a kept answer is rendered again by one request while the others
    // still get it: were it only rendered once gone, every connection would wait for that render
    // once a lifetime (at 50 connections, those waits were the team page's p99).
    const now = Date.now()
    const keptAnswer = fresh(kept.get(key), now)
    const renderingNow = rendering.get(key)
    if (keptAnswer && (renderingNow || now - keptAnswer.keptAt < lifetimeMs / 2)) return send(keptAnswer, res)
    const answer = keptAnswer ? null : fresh(await renderingNow, Date.now())
    if (answer) return send(answer, res)

    let settle: (answer: Kept | null) => void = () => {}
    rendering.set(key, new Promise((resolve) => (settle = resolve)))
    const done = (answer: Kept | null) => {
      rendering.delete(key)
      if (answer) keep(key, answer)
      settle(answer)
    }
    recordAnswer(res, done)
    res.appendHeader('Server-Timing', 'cache;desc="miss"')
    next()
  }
}

async function mayKeep(req: Request, routeFor: RouteLookup) {
  // A document runs the matched routes' loaders and a client navigation (`/path.data`) some of
  // them; the deepest route decides (its parents here only read the session).
  const route = await routeFor(req.path)
  return allowsPageCache(route.module?.handle)
}

function send(answer: Kept, res: Response) {
  res.status(answer.status)
  for (const [name, value] of answer.headers) res.setHeader(name, value)
  res.appendHeader('Server-Timing', 'cache;desc="hit"')
  res.end(bodyWithNonce(answer, (res.locals.cspNonce as string | undefined) ?? answer.nonce))
}

function bodyWithNonce({ parts }: Kept, nonce: string | null) {
  if (parts.length === 1 || nonce === null) return parts[0]
  const fill = Buffer.from(nonce)
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [fill, part])))
}

/** `body` cut at each occurrence of `nonce`, as `String.split` would (a nonce is ASCII: never inside a UTF-8 character). */
function splitAt(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body]
  const parts: Buffer[] = []
  let start = 0
  for (let at = body.indexOf(nonce); at !== -1; at = body.indexOf(nonce, start)) {
    parts.push(body.subarray(start, at))
    start = at + Buffer.byteLength(nonce)
  }
  parts.push(body.subarray(start))
  return parts
}

/** Copies what Remix writes, and hands it to `done` once sent if it may be kept (else null). */
function recordAnswer(res: Response, done: (answer: Kept | null) => void) {
  const headersBefore = new Set(res.getHeaderNames())
  const chunks: Buffer[] = []
  let size = 0
  const write = res.write
  const end = res.end
  const note = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > LARGEST_PAGE_BYTES) return
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
    chunks.push(buffer)
    size += buffer.length
  }
  res.write = function (this: Response, chunk: unknown, encoding?: unknown, callback?: unknown) {
    note(chunk, encoding)
    return write.call(this, chunk, encoding as BufferEncoding, callback as () => void)
  } as typeof res.write
  res.end = function (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    note(chunk, encoding)
    return end.call(this, chunk, encoding as BufferEncoding, callback as () => void)
  } as typeof res.end

  let settled = false
  const settle = (answer: Kept | null) => {
    if (settled) return
    settled = true
    done(answer)
  }
  res.on('close', () => settle(null))
  res.on('finish', () => {
    const contentType = String(res.getHeader('content-type') ?? '')
    const cacheControl = String(res.getHeader('cache-control') ?? '')
    const keepable =
      res.statusCode === 200 &&
      !res.hasHeader('set-cookie') &&
      /^(text\/html|text\/x-script|application\/json)/.test(contentType) &&
      !/no-store/.test(cacheControl) &&
      size <= LARGEST_PAGE_BYTES
    if (!keepable) return settle(null)
    const body = Buffer.concat(chunks)
    const nonce = contentType.startsWith('text/html') ? ((res.locals.cspNonce as string | undefined) ?? null) : null
    const headers: [string, string][] = []
    for (const name of res.getHeaderNames()) {
      if (headersBefore.has(name) || UNKEPT_HEADERS.has(name)) continue
      const value = res.getHeader(name)
      if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)])
    }
    settle({ status: 200, headers, parts: splitAt(body, nonce), nonce, keptAt: Date.now(), bytes: body.length + 512 })
  })
}
