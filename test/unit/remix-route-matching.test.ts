import { createRequire } from 'node:module'
import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router'
import { describe, expect, it } from 'vitest'
import { rememberingMatchRoutes, rememberRemixRouteMatches } from '~/server/remix-route-matching.server'

const routes: AgnosticRouteObject[] = [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'routes/_index', index: true },
      { id: 'routes/reviews._index', path: 'reviews', index: true },
      { id: 'routes/replies.$replyId', path: 'replies/:replyId' },
      { id: 'routes/$', path: '*' },
    ],
  },
]

const idsOf = (matches: ReturnType<typeof matchRoutes>) => matches?.map((match) => [match.route.id, match.params, match.pathname])

describe('remembered route matching', () => {
  it('answers as matchRoutes does, for every path and basename, asked once or again', () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never)
    const paths = ['/', '/reviews', '/replies/abc', '/replies/d%C3%A9j%C3%A0', '/nowhere/at/all', '/app/reviews']
    for (let round = 0; round < 2; round++) {
      for (const path of paths) {
        expect(idsOf(remembering(routes, path))).toEqual(idsOf(matchRoutes(routes, path)))
        expect(idsOf(remembering(routes, path, '/app'))).toEqual(idsOf(matchRoutes(routes, path, '/app')))
      }
    }
    expect(remembering(routes, '/elsewhere', '/app')).toBeNull()
  })

  it('gives every caller its own matches and params', () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never)
    const first = remembering(routes, '/replies/one')!
    ;(first[1].params as Record<string, string>).replyId = 'changed'
    first.pop()
    const again = remembering(routes, '/replies/one')!
    expect(again).toHaveLength(2)
    expect(again[1].params.replyId).toBe('one')
  })

  it('a new route tree (a new build) is matched afresh', () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never)
    expect(remembering(routes, '/reviews')?.at(-1)?.route.id).toBe('routes/reviews._index')
    const rebuilt: AgnosticRouteObject[] = [{ id: 'root', path: '', children: [{ id: 'routes/reviews.new', path: 'reviews' }] }]
    expect(remembering(rebuilt, '/reviews')?.at(-1)?.route.id).toBe('routes/reviews.new')
  })

  it('is what the Remix server runtime matches with, once installed', () => {
    rememberRemixRouteMatches()
    rememberRemixRouteMatches()
    const require = createRequire(packageJsonPath())
    const { matchServerRoutes } = require('@remix-run/server-runtime/dist/routeMatching.js') as {
      matchServerRoutes: (routes: AgnosticRouteObject[], pathname: string) => { route: { id: string }; params: Record<string, string> }[] | null
    }
    const router = require(require.resolve('@remix-run/router', { paths: [require.resolve('@remix-run/server-runtime')] })) as Record<string | symbol, unknown>
    expect((router.matchRoutes as Record<symbol, unknown>)[Symbol.for('rapport.rememberedRouteMatching')]).toBe(true)
    const matched = matchServerRoutes(routes, '/replies/xyz')
    expect(matched?.map((match) => match.route.id)).toEqual(['root', 'routes/replies.$replyId'])
    expect(matched?.[1].params).toEqual({ replyId: 'xyz' })
  })
})

function packageJsonPath() {
  return new URL('../../package.json', import.meta.url).pathname
}
