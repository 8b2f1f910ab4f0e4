// Our own HTTP server around Remix: static assets, sessions, Origin checks, metrics and logs.
import fs from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Database } from '#db/client.server'
import {
  blankSessionCookie,
  createSession,
  generateSessionToken,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
} from '~/auth/session.server'
import type { Env } from '~/env.server'
import { jobTestHooks } from '~/jobs/test-hooks.server'
import { sendProblemPage, setProblemPageStylesheet } from '~/http/problem-page.server'
import { rejectMalformedUrls, rejectUnreadableBodies } from '~/http/request-guards.server'
import { answerFor, OUTAGE_MESSAGE, RETRY_AFTER_SECONDS, withRouteErrorAnswers } from '~/http/route-errors.server'
import { securityHeaders } from '~/http/security-headers.server'
import { logger } from '~/observability/logger.server'
import { metricsOnPublicPort } from '~/observability/metrics-endpoint.server'
import { httpDuration, httpRequests } from '~/observability/metrics.server'
import type { RapportContext } from './load-context.server'
import { pageCache } from './page-cache.server'
import { countRequestQueries, requestQueries } from './request-queries.server'
import { createRouteLookup, type RouteLookup } from './route-lookup.server'

export interface HttpOptions {
  env: Env
  database: Database
  /** Returns the current server build (re-imported after each rebuild in development). */
  getBuild: () => Promise<ServerBuild> | ServerBuild
  publicDir: string
  /** Where the browser assets of the build are (served under /build). */
  assetsDir: string
}

type Locals = { auth: RapportContext['auth']; secureCookies: boolean; cspNonce: string; routeId?: string }

export function createHttpApp({ env, database, getBuild, publicDir, assetsDir }: HttpOptions) {
  const app = express()
  app.disable('x-powered-by')
  void Promise.resolve(getBuild()).then((build) => setProblemPageStylesheet(stylesheetOf(build)))
  app.set('trust proxy', 'loopback')
  // First, so that every response carries them: pages, data, CSV, assets, redirects and errors.
  app.use(securityHeaders({ development: env.NODE_ENV === 'development' }))
  app.get('/metrics', metricsOnPublicPort(database, env.METRICS_TOKEN))
  // Every answer is compressed afresh (a kept page gets its own nonce), so the level is chosen for
  // CPU: level 1 took 0.15 ms of CPU for the 36 kB /reviews page where the default (6) took 0.44 ms,
  // for 8 % more bytes (8.8 kB instead of 8.1 kB).
  app.use(compression({ level: 1 }))

  app.use('/build', express.static(assetsDir, { immutable: true, maxAge: '1y' }))
  app.use(publicFiles(publicDir, env.NODE_ENV === 'development'))

  const routeFor = createRouteLookup(getBuild)
  app.use(countRequestQueries)
  app.use(recordRequestMetrics(routeFor))
  app.use(rejectMalformedUrls)
  app.use(rejectForeignOrigins)
  // Browser-test shortcuts post JSON, which no page of ours may: mounted before the body check.
  if (env.RAPPORT_TEST_HOOKS) app.use('/__test', testHooks(database))
  app.use(rejectUnreadableBodies)

  // While the database is known to be unreachable, answer at once instead of waiting on it;
  // /healthz still runs, to say which part is down.
  app.use((req, res, next) => {
    if (!database.availability.isDown() || req.path === '/healthz') return next()
    sendProblemPage(req, res, 503, OUTAGE_MESSAGE, { 'Retry-After': String(RETRY_AFTER_SECONDS) })
  })
  // Before the session lookup: a kept page was rendered for these very cookies at this very snapshot.
  // Off in development, where content files change under a running server.
  app.use(pageCache({ database, routeFor, lifetimeMs: env.NODE_ENV === 'development' ? 0 : env.PAGE_CACHE_MS }))

  app.use(async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    res.locals.secureCookies = env.SESSION_SECURE === 'true' || (env.SESSION_SECURE === 'auto' && req.secure)
    res.locals.auth = null
    const token = readSessionToken(req.headers.cookie)
    if (!token) return next()
    try {
      const result = await validateSessionToken(database.db, token, new Date(), { userAgent: req.get('user-agent') })
      if (result.session) {
        // A GET runs no action, so the count read with the session is still true when the page renders.
        const unreadNotifications = req.method === 'GET' ? result.unreadNotifications : null
        res.locals.auth = { user: result.user, sessionId: result.session.id, unreadNotifications }
        if (result.renewed) {
          res.append('Set-Cookie', sessionCookie(token, result.session.expiresAt, { secure: res.locals.secureCookies }))
        }
      } else {
        res.append('Set-Cookie', blankSessionCookie({ secure: res.locals.secureCookies }))
      }
      next()
    } catch (error) {
      next(error)
    }
  })

  const getLoadContext = (req: Request, res: Response): RapportContext => {
    const locals = res.locals as Locals
    return {
      db: database.db,
      database,
      env,
      auth: locals.auth,
      secureCookies: locals.secureCookies,
      clientIp: req.ip ?? 'unknown',
      cspNonce: locals.cspNonce,
    }
  }
  // One Remix handler per build: making one derives the route tables, which is no work for every request.
  let current: { from: ServerBuild; handler: ReturnType<typeof createRequestHandler> } | undefined
  app.all('*', async (req, res: Response<unknown, Locals>, next) => {
    try {
      const build = await getBuild()
      if (current?.from !== build) {
        current = {
          from: build,
          handler: createRequestHandler({ build: withRouteErrorAnswers(build), mode: env.NODE_ENV, getLoadContext }),
        }
        setProblemPageStylesheet(stylesheetOf(build))
      }
      await current.handler(req, res, next)
    } catch (error) {
      next(error)
    }
  })

  // Last resort: never show a stack trace to a person.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const answer = answerFor(error)
    if (answer?.status === 503) database.availability.reportFailure(error)
    if (answer) return sendProblemPage(req, res, answer.status, answer.message, answer.headers)
    logger.error({ err: error, method: req.method }, 'unhandled error')
    sendProblemPage(req, res, 500, 'Please try again in a moment. The problem has been logged.')
  })

  return app
}

