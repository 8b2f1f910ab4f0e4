// Two real app processes on one PostgreSQL database: a step change made through instance A reaches
// a participant whose event stream is connected to instance B (state in the database, announced
// with LISTEN/NOTIFY). PostgreSQL only: PGlite is one process by design.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, buildDir } from '../fault/support'
import { withDatabase } from '../setup/global-setup'

const root = path.resolve(import.meta.dirname, '../..')
const adminUrl = process.env.TEST_DATABASE_URL
const [portA, portB] = (process.env.MEETINGS_TEST_PORTS ?? '4310,4311').split(',').map(Number)
const databaseName = `rapport_two_${process.pid}`

if (!adminUrl) console.info('meetings-two-instances: skipped, set TEST_DATABASE_URL to a PostgreSQL server to run it')

function startInstance(port: number, databaseUrl: string) {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['app/server/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      RAPPORT_BUILD_DIR: buildDir,
      RAPPORT_TEST_HOOKS: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => output.includes('Rapport is running') && (clearInterval(timer), resolve()), 50)
    child.on('exit', (code) => (clearInterval(timer), reject(new Error(`instance on ${port} exited with ${code}: ${output}`))))
  })
  return { child, ready, output: () => output }
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.on('exit', () => resolve())
    child.kill('SIGTERM')
  })

describe.skipIf(!adminUrl)('a live meeting across two app instances', () => {
  let admin: ReturnType<typeof postgres>
  let a: ReturnType<typeof startInstance>
  let b: ReturnType<typeof startInstance>

  beforeAll(async () => {
    admin = postgres(adminUrl!, { max: 1, onnotice: () => {} })
    await admin.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
    await admin.unsafe(`CREATE DATABASE ${databaseName}`)
    buildApp()
    const url = withDatabase(adminUrl!, databaseName)
    // A migrates and seeds the demo; B starts on the database A prepared.
    a = startInstance(portA, url)
    await a.ready
    b = startInstance(portB, url)
    await b.ready
  }, 180_000)

  afterAll(async () => {
    await Promise.all([a && stop(a.child), b && stop(b.child)])
    await admin?.unsafe(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
    await admin?.end()
  }, 60_000)

  it('the facilitator changes step on A; the participant’s stream on B shows it', async () => {
    const session = async (port: number, email: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/__test/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
      return `rapport_session=${((await response.json()) as { token: string }).token}`
    }
    const manager = await session(portA, 'manager@acme.test')
    const member = await session(portB, 'member@acme.test')
    const db = postgres(withDatabase(adminUrl!, databaseName), { max: 1, onnotice: () => {} })
    const [meeting] = await db<{ id: string }[]>`
      select m.id from meetings m join teams t on t.id = m.team_id
      where t.slug = 'support' and m.status = 'scheduled' order by m.scheduled_at limit 1`
    await db.end()

    // The participant follows on B.
    const controller = new AbortController()
    const stream = await fetch(`http://127.0.0.1:${portB}/meetings/${meeting.id}/events`, {
      headers: { cookie: member },
      signal: controller.signal,
    })
    expect(stream.headers.get('content-type')).toContain('text/event-stream')
    const reader = stream.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    const states: { status: string; stepIndex: number }[] = []
    const readUntil = async (done: () => boolean) => {
      const deadline = Date.now() + 15_000
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`no such state; got ${JSON.stringify(states)}`)
        const { value, done: ended } = await reader.read()
        if (ended) throw new Error('stream ended')
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block.split('\n').find((line) => line.startsWith('data: '))
          if (block.includes('event: state') && data) states.push(JSON.parse(data.slice(6)))
        }
      }
    }
    await readUntil(() => states.length > 0)
    expect(states[0]).toMatchObject({ status: 'scheduled' })

    // The facilitator acts on A.
    const post = (fields: Record<string, string>) =>
      fetch(`http://127.0.0.1:${portA}/meetings/${meeting.id}`, {
        method: 'POST',
        headers: { cookie: manager, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      })
    expect((await post({ intent: 'start' })).status).toBe(200)
    expect((await post({ intent: 'step', index: '3' })).status).toBe(200)
    await readUntil(() => states.some((s) => s.status === 'live' && s.stepIndex === 3))
    controller.abort()
  }, 60_000)

  it('a stopping instance ends its open event streams instead of waiting for them', async () => {
    const response = await fetch(`http://127.0.0.1:${portB}/__test/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'member@acme.test' }),
    })
    const member = `rapport_session=${((await response.json()) as { token: string }).token}`
    const db = postgres(withDatabase(adminUrl!, databaseName), { max: 1, onnotice: () => {} })
    const [meeting] = await db<{ id: string }[]>`
      select m.id from meetings m join teams t on t.id = m.team_id where t.slug = 'support' order by m.scheduled_at desc limit 1`
    await db.end()
    const stream = await fetch(`http://127.0.0.1:${portB}/meetings/${meeting.id}/events`, { headers: { cookie: member } })
    const reader = stream.body!.getReader()
    await reader.read() // the stream is open and has said something
    const exited = new Promise<number | null>((resolve) => b.child.on('exit', (code) => resolve(code)))
    b.child.kill('SIGTERM')
    // The server closes the stream itself: the reader reaches its end rather than an error.
    for (let part = await reader.read(); !part.done; part = await reader.read());
    expect(await exited).toBe(0)
    expect(b.output()).not.toContain('did not drain')
  }, 60_000)
})
