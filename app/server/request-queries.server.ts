// Database round trips per request, announced in the Server-Timing header (`db;desc="3 queries"`)
// so a browser's network panel and the HTTP benchmark can both read how many a page needed.
import type { NextFunction, Request, Response } from 'express'
import { countQueries, type QueryTally } from '#db/query-count.server'

export function countRequestQueries(_req: Request, res: Response, next: NextFunction) {
  const tally: QueryTally = { queries: 0 }
  res.locals.queryTally = tally
  // Headers leave when Remix starts the response, after every loader (and query) of the request.
  const writeHead = res.writeHead
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    if (!this.headersSent) this.appendHeader('Server-Timing', `db;desc="${tally.queries} queries"`)
    return writeHead.apply(this, args)
  } as typeof writeHead
  countQueries(tally, next)
}

/** Queries the current request has made so far (for its log line). */
export function requestQueries(res: Response): number | undefined {
  return (res.locals.queryTally as QueryTally | undefined)?.queries
}
