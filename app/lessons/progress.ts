// Client-safe twin of progress.server.ts: the arithmetic and wording the UI shares with the domain.

/** Whole percent of steps done; an empty path counts as 0%. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0
  return Math.round((done / total) * 100)
}

/** "2 of 8 steps · 25%" */
export function progressText(done: number, total: number): string {
  return `${done} of ${total} ${total === 1 ? 'step' : 'steps'} · ${percentOf(done, total)}%`
}

/** "today", "yesterday", "5 days ago" — from a whole number of days computed on the server. */
export function daysAgoText(days: number | null): string {
  if (days === null) return 'never'
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  return `${days} days ago`
}

/** A person counts as stuck after this many days without progress on an unfinished path. */
export const STUCK_AFTER_DAYS = 7
