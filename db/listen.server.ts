// LISTEN on PostgreSQL through one dedicated connection per process (a pooled connection cannot
// hold a LISTEN), reconnecting with back-off when the server goes away. After a reconnect every
// handler is called with null: notifications may have been missed, so listeners reload what they show.
import type pg from 'pg'
import type { Database } from './client.server'

export type NotificationHandler = (payload: string | null) => void

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]*$/

export function listenOnPostgres(url: string) {
  const handlers = new Map<string, Set<NotificationHandler>>()
  let client: pg.Client | null = null
  let connecting: Promise<pg.Client> | null = null
  let closed = false
  let retryDelay = 250
  let retryTimer: NodeJS.Timeout | null = null

  async function connect(): Promise<pg.Client> {
    // Loaded on first use: only PostgreSQL listens, and a PGlite start need not load node-postgres.
    const { default: pgModule } = await import('pg')
    const next = new pgModule.Client({ connectionString: url })
    next.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '')
    })
    const lost = () => {
      if (client !== next) return
      client = null
      next.removeAllListeners('error')
      next.on('error', () => {})
      void next.end().catch(() => {})
      scheduleReconnect()
    }
    next.on('error', lost)
    next.on('end', lost)
    await next.connect()
    for (const channel of handlers.keys()) await next.query(`LISTEN ${channel}`)
    client = next
    retryDelay = 250
    return next
  }

  function ensureConnected() {
    if (client) return Promise.resolve(client)
    connecting ??= connect().finally(() => {
      connecting = null
    })
    return connecting
  }

  function scheduleReconnect() {
    if (closed || retryTimer || handlers.size === 0) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      ensureConnected().then(
        () => {
          for (const set of handlers.values()) for (const handler of set) handler(null)
        },
        () => {
          retryDelay = Math.min(retryDelay * 2, 5000)
          scheduleReconnect()
        },
      )
    }, retryDelay)
    retryTimer.unref()
  }

  async function listen(channel: string, handler: NotificationHandler) {
    if (!CHANNEL_PATTERN.test(channel)) throw new Error(`Invalid channel name: ${channel}`)
    const isNew = !handlers.has(channel)
    const set = handlers.get(channel) ?? new Set()
    set.add(handler)
    handlers.set(channel, set)
    const connection = await ensureConnected()
    if (isNew && connection === client) await connection.query(`LISTEN ${channel}`)
    return async () => {
      set.delete(handler)
      if (set.size > 0) return
      handlers.delete(channel)
      await client?.query(`UNLISTEN ${channel}`).catch(() => {})
    }
  }

  async function close() {
    closed = true
    if (retryTimer) clearTimeout(retryTimer)
    const current = client
    client = null
    await current?.end().catch(() => {})
  }

  return { listen, close }
}

const postgresListeners = new WeakMap<Database, ReturnType<typeof listenOnPostgres>>()

/**
 * LISTEN on a channel of this database, whatever the driver: PGlite delivers NOTIFY to its own
 * listeners in-process; on PostgreSQL a dedicated connection per database listens for all channels.
 * NOTIFY with `SELECT pg_notify(channel, payload)`, inside the transaction that made the change.
 */
export async function listen(database: Database, channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
  if (database.connection.kind === 'pglite') return database.connection.client.listen(channel, (payload) => handler(payload))
  let listener = postgresListeners.get(database)
  if (!listener) {
    listener = listenOnPostgres(database.connection.url)
    postgresListeners.set(database, listener)
  }
  return listener.listen(channel, handler)
}

/** Closes the LISTEN connection of a PostgreSQL database (before closing the database itself). */
export async function closeListener(database: Database) {
  await postgresListeners.get(database)?.close()
  postgresListeners.delete(database)
}
