// /metrics is not public: it is served on a separate listener bound to 127.0.0.1 (METRICS_PORT)
// and, on the public port, only to a scraper presenting METRICS_TOKEN as a bearer token.
import crypto from 'node:crypto'
import http from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import type { Database } from '#db/client.server'
import { openRepliesAcrossOrganizations } from '~/reviews/allocation.server'
import { logger } from './logger.server'
import { metricsRegistry, reviewQueueDepth } from './metrics.server'

// The review queue depth is a count over every organization: refresh it in the background at
// most once a minute, so a scrape never runs it (or waits for it).
const QUEUE_DEPTH_MAX_AGE_MS = 60_000

function queueDepthRefresher(database: Database) {
  let refreshedAt = 0
  let running = false
  const refresh = () => {
    if (running || Date.now() - refreshedAt < QUEUE_DEPTH_MAX_AGE_MS || database.availability.isDown()) return
    running = true
    openRepliesAcrossOrganizations(database.db)
      .then((depth) => {
        reviewQueueDepth.set(depth)
        refreshedAt = Date.now()
      })
      .catch((error) => logger.warn({ errorCode: (error as { code?: string }).code }, 'review queue depth not refreshed'))
      .finally(() => {
        running = false
      })
  }
  refresh()
  return refresh
}

async function sendMetrics(res: http.ServerResponse) {
  const body = await metricsRegistry.metrics()
  res.writeHead(200, { 'Content-Type': metricsRegistry.contentType, 'Cache-Control': 'no-store' })
  res.end(body)
}

const sameToken = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/** `/metrics` on the public port: 200 with the right bearer token, 401 without, 404 when no token is configured. */
export function metricsOnPublicPort(database: Database, token: string | undefined) {
  const refresh = queueDepthRefresher(database)
  return (req: Request, res: Response, next: NextFunction) => {
    if (!token) return next()
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]
    if (!given || !sameToken(given, token)) {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"').status(401).type('text/plain').send('Metrics need a bearer token.\n')
      return
    }
    refresh()
    sendMetrics(res).catch(next)
  }
}

/** A listener for Prometheus on 127.0.0.1 only; it serves /metrics and nothing else. */
export function startMetricsListener(database: Database, port: number) {
  const refresh = queueDepthRefresher(database)
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Only /metrics here.\n')
      return
    }
    refresh()
    sendMetrics(res).catch(() => res.writeHead(500).end())
  })
  return new Promise<http.Server>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
