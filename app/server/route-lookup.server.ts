// Which route of the build answers a path, without asking Remix to rank the whole tree each time.
import type { ServerBuild } from '@remix-run/node'
import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router'

const KNOWN_PATHS_MAX = 5_000

export type RouteLookup = (pathname: string) => Promise<{ id: string; module: ServerBuild['routes'][string]['module'] | undefined }>

export function createRouteLookup(getBuild: () => Promise<ServerBuild> | ServerBuild): RouteLookup {
  let routeTree: { build: ServerBuild; routes: AgnosticRouteObject[]; known: Map<string, string> } | undefined
  // matchRoutes ranks every route again on each call: remember the answer per path (bounded, so
  // that a scan of made-up addresses cannot grow it without end).
  return async (pathname) => {
    const build = await getBuild()
    if (routeTree?.build !== build) routeTree = { build, routes: toRouteTree(build), known: new Map() }
    let id = routeTree.known.get(pathname)
    if (!id) {
      const matches = matchRoutes(routeTree.routes, pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/'))
      id = matches?.[matches.length - 1]?.route.id ?? 'unmatched'
      if (routeTree.known.size >= KNOWN_PATHS_MAX) routeTree.known.clear()
      routeTree.known.set(pathname, id)
    }
    return { id, module: build.routes[id]?.module }
  }
}

function toRouteTree(build: ServerBuild): AgnosticRouteObject[] {
  const byParent = new Map<string | undefined, AgnosticRouteObject[]>()
  for (const route of Object.values(build.routes)) {
    if (!route) continue
    const list = byParent.get(route.parentId) ?? []
    list.push({ id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive } as AgnosticRouteObject)
    byParent.set(route.parentId, list)
  }
  const attach = (routes: AgnosticRouteObject[]): AgnosticRouteObject[] =>
    routes.map((route) => {
      const children = byParent.get(route.id)
      return children && !route.index ? { ...route, children: attach(children) } : route
    }) as AgnosticRouteObject[]
  return attach(byParent.get(undefined) ?? [])
}
