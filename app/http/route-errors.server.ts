// Turns what a loader or an action throws into the answer a person should get: the database being
// unreachable is a 503 with Retry-After, input the database or a schema refused is a 400, never a
// 500. Applied to every route of the build at once (see `withRouteErrorAnswers`), so routes added
// later are covered too.
import type { ServerBuild } from '@remix-run/node'
import { isConnectionError } from '#db/availability.server'
import type { RapportContext } from '~/server/load-context.server'

export const RETRY_AFTER_SECONDS = 5
export const OUTAGE_MESSAGE = 'Our database is not answering right now. What was already saved is safe; a form you just sent was not saved, so please send it again in a few seconds.'

// SQLSTATEs that mean "the value sent cannot be stored or compared": bad UUID or number syntax,
// NUL bytes and invalid encodings, too long, out of range, bad dates.
const BAD_INPUT_CODES = new Set(['22P02', '22021', '22001', '22003', '22007', '22008', '22023', '22P05', '2201B'])

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  for (let current = error; current && chain.length < 8; current = (current as { cause?: unknown }).cause) {
    chain.push(current)
    if (typeof current !== 'object') break
  }
  return chain
}

export type ErrorAnswer = { status: number; message: string; headers?: Record<string, string> }

/** The answer for an error thrown while handling a request, or null when it really is our fault (500). */
export function answerFor(error: unknown): ErrorAnswer | null {
  if (isConnectionError(error)) {
    return { status: 503, message: OUTAGE_MESSAGE, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }
  }
  for (const cause of causes(error)) {
    if (!cause || typeof cause !== 'object') continue
    const { name, code, message } = cause as { name?: string; code?: string; message?: string }
    if (name === 'ZodError') return { status: 400, message: 'Something in the request was not valid.' }
    if (name === 'URIError') return { status: 400, message: 'That address is not correctly encoded.' }
    if (typeof code === 'string' && BAD_INPUT_CODES.has(code)) return { status: 400, message: 'Something in the request was not valid.' }
    if (code === '23505') return { status: 409, message: 'That already exists. Reload the page and try again.' }
    // undici's request.formData() on a body that is not the form it claims to be.
    if (name === 'TypeError' && typeof message === 'string' && /form ?data|multipart|boundary/i.test(message)) {
      return { status: 400, message: 'That form could not be read.' }
    }
  }
  return null
}

type Handler = (args: { context: unknown; request: Request }) => unknown

function guard(handler: Handler): Handler {
  return async (args) => {
    try {
      return await handler(args)
    } catch (error) {
      if (error instanceof Response) throw error
      const answer = answerFor(error)
      if (!answer) throw error
      if (answer.status === 503) (args.context as Partial<RapportContext>).database?.availability.reportFailure(error)
      throw new Response(answer.message, { status: answer.status, headers: answer.headers })
    }
  }
}

/** A copy of the build whose loaders and actions answer 400/409/503 instead of throwing those errors. */
export function withRouteErrorAnswers(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    const module = { ...route.module } as Record<string, unknown>
    if (typeof module.loader === 'function') module.loader = guard(module.loader as Handler)
    if (typeof module.action === 'function') module.action = guard(module.action as Handler)
    routes[id] = { ...route, module: module as unknown as typeof route.module }
  }
  return { ...build, routes }
}
