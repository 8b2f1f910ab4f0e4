import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '~/http/nonce'
import { createPaddingTrimmer } from '~/http/react-stream-padding.server'
import { RETRY_AFTER_SECONDS } from '~/http/route-errors.server'
import { logger } from '~/observability/logger.server'

// The server loads content/ into this build's own modules (see app/server/start.ts).
export { prepareContent, writeContentCatalogue } from '~/content/load-catalogue.server'

const ABORT_DELAY = 5_000

// A data request answered 503 (the database is unreachable) says when to try again.
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (response.status === 503) response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return response
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  logger.error({ err: error, method: request.method }, 'error while handling a request')
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  const nonce = loadContext.cspNonce ?? ''
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          // Not a plain PassThrough: React 18 can pad a chunk with NUL bytes (see the module).
          const body = createPaddingTrimmer()
          // The security headers (CSP with this nonce, frame-ancestors…) come from helmet in our server.
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          if (responseStatusCode === 503) responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
