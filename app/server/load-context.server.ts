import type { Database, Db } from '#db/client.server'
import type { SessionUser } from '~/auth/session.server'
import type { Env } from '~/env.server'

export type RapportContext = {
  db: Db
  database: Database
  env: Env
  /** unreadNotifications: counted with the session lookup; null when an action may change it first. */
  auth: { user: SessionUser; sessionId: string; unreadNotifications: number | null } | null
  /** Whether cookies set for this request should carry Secure. */
  secureCookies: boolean
  clientIp: string
  /** The Content-Security-Policy nonce of this response, for Remix's inline scripts. */
  cspNonce: string
}


declare module '@remix-run/server-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RapportContext {}
}

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}
