// A running server (the production build, a real database) sent random and hostile bodies, URLs and
// content types on every action: nothing may answer 5xx. Then a journey types known strings and
// none of them may reach the captured log.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildApp, buildDir, freePort, signIn as signInAt } from '../fault/support'
import { withDatabase } from '../setup/global-setup'

const root = path.resolve(import.meta.dirname, '../..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-hostile-'))
let server: ChildProcess
let log = ''
let base = ''
const cookies: Record<'admin' | 'manager' | 'member' | 'none', string> = { admin: '', manager: '', member: '', none: '' }
let replyId = ''
let lessonSlug = ''
let pathSlug = ''

const signIn = (email: string) => signInAt(base, email)

beforeAll(async () => {
  buildApp()
  const provided = inject('testDatabase')
  const databaseEnv: Record<string, string> =
    provided.kind === 'postgres'
      ? { DATABASE_URL: withDatabase(provided.adminUrl, `${provided.fileDatabasePrefix}hostile_${process.pid}`) }
      : { PGLITE_DIR: path.join(dataDir, 'pglite') }
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawn(path.join(root, 'node_modules/.bin/tsx'), ['app/server/start.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', RAPPORT_BUILD_DIR: buildDir, ...databaseEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (d) => (log += d))
  server.stderr!.on('data', (d) => (log += d))
  const deadline = Date.now() + 120_000
  while (!log.includes('Rapport is running')) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  cookies.admin = await signIn('admin@acme.test')
  cookies.manager = await signIn('manager@acme.test')
  cookies.member = await signIn('member@acme.test')
  const lessons = await (await fetch(`${base}/lessons`, { headers: { cookie: cookies.member } })).text()
  lessonSlug = /href="\/lessons\/([a-z0-9-]+)"/.exec(lessons)![1]
  const paths = await (await fetch(`${base}/paths`, { headers: { cookie: cookies.member } })).text()
  pathSlug = /href="\/paths\/([a-z0-9-]+)"/.exec(paths)![1]
  await fetch(`${base}/scenarios/late-delivery-gift`, { method: 'POST', headers: { cookie: cookies.member }, body: new URLSearchParams({ intent: 'try-again' }), redirect: 'manual' })
  const submitted = await fetch(`${base}/scenarios/late-delivery-gift`, {
    method: 'POST',
    headers: { cookie: cookies.member },
    body: new URLSearchParams({ intent: 'submit', promptId: 'reply', text: 'I am sorry it arrived late; a replacement is on its way today.' }),
    redirect: 'manual',
  })
  replyId = /submitted=([0-9a-f-]{36})/.exec(submitted.headers.get('location') ?? '')![1]
}, 180_000)

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const FIELDS = [
  'intent', 'id', 'promptId', 'optionId', 'attemptId', 'text', 'name', 'email', 'password', 'redirectTo', 'invitationId',
  'note', 'reason', 'reviewId', 'reflectionId', 'userId', 'role', 'teamId', 'teams', 'customerFacing', 'unmark', 'restore',
  'drop-extra', 'raw', 'format', 'sender', 'missedValue', 'missedLabel', 'extra', 'ignore', 'item', 'title', 'summary',
  'channel', 'mood', 'difficulty', 'persona', 'context', 'prompt', 'customerName', 'subject', 'confirm', 'comment',
]
const INTENTS = [
  'add-team', 'change-role', 'deactivate', 'reactivate', 'done', 'reflection', 'enrol', 'approve', 'reject', 'revoke',
  'choose', 'submit', 'save-draft', 'try-again', 'decide', 'disagree', 'helpful', 'note', 'read', 'read-all', 'edit',
  'mark', 'save', 'preview',
]
const HOSTILE = [
  '', '\0', 'a\0b', 'abc', '-1', '0', '99999999999999999999', 'null', 'undefined', '[]', '{}', '<script>alert(1)</script>',
  "' or 1=1 --", '00000000-0000-0000-0000-000000000000', '%00', '%E0%A4%A', '../../etc/passwd', '\u202e\ufeff', '😀'.repeat(50),
  '=HYPERLINK("http://x","y")', '/\t/evil.example', 'x'.repeat(1_001), 'y'.repeat(10_001), 'z'.repeat(25_000),
]

const actions = () => [
  { path: '/login', as: 'none' as const },
  { path: '/logout', as: 'member' as const },
  { path: '/admin', as: 'admin' as const },
  { path: '/admin/invitations', as: 'admin' as const },
  { path: '/admin/scenarios', as: 'manager' as const },
  { path: '/invite/not-a-real-token', as: 'none' as const },
  { path: `/lessons/${lessonSlug}`, as: 'member' as const },
  { path: '/notifications', as: 'member' as const },
  { path: `/paths/${pathSlug}`, as: 'member' as const },
  { path: `/replies/${replyId}`, as: 'manager' as const },
  { path: '/reviews', as: 'member' as const },
  { path: '/reviews/calibration', as: 'member' as const },
  { path: '/scenarios/late-delivery-gift', as: 'member' as const },
  { path: '/scenarios/import', as: 'manager' as const },
]

type Body = { contentType?: string; body: string | Uint8Array }
const value = fc.oneof(fc.constantFrom(...HOSTILE, ...INTENTS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.uuid())
const fields = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), value), { maxLength: 8 })
const body: fc.Arbitrary<Body> = fc.oneof(
  fields.map((pairs) => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(pairs).toString() })),
  fields.map((pairs) => {
    const boundary = 'rapportBoundary7'
    const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`)
    return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` }
  }),
  fc.string({ maxLength: 200 }).map((junk) => ({ contentType: 'multipart/form-data; boundary=rapportBoundary7', body: `--rapportBoundary7\r\n${junk}` })),
  fc.string({ maxLength: 200 }).map((junk) => ({ contentType: 'multipart/form-data', body: junk })),
  fields.map((pairs) => ({ contentType: 'application/json', body: JSON.stringify(Object.fromEntries(pairs)) })),
  fc.string({ maxLength: 200 }).map((junk) => ({ contentType: 'text/plain', body: junk })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ contentType: 'application/x-www-form-urlencoded', body: bytes })),
  fc.constant({ body: '' }),
)

