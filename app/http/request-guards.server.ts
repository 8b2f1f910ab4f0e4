// Checks every request before it reaches a route, so that malformed input gets a clear 4xx from
// one place and pages added later are covered without doing anything.
import type { NextFunction, Request, Response } from 'express'
import { sendProblemPage } from './problem-page.server'

/** The largest body any form may send: an import's 1 MB file plus the fields that travel with it. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** 400 for undecodable paths and NUL bytes in the URL, 404 for NUL bytes in a path segment. */
export function rejectMalformedUrls(req: Request, res: Response, next: NextFunction) {
  let pathname: string
  try {
    pathname = decodeURIComponent(req.path)
  } catch {
    return sendProblemPage(req, res, 400, 'That address is not correctly encoded.')
  }
  // A NUL byte can never name anything we have; databases refuse to store or compare it.
  if (pathname.includes('\0')) return sendProblemPage(req, res, 404, 'We could not find that page.')
  const query = req.originalUrl.indexOf('?')
  if (query !== -1) {
    const search = req.originalUrl.slice(query + 1)
    let decoded: string[]
    try {
      decoded = [...new URLSearchParams(search).entries()].flat()
      for (const part of search.split(/[&=]/)) decodeURIComponent(part.replaceAll('+', ' '))
    } catch {
      return sendProblemPage(req, res, 400, 'That address is not correctly encoded.')
    }
    if (decoded.some((value) => value.includes('\0'))) {
      return sendProblemPage(req, res, 400, 'That address holds a character we cannot read.')
    }
  }
  next()
}

/** 413 for bodies over MAX_BODY_BYTES, 411 for bodies of unknown length, 415 for anything but a form. */
export function rejectUnreadableBodies(req: Request, res: Response, next: NextFunction) {
  if (BODYLESS.has(req.method)) return next()
  const length = req.get('content-length')
  const chunked = req.get('transfer-encoding') !== undefined
  if (length === undefined && chunked) return sendProblemPage(req, res, 411, 'Send the form with its length.')
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    // Read and drop the body before answering, so the sender sees the 413 rather than a broken
    // pipe; past 16 times the limit, just hang up.
    let seen = 0
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > 16 * MAX_BODY_BYTES) req.destroy()
    })
    req.once('end', () => {
      res.set('Connection', 'close')
      sendProblemPage(req, res, 413, 'That was more than we accept in one form (4 MB). Send less at a time.')
    })
    req.resume()
    return
  }
  if (Number(length ?? 0) === 0) return next()
  const type = (req.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  if (!FORM_TYPES.includes(type)) {
    return sendProblemPage(req, res, 415, 'Our pages accept forms only (URL-encoded or multipart).')
  }
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(req.get('content-type') ?? '')) {
    return sendProblemPage(req, res, 400, 'That form could not be read (its multipart boundary is missing).')
  }
  next()
}
