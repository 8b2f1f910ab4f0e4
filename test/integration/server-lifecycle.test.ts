// The real server process: env validation, start-up on PGlite, health and metrics, and a clean
// SIGTERM that drains and closes the data folder so the next start finds it intact.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-lifecycle-'))
const pgliteDir = path.join(dataDir, 'pglite')
// A build of the current code in a folder of its own, so a stale or half-written build/ never matters.
const buildDir = path.join(root, 'test/.artifacts/build-lifecycle')
// The compiled server, as `npm start` runs it: plain JavaScript, no TypeScript loader.
const server = path.join(buildDir, 'server.js')
let port = 0

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
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Rapport is running')) {
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

beforeAll(() => {
  port = 4500 + Math.floor(Math.random() * 400)
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir },
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

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

  it('starts on PGlite with the demo data, serves health and metrics, and shuts down cleanly on SIGTERM', async () => {
    const first = start()
    const banner = await first.ready
    expect(banner).toContain('admin@acme.test')
    const health = await fetch(`http://localhost:${port}/healthz`)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'up', driver: 'pglite' } })
    const metrics = await fetch(`http://localhost:${port}/metrics`)
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
})