async function post(path: string, as: keyof typeof cookies, { contentType, body }: Body) {
  const headers: Record<string, string> = { accept: 'text/html' }
  if (cookies[as]) headers.cookie = cookies[as]
  if (contentType) headers['content-type'] = contentType
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : Buffer.from(body), redirect: 'manual' })
  await response.arrayBuffer()
  return response.status
}

describe('hostile input on a running server', () => {
  it('answers the probe’s reproductions with 4xx, never 5xx', async () => {
    const form = (fields: Record<string, string>) => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() })
    const cases: [string, keyof typeof cookies, Body][] = [
      ['/admin', 'admin', form({ intent: 'add-team', name: 'Sup\0port' })],
      ['/scenarios/late-delivery-gift', 'member', form({ intent: 'submit', promptId: 'reply', text: 'Sorry\0' })],
      ['/scenarios/late-delivery-gift', 'member', form({ intent: 'save-draft', promptId: 'reply', text: 'd'.repeat(10_001) })],
      ['/scenarios/late-delivery-gift', 'member', form({ intent: 'choose' })],
      ['/scenarios/late-delivery-gift', 'member', form({ intent: 'choose', promptId: '', optionId: '' })],
      ['/scenarios/late-delivery-gift', 'member', form({ intent: 'submit', promptId: 'reply', attemptId: 'abc', text: 'hi' })],
      ['/admin/invitations', 'admin', form({ intent: 'revoke', invitationId: 'abc' })],
      ['/admin/invitations', 'admin', form({ name: 'Dana\0', email: 'dana@example.test', role: 'member' })],
      ['/admin/scenarios', 'manager', form({ intent: 'approve', id: 'abc', note: 'n'.repeat(1_001) })],
      ['/scenarios/import', 'manager', form({ intent: 'preview', raw: 'Customer: hello', unmark: 'u'.repeat(100_000) })],
      ['/scenarios/import', 'manager', form({ intent: 'read', raw: 'Customer: hello\0' })],
      [`/lessons/${lessonSlug}`, 'member', form({ intent: 'reflection', reflectionId: 'x', text: 'private\0' })],
      [`/replies/${replyId}`, 'manager', form({ intent: 'disagree', reviewId: 'abc', reason: 'r\0' })],
      ['/reviews', 'member', form({ intent: 'submit', id: 'not-a-uuid', comment: 'c\0' })],
      ['/login', 'none', { contentType: 'application/json', body: '{"email":"a@b.c","password":"x"}' }],
      ['/login', 'none', { contentType: 'text/plain', body: 'email=a' }],
      ['/login', 'none', { contentType: 'multipart/form-data; boundary=x', body: '--x\r\nbroken' }],
      ['/login', 'none', { contentType: 'application/x-www-form-urlencoded', body: 'e'.repeat(5 * 1024 * 1024) }],
    ]
    const answers: string[] = []
    for (const [path, as, request] of cases) answers.push(`${path} ${await post(path, as, request)}`)
    expect(answers.filter((a) => Number(a.split(' ').pop()) >= 500)).toEqual([])
    expect(answers).toContain('/login 413')
    expect(answers).toContain('/login 415')
    for (const url of ['/scenarios/%00', '/insights/teams/%00', '/team/onboarding?team=%00', '/%E0%A4%A', '/lessons?q=%E0%A4%A', '/replies/not-a-uuid', '/replies/%00']) {
      for (const as of ['none', 'manager'] as const) {
        const response = await fetch(`${base}${url}`, { headers: cookies[as] ? { cookie: cookies[as] } : {}, redirect: 'manual' })
        expect(response.status, `${url} as ${as}`).toBeLessThan(500)
      }
    }
  }, 120_000)

  it('never answers 5xx to random bodies on any action', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actions()),
        body,
        fc.constantFrom('none', 'member', 'manager', 'admin') as fc.Arbitrary<keyof typeof cookies>,
        // Remix's data requests (what a page with JavaScript sends) as well as plain form posts.
        fc.boolean(),
        async (action, request, who, asData) => {
          const target = asData && action.path.split('/').length > 2 ? `${action.path}.data` : action.path
          const status = await post(target, who === 'none' ? action.as : who, request)
          expect(status, `${target} ${request.contentType} ${String(request.body).slice(0, 120)}`).toBeLessThan(500)
        },
      ),
      { numRuns: 400 },
    )
  }, 240_000)

  it('keeps what people type out of the log', async () => {
    const marker = 'Quokka7Marker'
    const form = (fields: Record<string, string>) => new URLSearchParams(fields)
    const send = (path: string, as: keyof typeof cookies, fields: Record<string, string>) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { cookie: cookies[as] }, body: form(fields), redirect: 'manual' }).then((r) => r.arrayBuffer())
    await fetch(`${base}/login`, { method: 'POST', body: form({ email: `${marker}@example.test`, password: marker }), redirect: 'manual' })
    await fetch(`${base}/lessons?q=${marker}`, { headers: { cookie: cookies.member } })
    await fetch(`${base}/scenarios?q=${marker}&team=${marker}`, { headers: { cookie: cookies.member } })
    await send('/scenarios/late-delivery-gift', 'member', { intent: 'try-again' })
    await send('/scenarios/late-delivery-gift', 'member', { intent: 'save-draft', promptId: 'reply', text: `Draft ${marker}` })
    await send('/scenarios/late-delivery-gift', 'member', { intent: 'submit', promptId: 'reply', attemptId: marker, text: `Reply ${marker}` })
    await send('/scenarios/late-delivery-gift', 'member', { intent: 'submit', promptId: 'reply', text: `Reply ${marker}` })
    await send(`/lessons/${lessonSlug}`, 'member', { intent: 'reflection', reflectionId: marker, text: `Reflection ${marker}` })
    await send('/admin', 'admin', { intent: 'add-team', name: `Team ${marker}` })
    await send('/admin', 'admin', { intent: 'change-role', userId: marker, role: marker })
    await send('/admin/invitations', 'admin', { name: `Person ${marker}`, email: `${marker}@example.test`, role: 'member' })
    await send('/scenarios/import', 'manager', { intent: 'read', raw: `Customer: I am ${marker}, order 5550123` })
    await send(`/replies/${replyId}`, 'manager', { intent: 'disagree', reviewId: marker, reason: `Reason ${marker}` })
    await new Promise((r) => setTimeout(r, 300))
    expect(log).toMatch(/"msg":"request"/)
    expect(log.split('\n').filter((line) => line.includes(marker))).toEqual([])
  }, 60_000)

  it('sends the security headers on every kind of response', async () => {
    const member = { cookie: cookies.member }
    const responses = {
      page: await fetch(`${base}/lessons`, { headers: member }),
      data: await fetch(`${base}/lessons.data`, { headers: member }),
      csv: await fetch(`${base}/insights.csv`, { headers: member }),
      redirect: await fetch(`${base}/insights`, { redirect: 'manual' }),
      notFound: await fetch(`${base}/no-such-page`, { headers: member }),
      refused: await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      asset: await fetch(`${base}/favicon.svg`),
    }
    expect(responses.redirect.status).toBe(302)
    expect(responses.notFound.status).toBe(404)
    expect(responses.refused.status).toBe(415)
    for (const [kind, response] of Object.entries(responses)) {
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, kind).toContain("frame-ancestors 'none'")
      expect(csp, kind).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
      expect(csp, kind).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(response.headers.get('cross-origin-opener-policy'), kind).toBe('same-origin')
      expect(response.headers.get('permissions-policy'), kind).toContain('camera=()')
      expect(response.headers.get('x-content-type-options'), kind).toBe('nosniff')
      // Plain HTTP: no HSTS (it belongs to HTTPS answers only).
      expect(response.headers.get('strict-transport-security'), kind).toBeNull()
    }
    // Every inline script of a page carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(responses.page.headers.get('content-security-policy')!)![1]
    const scripts = (await responses.page.text()).match(/<script[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
    // Behind a TLS-terminating proxy on loopback, HSTS is sent.
    const https = await fetch(`${base}/login`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toContain('max-age=')
  })

  it('keeps /metrics off the public port', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(404)
    expect(await (await fetch(`${base}/metrics`, { headers: { cookie: cookies.admin } })).text()).not.toContain('http_requests_total')
  })
})
