// The real server process: env validation, start-up on PGlite, health and metrics, and a clean
// SIGTERM that drains and closes the data folder so the next start finds it intact.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.server'
import { freePort, signIn, writeLoad } from '../fault/support'

const root = path.resolve(import.meta.dirname, '../..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-lifecycle-'))
const pgliteDir = path.join(dataDir, 'pglite')
// A build of the current code in a folder of its own, so a stale or half-written build/ never matters.
const buildDir = path.join(root, 'test/.artifacts/build-lifecycle')
// The compiled server, as `npm start` runs it: plain JavaScript, no TypeScript loader.
const server = path.join(buildDir, 'server.js')
let port = 0

const children: ChildProcess[] = []
function start(extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [server], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PGLITE_DIR: pgliteDir,
      RAPPORT_BUILD_DIR: buildDir,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      // The banner's last line (the demo logins arrive in more than one chunk under load).
      if (output.includes('Rapport is running') && output.includes('member@acme.test')) {
        clearInterval(timer)
        resolve(output)
      }
    }, 50)
    child.on('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`server exited with ${code}: ${output}`))
    })
  })
  return { child, ready, output: () => output }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

let metricsPort = 0
beforeAll(async () => {
  port = await freePort()
  metricsPort = await freePort()
  // Skipped when build-lifecycle already holds a build of these sources (the CI's other pass).
  const built = spawnSync('bash', ['test/support/build-if-stale.sh', 'npm', 'run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir },
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
})
afterAll(() => {
  // A failed test must not leave its server running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('server lifecycle', () => {
  it('refuses a bad environment value with one clear line', () => {
    const result = spawnSync(process.execPath, [server], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', PGLITE_DIR: pgliteDir, RAPPORT_BUILD_DIR: buildDir },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual(['Invalid environment: PORT="eighty": Expected number, received nan'])
  })

  it('stops with one line naming the setting when the database cannot be opened or reached', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [server], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', PORT: String(port), RAPPORT_BUILD_DIR: buildDir, DATABASE_URL: '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      })
    const aFile = path.join(dataDir, 'not-a-folder')
    fs.writeFileSync(aFile, 'x')
    const cases: [Record<string, string>, RegExp][] = [
      [{ PGLITE_DIR: aFile }, /^PGLITE_DIR=".*not-a-folder" is a file, not a folder\./],
      [{ PGLITE_DIR: '/proc/rapport-data' }, /^PGLITE_DIR="\/proc\/rapport-data" cannot be used as the database folder \(\w+\)/],
      [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/rapport' }, /^DATABASE_URL: cannot reach PostgreSQL on 127\.0\.0\.1:1 \(ECONNREFUSED/],
    ]
    for (const [env, line] of cases) {
      const result = run(env)
      expect(result.status, JSON.stringify(env)).toBe(1)
      expect(result.stderr.trim().split('\n'), JSON.stringify(env)).toHaveLength(1)
      expect(result.stderr.trim()).toMatch(line)
    }
  }, 120_000)

  it('starts on PGlite with the demo data, serves health and metrics, and shuts down cleanly on SIGTERM', async () => {
    const metricsToken = 'lifecycle-metrics-token-0123456789'
    const first = start({ METRICS_TOKEN: metricsToken, METRICS_PORT: String(metricsPort) })
    const banner = await first.ready
    expect(banner).toContain('admin@acme.test')
    const health = await fetch(`http://localhost:${port}/healthz`)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up', driver: 'pglite' } })
    // Not public: refused without the bearer token, served with it and on the local listener.
    expect((await fetch(`http://localhost:${port}/metrics`)).status).toBe(401)
    expect((await fetch(`http://localhost:${port}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401)
    const local = await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
    expect(await local.text()).toMatch(/^mdx_compiles_total \d+$/m)
    const metrics = await fetch(`http://localhost:${port}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    expect(metrics.headers.get('content-type')).toContain('text/plain')
    const metricsText = await metrics.text()
    expect(metricsText).toMatch(/http_requests_total\{method="GET",route="routes\/healthz",status="200"\} 1/)
    expect(metricsText).toMatch(/^review_queue_depth [1-9]\d*$/m) // the demo seed leaves open replies
    expect(metricsText).toMatch(/^mdx_compiles_total \d+$/m)

    // A second process must not open the same folder.
    const intruder = start()
    await expect(intruder.ready).rejects.toThrow(/in use by process/)

    // SIGTERM while a request is in flight: the request still completes, then the process exits 0.
    const inFlight = fetch(`http://localhost:${port}/login`)
    first.child.kill('SIGTERM')
    expect((await inFlight).status).toBe(200)
    expect(await exited(first.child)).toBe(0)
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false)

    // The folder reopens intact: the data is still there and the seed does not run twice.
    const second = start()
    await second.ready
    const login = await fetch(`http://localhost:${port}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'admin@acme.test', password: 'rapport-demo' }),
      redirect: 'manual',
    })
    expect(login.status).toBe(302)
    expect(login.headers.get('set-cookie')).toMatch(/rapport_session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax/)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    expect((await fetch(`http://localhost:${port}/admin`, { headers: { cookie } })).status).toBe(200)

    // A form posted from another site is refused, even with a valid session cookie.
    const forged = await fetch(`http://localhost:${port}/logout`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      redirect: 'manual',
    })
    expect(forged.status).toBe(403)
    expect((await fetch(`http://localhost:${port}/admin`, { headers: { cookie } })).status).toBe(200)
    second.child.kill('SIGTERM')
    expect(await exited(second.child)).toBe(0)
  }, 120_000)

  it('answers a form posted the moment it listens once the job queue runs (started just after listening), so its mail is queued at once', async () => {
    const third = start()
    await third.ready
    const reset = await fetch(`http://localhost:${port}/forgot-password`, { method: 'POST', body: new URLSearchParams({ email: 'member@acme.test' }) })
    expect(reset.status).toBe(200)
    third.child.kill('SIGTERM')
    expect(await exited(third.child)).toBe(0)
    const reopened = await openDatabase({ pgliteDir })
    try {
      const [message] = await reopened.query<{ id: string }>(`select id from outbox_messages where to_address = 'member@acme.test' order by created_at desc limit 1`)
      expect(message).toBeDefined()
      // Without waiting for the queue the message would sit in the outbox until the mail sweep.
      expect(await reopened.query(`select id from pgboss.job where name = 'mail.send' and data->>'messageId' = $1`, [message.id])).toHaveLength(1)
    } finally {
      await reopened.close()
    }
  }, 120_000)

  it('on PGlite, a kill -9 during writes leaves a folder that opens with every acknowledged write', async () => {
    const crashDir = path.join(dataDir, 'crash')
    const server = start({ PGLITE_DIR: crashDir })
    await server.ready
    const base = `http://localhost:${port}`
    const cookies = await Promise.all(['member@acme.test', 'newhire@acme.test', 'maya@acme.test', 'tomas@acme.test'].map((email) => signIn(base, email)))
    const load = writeLoad(() => base, cookies)
    await new Promise((r) => setTimeout(r, 3_000))
    server.child.kill('SIGKILL')
    await exited(server.child)
    const figures = await load.stop()
    expect(figures.acknowledged.length).toBeGreaterThan(0)
    const reopened = await openDatabase({ pgliteDir: crashDir })
    try {
      const [row] = await reopened.query<{ n: number }>('select count(*)::int as n from replies where id = any($1::uuid[])', [figures.acknowledged])
      expect(row.n).toBe(figures.acknowledged.length)
    } finally {
      await reopened.close()
    }
  }, 120_000)
})
