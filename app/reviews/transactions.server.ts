import type { Db, Tx } from '#db/client.server'

// PostgreSQL may abort one of two transactions that lock the same rows in a different order
// (deadlock, 40P01) or that cannot be serialised (40001); both are safe to run again.
const RETRYABLE = new Set(['40001', '40P01'])

function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code
    e = e.cause as typeof e
  }
  return undefined
}

/** db.transaction, run again (up to 3 tries) when PostgreSQL reports a deadlock or serialisation failure. */
export async function transactionWithRetry<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work)
    } catch (error) {
      if (attempt >= 3 || !RETRYABLE.has(codeOf(error) ?? '')) throw error
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20))
    }
  }
}
