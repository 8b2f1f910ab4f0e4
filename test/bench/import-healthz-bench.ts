/**
 * Does a large import hold up other people's requests? Starts the production server (its own
 * port and database), signs in as the demo manager, and posts a 200 KB conversation to the import
 * page while a second client asks for /healthz back to back. Prints the /healthz latencies before
 * and during the import, and the import's own time. Asserts nothing.
 *
 *   npx tsx test/bench/import-healthz-bench.ts          (BENCH_PORT, default 4410)
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const port = Number(process.env.BENCH_PORT ?? 4410)
const base = `http://127.0.0.1:${port}`

function transcript(chars: number): string {
  const messages = ['labelled.jsonl', 'dev-international.jsonl'].flatMap((file) =>
    readFileSync(`${root}test/fixtures/anonymiser/${file}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text.replace(/\n+/g, ' ')),
  )
  const lines: string[] = []
  let length = 0
  for (let i = 0; length < chars; i++) {
    const line = `${i % 2 === 0 ? 'Customer' : 'Agent'}: ${messages[(i * 7) % messages.length]}`
    lines.push(line)
    length += line.length + 1
  }
  return lines.join('\n').slice(0, chars)
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`${base}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('server did not start')
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'manager@acme.test', password: 'rapport-demo' }),
  })
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  if (!cookie) throw new Error(`sign-in failed (${response.status})`)
  return cookie
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]

const stalls: Array<[number, number]> = []
async function pollHealthz(until: () => boolean, since = 0): Promise<number[]> {
  const latencies: number[] = []
  while (!until()) {
    const started = performance.now()
    await fetch(`${base}/healthz`).then((r) => r.arrayBuffer())
    const ms = performance.now() - started
    latencies.push(ms)
    if (since && ms > 50) stalls.push([started - since, ms])
  }
  return latencies
}

function describe(name: string, latencies: number[]): void {
  console.log(`  ${name}: ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
}

const server = spawn('bash', ['test/e2e/start-server.sh'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  stdio: ['ignore', process.env.LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
  detached: true,
})
try {
  await waitForServer()
  const cookie = await signIn()
  const raw = transcript(200_000)
  const post = () =>
    fetch(`${base}/scenarios/import`, {
      method: 'POST',
      headers: { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ intent: 'read', format: 'text', raw }),
    })
  // a first import starts the worker pool, as any first import after a start would
  await post().then((r) => r.arrayBuffer())

  const quietUntil = performance.now() + 2000
  const quiet = await pollHealthz(() => performance.now() > quietUntil)
  let done = false
  const started = performance.now()
  const importing = post().then(async (response) => {
    await response.arrayBuffer()
    done = true
    return { status: response.status, ms: performance.now() - started }
  })
  const during = await pollHealthz(() => done, started)
  const result = await importing
  console.log(`import of ${(raw.length / 1000).toFixed(0)} KB (${raw.split(/\s+/).length} words): HTTP ${result.status} in ${result.ms.toFixed(0)} ms`)
  describe('/healthz with no import', quiet)
  describe('/healthz during the import', during)
  if (stalls.length) console.log(`  /healthz slower than 50 ms, at (ms after the import started → ms taken): ${stalls.map(([at, ms]) => `${at.toFixed(0)}→${ms.toFixed(0)}`).join(', ')}`)
  console.log(`  added delay of the slowest /healthz during the import: ${(Math.max(...during) - percentile(quiet, 50)).toFixed(1)} ms`)
} finally {
  if (server.pid) process.kill(-server.pid, 'SIGTERM')
}
