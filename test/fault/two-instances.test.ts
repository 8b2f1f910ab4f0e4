// Two app instances on one PostgreSQL behind HAProxy: one is killed with SIGKILL under write
// load; the other keeps serving, sessions and rate limits hold across both, and every write that
// was acknowledged is stored.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_MEMBERS, buildApp, faultTestsUnavailable, freePort, signIn, startApp, startPrivatePostgres, storedReplies,
  waitFor, writeLoad, type AppInstance, type PrivatePostgres,
} from './support'

const haproxyBin = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((bin) => fs.existsSync(bin))
const unavailable = faultTestsUnavailable() ?? (haproxyBin ? null : 'haproxy is not installed (apt-get install haproxy)')

let postgres: PrivatePostgres
let instances: AppInstance[] = []
let haproxy: ChildProcess | undefined
let proxyUrl = ''
const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-haproxy-'))

beforeAll(async () => {
  if (unavailable) return
  postgres = startPrivatePostgres(Number(process.env.FAULT_PG_PORT) || (await freePort()))
  buildApp()
  const ports = process.env.FAULT_APP_PORTS?.split(',').map(Number) ?? [await freePort(), await freePort(), await freePort()]
  const [proxyPort, ...appPorts] = ports
  // Both start at once: the migration and the demo seed run once, under advisory locks.
  const starting = appPorts.map((port) => startApp(port, { DATABASE_URL: postgres.url('rapport') }))
  // Keep every instance that did start, so afterAll stops it even when another failed.
  for (const started of starting) started.then((instance) => instances.push(instance), () => {})
  await Promise.all(starting)
  instances.sort((a, b) => appPorts.indexOf(a.port) - appPorts.indexOf(b.port))
  const config = path.join(configDir, 'haproxy.cfg')
  fs.writeFileSync(
    config,
    [
      'global', '  maxconn 512',
      'defaults', '  mode http', '  timeout connect 1s', '  timeout client 30s', '  timeout server 30s',
      '  retries 2', '  option redispatch', '  option forwardfor',
      'frontend web', `  bind 127.0.0.1:${proxyPort}`, '  default_backend app',
      'backend app', '  balance roundrobin', '  option httpchk GET /healthz', '  http-check expect status 200',
      '  default-server inter 300ms fall 2 rise 2',
      ...appPorts.map((port, i) => `  server app${i} 127.0.0.1:${port} check`),
      '',
    ].join('\n'),
  )
  haproxy = spawn(haproxyBin!, ['-f', config, '-db'], { stdio: 'ignore' })
  proxyUrl = `http://127.0.0.1:${proxyPort}`
  await waitFor('HAProxy to serve', async () => ((await fetch(`${proxyUrl}/healthz`)).status === 200 ? true : undefined))
}, 150_000)

afterAll(async () => {
  haproxy?.kill('SIGTERM')
  for (const instance of instances) {
    if (instance.isRunning()) {
      instance.child.kill('SIGTERM')
      await instance.exited
    }
  }
  postgres?.destroy()
  fs.rmSync(configDir, { recursive: true, force: true })
})

const direct = (instance: AppInstance) => `http://127.0.0.1:${instance.port}`

describe.skipIf(unavailable)('two instances behind HAProxy', () => {
  it('shares sessions and rate limits across instances', async () => {
    const [a, b] = instances
    // A session made on one instance is valid on the other.
    const cookie = await signIn(direct(a), 'member@acme.test')
    for (const instance of [a, b]) {
      const page = await fetch(`${direct(instance)}/scenarios`, { headers: { cookie }, redirect: 'manual' })
      expect(page.status).toBe(200)
    }
    // Wrong passwords alternating between the instances: 5 are checked in all, then 429.
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${direct(i % 2 ? b : a)}/login`, {
        method: 'POST',
        body: new URLSearchParams({ email: 'owen@acme.test', password: 'not-his-password' }),
        redirect: 'manual',
      })
      statuses.push(response.status)
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
  })

  it('keeps serving when one instance is killed under write load, and stores every acknowledged write', async () => {
    const [a, b] = instances
    const cookies = await Promise.all(DEMO_MEMBERS.slice(0, 12).map((email) => signIn(proxyUrl, email)))
    const load = writeLoad(() => proxyUrl, cookies)
    await new Promise((r) => setTimeout(r, 2_500))
    const killedAt = Date.now()
    a.child.kill('SIGKILL')
    await a.exited
    await new Promise((r) => setTimeout(r, 4_000))
    const figures = await load.stop()
    // Once HAProxy noticed (two failed checks 300 ms apart; 1.5 s allowed), every request was served.
    const afterwards = figures.timeline.filter((t) => t.at > killedAt - figures.startedAt + 1_500)
    const failedAfterwards = afterwards.filter((t) => t.status === 0 || t.status >= 500)
    const stored = await storedReplies(postgres.url('rapport'), figures.acknowledged)
    console.log(
      `two instances, one killed: statuses ${JSON.stringify(Object.fromEntries(figures.statuses))}, no answer ${figures.networkErrors}, ` +
        `after the kill settled ${afterwards.length} requests, ${failedAfterwards.length} failed; acknowledged ${figures.acknowledged.length}, stored ${stored}`,
    )
    expect(a.isRunning()).toBe(false)
    expect(b.isRunning()).toBe(true)
    expect((await fetch(`${proxyUrl}/healthz`)).status).toBe(200)
    const page = await fetch(`${proxyUrl}/scenarios`, { headers: { cookie: cookies[0] }, redirect: 'manual' })
    expect(page.status).toBe(200)
    expect(afterwards.length).toBeGreaterThan(0)
    expect(failedAfterwards).toEqual([])
    expect(figures.acknowledged.length).toBeGreaterThan(0)
    expect(stored).toBe(figures.acknowledged.length)
  })
})