/**
 * public/ as static files. Outside development its files are fixed: list them once, so that a page
 * request does not first ask the disk whether it names a file.
 */
function publicFiles(publicDir: string, development: boolean) {
  const serve = express.static(publicDir, { maxAge: '1h' })
  if (development || !fs.existsSync(publicDir)) return serve
  const files = new Set(
    fs.readdirSync(publicDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => '/' + path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  )
  return (req: Request, res: Response, next: NextFunction) => {
    if (files.has(req.path) || files.has(decodedPath(req.path))) return serve(req, res, next)
    next()
  }
}

function decodedPath(pathname: string) {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/** The stylesheet the root route links, for pages answered outside Remix. */
function stylesheetOf(build: ServerBuild) {
  const links = (build.routes.root?.module as { links?: () => { rel?: string; href?: string }[] } | undefined)?.links?.() ?? []
  return links.find((link) => link.rel === 'stylesheet')?.href
}

/**
 * Mutations must come from our own pages. Browsers always send Origin on cross-site POSTs, so
 * a foreign or "null" Origin is refused; requests without one (curl, server-to-server) carry no
 * victim's cookies by accident and are let through.
 */
function rejectForeignOrigins(req: Request, res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  const origin = req.get('origin')
  if (origin === undefined) return next()
  const expected = `${req.protocol}://${req.get('host')}`
  if (origin !== expected) {
    logger.warn({ origin, expected }, 'rejected cross-origin mutation')
    return sendProblemPage(req, res, 403, 'This request came from another site and was refused.')
  }
  next()
}

function recordRequestMetrics(routeFor: RouteLookup) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      void routeFor(req.path).then(({ id }) => {
        let route = id
        if (req.path.startsWith('/build/') || req.path === '/favicon.ico') route = 'static'
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        httpRequests.inc({ method: req.method, route, status: String(res.statusCode) })
        httpDuration.observe({ method: req.method, route }, seconds)
        if (route !== 'static') {
          const queries = requestQueries(res)
          logger.info({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000), queries }, 'request')
        }
      })
    })
    next()
  }
}

/** Browser-test shortcut: create a session for a seeded e-mail without typing a password. */
function testHooks(database: Database) {
  const router = express.Router()
  router.use(jobTestHooks())
  router.post('/session', express.json(), async (req, res, next) => {
    try {
      const { users } = await import('#db/schema')
      const { eq } = await import('drizzle-orm')
      const email = String(req.body?.email ?? '').toLowerCase()
      const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email))
      if (!user) return res.status(404).json({ error: `no user ${email}` })
      const token = generateSessionToken()
      const session = await createSession(database.db, token, user.id)
      res.json({ token, expiresAt: session.expiresAt.toISOString() })
    } catch (error) {
      next(error)
    }
  })
  return router
}
