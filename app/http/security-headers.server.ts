// Security headers from helmet on every response (pages, `.data`, CSV, redirects, errors, assets).
// Remix's inline scripts carry a per-request nonce, so scripts need no 'unsafe-inline'.
import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'

const PERMISSIONS_POLICY = [
  'camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()',
  'magnetometer=()', 'gyroscope=()', 'accelerometer=()', 'display-capture=()', 'interest-cohort=()',
].join(', ')

export function securityHeaders({ development }: { development: boolean }) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No 'unsafe-inline': inline scripts need this response's nonce. 'unsafe-eval' stays because
        // mdx-bundler turns each lesson's compiled code into a component with `new Function` in the
        // browser; that code comes from our own reviewed content/ files, never from a person's input.
        scriptSrc: ["'self'", nonce, "'unsafe-eval'"],
        // React renders `style` attributes (charts, progress bars); scripts stay nonce-only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // 'self' covers fetches and server-sent event streams from our own origin; the dev
        // server's live reload talks over a WebSocket on another port.
        connectSrc: development ? ["'self'", 'ws:'] : ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Sent only over HTTPS (below): over plain HTTP it is meaningless and would mislead.
    strictTransportSecurity: false,
  })
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 60 * 60, includeSubDomains: true })
  // helmet's headers depend on nothing in the request but the nonce: let it write them once, with a
  // marker where the nonce goes, and on each request set them with this response's nonce.
  const plain = headersWrittenBy(headers, NONCE_MARKER)
  const secure = [...plain, ...headersWrittenBy(hsts, NONCE_MARKER)]
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
    for (const [name, value] of req.secure ? secure : plain) res.setHeader(name, value.replaceAll(NONCE_MARKER, nonce))
    res.removeHeader('X-Powered-By')
    next()
  }
}

// Not base64, so it can never be part of a real nonce.
const NONCE_MARKER = '<nonce>'

type Middleware = (req: Request, res: Response, next: (error?: unknown) => void) => void

/** The headers a helmet middleware sets (helmet is synchronous and reads only res.locals.cspNonce). */
function headersWrittenBy(middleware: Middleware, nonce: string): [string, string][] {
  const written = new Map<string, string>()
  const res = {
    locals: { cspNonce: nonce },
    setHeader: (name: string, value: string | number | readonly string[]) => written.set(name, String(value)),
    removeHeader: (name: string) => written.delete(name),
  }
  let failure: unknown
  middleware({} as Request, res as unknown as Response, (error) => (failure = error))
  if (failure) throw failure
  return [...written]
}
