// The page cache over real HTTP and a real database (PGlite, or PostgreSQL in CI): a repeated
// page is answered from memory only while nothing has been written, only to the same cookies,
// with a fresh CSP nonce each time; anything else is rendered again.
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople } from '#db/factories'
import { users } from '#db/schema'
import { cachedUntilNextWrite } from '~/http/page-cache'
import { securityHeaders } from '~/http/security-headers.server'
import { pageCache } from '~/server/page-cache.server'
import type { RouteLookup } from '~/server/route-lookup.server'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()
const { member, manager } = await createOrgWithPeople(database.db)
const LIFETIME_MS = 2_000
let renders = 0
let base = ''
let close = () => {}

// Stands in for the Remix build: which paths opted in.
const routeFor: RouteLookup = async (pathname) => ({
  id: pathname,
  module: pathname === '/uncached' ? { default: () => null } : ({ default: () => null, handle: cachedUntilNextWrite } as never),
})

beforeAll(async () => {
  const app = express()
  app.use(securityHeaders({ development: false }))
  // long enough that two requests in a row fit in it on a busy machine
  app.use(pageCache({ database, routeFor, lifetimeMs: LIFETIME_MS }))
  // A page that reads the visitor's name from the database, as a loader would.
  app.get(['/page', '/uncached', '/sets-cookie', '/slow'], async (req, res) => {
    renders++
    const userId = /who=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1] ?? ''
    const [row] = userId ? await database.db.select({ name: users.name }).from(users).where(eq(users.id, userId)) : []
    if (req.path === '/slow') await new Promise((resolve) => setTimeout(resolve, 100))
    if (req.path === '/sets-cookie') res.append('Set-Cookie', 'seen=1')
    if (!row) return res.status(404).type('html').send('<p>Nobody</p>')
    res.type('html').send(`<html><script nonce="${res.locals.cspNonce}">1</script><p>Hello ${row.name}</p><!-- render ${renders} --></html>`)
  })
  // The nonce in several places, first and last included, around text that is not ASCII.
  app.get('/nonces', (_req, res) => {
    const nonce = res.locals.cspNonce
    res.type('html').send(`${nonce}<script nonce="${nonce}">1</script><p>Grüße, café ☕ 𝄞 ${nonce}</p><script nonce="${nonce}">2</script>${nonce}`)
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

async function get(path: string, userId: string) {
  const response = await fetch(`${base}${path}`, { headers: { cookie: `who=${userId}` } })
  const body = await response.text()
  const csp = response.headers.get('content-security-policy') ?? ''
  return {
    status: response.status,
    body,
    cache: /cache;desc="(\w+)"/.exec(response.headers.get('server-timing') ?? '')?.[1],
    contentLength: response.headers.get('content-length'),
    headerNonce: /'nonce-([^']+)'/.exec(csp)?.[1],
    bodyNonce: /nonce="([^"]+)"/.exec(body)?.[1],
  }
}

describe('page cache', () => {
  it('answers a repeated page from memory, with this answer’s own nonce', async () => {
    const first = await get('/page', member.id)
    const rendersAfterFirst = renders
    const second = await get('/page', member.id)
    expect(first.cache).toBe('miss')
    expect(second.cache).toBe('hit')
    expect(renders).toBe(rendersAfterFirst)
    expect(second.body.replace(second.bodyNonce!, '')).toBe(first.body.replace(first.bodyNonce!, ''))
    expect(second.bodyNonce).toBe(second.headerNonce)
    expect(second.bodyNonce).not.toBe(first.bodyNonce)
  })

  it('puts this answer’s nonce everywhere the page had its own, with the byte length of non-ASCII text', async () => {
    const first = await get('/nonces', member.id)
    const second = await get('/nonces', member.id)
    expect(second.cache).toBe('hit')
    expect(second.headerNonce).not.toBe(first.headerNonce)
    expect(first.body.split(first.headerNonce!)).toHaveLength(6)
    expect(second.body).toBe(first.body.replaceAll(first.headerNonce!, second.headerNonce!))
    expect(second.contentLength).toBe(String(Buffer.byteLength(second.body)))
    expect(second.body).toContain('Grüße, café ☕ 𝄞')
  })

  it('never gives one person’s page to another', async () => {
    await get('/page', member.id)
    const other = await get('/page', manager.id)
    expect(other.cache).toBe('miss')
    expect(other.body).toContain(`Hello ${manager.name}`)
    expect(other.body).not.toContain(member.name)
  })

  it('renders again after any write, from any connection', async () => {
    await get('/page', member.id)
    expect((await get('/page', member.id)).cache).toBe('hit')
    // Written outside the HTTP server, as another instance or a job would.
    await database.db.update(users).set({ name: 'Mia Renamed' }).where(eq(users.id, member.id))
    const after = await get('/page', member.id)
    expect(after.cache).toBe('miss')
    expect(after.body).toContain('Hello Mia Renamed')
  })

  it('keeps nothing for a route that did not opt in, an answer that sets a cookie, or an error', async () => {
    for (const path of ['/uncached', '/sets-cookie']) {
      await get(path, member.id)
      const again = await get(path, member.id)
      expect(again.cache, path).not.toBe('hit')
    }
    await get('/page', '00000000-0000-4000-8000-000000000000')
    const missing = await get('/page', '00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(missing.cache).toBe('miss')
  })

  it('renders again once the lifetime has passed, even with nothing written', async () => {
    await get('/page', manager.id)
    expect((await get('/page', manager.id)).cache).toBe('hit')
    await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS + 50))
    expect((await get('/page', manager.id)).cache).toBe('miss')
  })

  it('renders a page again past half its lifetime while the others still get the kept one', async () => {
    await get('/slow', manager.id)
    const keptRender = `render ${renders}`
    await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS / 2 + 50))
    const inOrder: Awaited<ReturnType<typeof get>>[] = []
    await Promise.all(Array.from({ length: 10 }, () => get('/slow', manager.id).then((answer) => inOrder.push(answer))))
    expect(inOrder.filter((answer) => answer.cache === 'miss')).toHaveLength(1)
    expect(renders).toBe(Number(keptRender.split(' ')[1]) + 1)
    // Those answered before the new render was ready got the kept page instead of waiting for it.
    const rendered = inOrder.findIndex((answer) => answer.cache === 'miss')
    expect(rendered).toBeGreaterThan(0)
    expect(inOrder.slice(0, rendered).every((answer) => answer.cache === 'hit' && answer.body.includes(keptRender))).toBe(true)
  })

  it('renders a page once when many ask for it at the same moment', async () => {
    const before = renders
    const answers = await Promise.all(Array.from({ length: 20 }, () => get('/slow', member.id)))
    expect(renders - before).toBe(1)
    expect(new Set(answers.map((answer) => answer.body.replace(answer.bodyNonce!, ''))).size).toBe(1)
    expect(answers.every((answer) => answer.bodyNonce === answer.headerNonce)).toBe(true)
  })
})
