// Real processes for the fault tests: a private PostgreSQL cluster this test may stop and restart
// (never the shared one), app instances started like `npm start`, and a bounded write load that
// records every reply the server acknowledged.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export const root = path.resolve(import.meta.dirname, '../..')
const pgBin = () => {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort() : []
  return versions.length ? `/usr/lib/postgresql/${versions[versions.length - 1]}/bin` : ''
}

/** Why these tests cannot run here, or null: they need root (to run PostgreSQL as `postgres`) and its binaries. */
export function faultTestsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'fault tests need root to run a private PostgreSQL as the postgres user'
  if (!pgBin() || !fs.existsSync(path.join(pgBin(), 'initdb'))) return 'PostgreSQL server binaries not found under /usr/lib/postgresql'
  return null
}

/**
 * A port that is free now and stays free while the test reuses it: it is picked below the kernel's
 * ephemeral range, since a port from that range (what `listen(0)` hands out) may be taken meanwhile
 * as the local end of any outgoing connection, and a restart on it then fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
  const high = Math.min(ephemeralLow || 32768, 32768) - 1
  const low = 20000
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low))
    if (await canListen(port)) return port
  }
  throw new Error(`no free port between ${low} and ${high}`)
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

const asPostgres = (command: string, args: string[]) =>
  spawnSync('runuser', ['-u', 'postgres', '--', path.join(pgBin(), command), ...args], { encoding: 'utf8' })

export interface PrivatePostgres {
  port: number
  url(database: string): string
  restart(): void
  stop(): void
  start(): void
  destroy(): void
}

/** A throwaway PostgreSQL cluster on 127.0.0.1:`port`, owned by the postgres user, in a temp folder. */
export function startPrivatePostgres(port: number): PrivatePostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-fault-pg-'))
  fs.chmodSync(dir, 0o755)
  spawnSync('chown', ['postgres', dir])
  const data = path.join(dir, 'data')
  const init = asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`
  const ctl = (...args: string[]) => {
    const result = asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', ...args])
    if (result.status !== 0) throw new Error(`pg_ctl ${args.join(' ')} failed: ${result.stderr}${result.stdout}`)
  }
  ctl('start')
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: () => ctl('restart', '-m', 'fast'),
    stop: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start'),
    destroy() {
      asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

// The Remix build (server.js is not needed: these servers run app/server/start.ts through tsx),
// shared by the fault tests and the vitest files that start servers the same way.
export const buildDir = path.join(root, 'test/.artifacts/build-remix')

export function buildApp() {
  // Skipped when the folder already holds a build of these sources (another file's or test run's).
  const built = spawnSync('bash', ['test/support/build-if-stale.sh', path.join(root, 'node_modules/.bin/remix'), 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir },
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`remix build failed: ${built.stderr}`)
}

export interface AppInstance {
  port: number
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
  isRunning(): boolean
}

/** Starts `app/server/start.ts` as `npm start` would and resolves once it listens. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppInstance> {
  // `node --import tsx` rather than the tsx binary: one process, so SIGKILL reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/start.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', RAPPORT_BUILD_DIR: buildDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let running = true
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running = false
      resolve(code)
    }),
  )
  const deadline = Date.now() + 90_000
  while (!output.includes('Rapport is running')) {
    if (!running) throw new Error(`app exited before listening: ${output}`)
    if (Date.now() > deadline) throw new Error(`app did not start: ${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { port, child, output: () => output, exited, isRunning: () => running }
}

export async function signIn(baseUrl: string, email: string, password = 'rapport-demo') {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} answered ${response.status}`)
  return cookie
}

export const DEMO_MEMBERS = [
  'member@acme.test', 'newhire@acme.test', 'maya@acme.test', 'tomas@acme.test', 'hana@acme.test',
  'grace@acme.test', 'leo@acme.test', 'zara@acme.test', 'ben@acme.test', 'ines@acme.test',
  'kofi@acme.test', 'lena@acme.test', 'ravi@acme.test', 'olivia@acme.test', 'mateo@acme.test',
  'chloe@acme.test', 'nina@acme.test', 'owen@acme.test', 'manager@acme.test', 'admin@acme.test',
]

export interface LoadFigures {
  startedAt: number
  acknowledged: string[]
  statuses: Map<number, number>
  /** Requests that got no HTTP answer at all (connection refused or reset). */
  networkErrors: number
  slowest503Ms: number
  slowestMs: number
  timeline: { at: number; status: number; ms: number }[]
}

/**
 * `clients` people each loop "try again" then "submit" on one scenario until `stop()`; every
 * submit answered with a redirect to `?submitted=<id>` is an acknowledged write.
 */
export function writeLoad(baseUrl: () => string, cookies: string[], scenario = 'late-delivery-gift') {
  const started = Date.now()
  const figures: LoadFigures = { startedAt: started, acknowledged: [], statuses: new Map(), networkErrors: 0, slowest503Ms: 0, slowestMs: 0, timeline: [] }
  let stopping = false
  const post = async (cookie: string, body: Record<string, string>) => {
    const t0 = Date.now()
    try {
      const response = await fetch(`${baseUrl()}/scenarios/${scenario}`, {
        method: 'POST',
        headers: { cookie, accept: 'text/html' },
        body: new URLSearchParams(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      })
      await response.arrayBuffer()
      const ms = Date.now() - t0
      figures.statuses.set(response.status, (figures.statuses.get(response.status) ?? 0) + 1)
      figures.timeline.push({ at: t0 - started, status: response.status, ms })
      figures.slowestMs = Math.max(figures.slowestMs, ms)
      if (response.status === 503) figures.slowest503Ms = Math.max(figures.slowest503Ms, ms)
      return response
    } catch {
      figures.networkErrors++
      figures.timeline.push({ at: t0 - started, status: 0, ms: Date.now() - t0 })
      await new Promise((r) => setTimeout(r, 100))
      return null
    }
  }
  const loops = cookies.map(async (cookie, i) => {
    let n = 0
    while (!stopping) {
      await post(cookie, { intent: 'try-again' })
      const response = await post(cookie, { intent: 'submit', promptId: 'reply', text: `Fault-test reply ${i}-${n++}: I am sorry the gift arrived late; I have sent a replacement by express today.` })
      const id = response?.status === 302 ? /submitted=([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '')?.[1] : undefined
      if (id) figures.acknowledged.push(id)
      if (response?.status === 503) await new Promise((r) => setTimeout(r, 200))
    }
  })
  return {
    figures,
    async stop() {
      stopping = true
      await Promise.all(loops)
      return figures
    },
  }
}

/** How many of `ids` are stored as replies. */
export async function storedReplies(url: string, ids: string[]) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from replies where id = any($1::uuid[])', [ids])
    return rows[0].n
  } finally {
    await client.end()
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
