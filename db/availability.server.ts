// Tracks whether PostgreSQL answers. A connection error marks it down; while down, a probe asks
// `select 1` twice a second and marks it up again as soon as it answers, so service returns
// within a second of the database coming back, without a restart.
export interface DatabaseAvailability {
  isDown(): boolean
  /** Since when it has been down (undefined when up). */
  downSince(): Date | undefined
  /** Records a failed query; returns whether it was a connection problem (and so marked it down). */
  reportFailure(error: unknown): boolean
  stop(): void
}

const PROBE_INTERVAL_MS = 500

export function createAvailability(probe: (() => Promise<void>) | null): DatabaseAvailability {
  let since: Date | undefined
  let timer: NodeJS.Timeout | undefined
  let probing = false
  let stopped = false

  const schedule = () => {
    if (timer || stopped || !probe) return
    timer = setTimeout(async () => {
      timer = undefined
      if (probing) return schedule()
      probing = true
      try {
        await probe()
        since = undefined
      } catch {
        schedule()
      } finally {
        probing = false
      }
    }, PROBE_INTERVAL_MS)
    timer.unref()
  }

  return {
    isDown: () => since !== undefined,
    downSince: () => since,
    reportFailure(error) {
      if (!probe || !isConnectionError(error)) return false
      since ??= new Date()
      schedule()
      return true
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}

// SQLSTATE class 08 (connection exception), 57P01–57P03 (server shutting down or starting up),
// 53300 (too many connections), and the socket errors Node reports.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '53300',
])
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection refused',
  'the database system is',
]

/** Whether an error (or any error in its `cause` chain) says the database could not be reached. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return true
    const errors = (current as { errors?: unknown }).errors
    if (Array.isArray(errors) && errors.some(isConnectionError)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
