// Remix's request handler asks @remix-run/router which routes match each request's path
// (`matchServerRoutes` → `matchRoutes`), and matchRoutes flattens and ranks the whole route tree
// again on every call, then compiles a regular expression per route it tries: in a profile of
// review submissions over HTTP that was 5 % of the server's CPU. The answer depends on nothing but
// the route tree (fixed per build), the path and the basename, so it is remembered per tree and
// path (bounded, as in route-lookup.server.ts, so that a scan of made-up addresses cannot grow it
// without end), and every caller gets its own copy of the matches and their params.
//
// The server runtime is CommonJS and calls `router.matchRoutes` through the module's exports on
// each request, so replacing that export is enough; the static handler's own internal call (one
// more per request) is not reachable from here.
import { createRequire } from 'node:module'
import type { AgnosticRouteMatch, AgnosticRouteObject } from '@remix-run/router'

const KNOWN_PATHS_MAX = 5_000
const PATCHED = Symbol.for('rapport.rememberedRouteMatching')

type MatchRoutes = (routes: AgnosticRouteObject[], location: unknown, basename?: string) => AgnosticRouteMatch[] | null
type RouterExports = { matchRoutes: MatchRoutes & { [PATCHED]?: true } }

/** The @remix-run/router the server runtime itself loads (CommonJS), whatever copy that is. */
function runtimeRouter(): RouterExports {
  const require = createRequire(import.meta.url)
  return createRequire(require.resolve('@remix-run/server-runtime'))('@remix-run/router') as RouterExports
}

/** A matchRoutes that remembers its answers per route tree and path; same answers as `matchRoutes`. */
export function rememberingMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  const byTree = new WeakMap<AgnosticRouteObject[], Map<string, AgnosticRouteMatch[] | null>>()
  return (routes, location, basename) => {
    // Only the plain form the server runtime uses (a path string); anything else as before.
    if (typeof location !== 'string' || !Array.isArray(routes)) return matchRoutes(routes, location, basename)
    let known = byTree.get(routes)
    if (!known) byTree.set(routes, (known = new Map()))
    const key = `${basename ?? '/'}\n${location}`
    let matches = known.get(key)
    if (matches === undefined) {
      matches = matchRoutes(routes, location, basename)
      if (known.size >= KNOWN_PATHS_MAX) known.clear()
      known.set(key, matches)
    }
    return matches && matches.map((match) => ({ ...match, params: { ...match.params } }))
  }
}

/** Makes the server runtime's route matching remember its answers (once per process). */
export function rememberRemixRouteMatches() {
  const router = runtimeRouter()
  if (router.matchRoutes[PATCHED]) return
  const remembering = Object.assign(rememberingMatchRoutes(router.matchRoutes), { [PATCHED]: true as const })
  router.matchRoutes = remembering
}
