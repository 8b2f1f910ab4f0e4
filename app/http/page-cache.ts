// Routes opt in to the page cache (app/server/page-cache.server.ts) with `export const handle = cachedUntilNextWrite`.
// Only for pages whose answer depends on nothing but the database, the address and the visitor's
// cookies: no in-process state, no randomness, nothing that changes by the minute.

export const cachedUntilNextWrite = { pageCache: 'until-next-write' } as const

export function allowsPageCache(handle: unknown): boolean {
  return typeof handle === 'object' && handle !== null && (handle as { pageCache?: unknown }).pageCache === 'until-next-write'
}
