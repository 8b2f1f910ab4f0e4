import type { HeadersFunction } from '@remix-run/node'

// A loader times its named steps and sends them as a Server-Timing header, so the browser's
// network panel shows where a slow page spends its time (STYLE.md item 6, after kentcdodds.com).

export interface TimingEntry {
  name: string
  /** milliseconds */
  duration: number
  description?: string
}

export interface ServerTiming {
  /** Runs `work`, records how long it took under `name` (also when it throws) and returns its result. */
  time<T>(name: string, work: () => Promise<T> | T, description?: string): Promise<T>
  /** The steps so far, in the order they finished. */
  entries(): TimingEntry[]
  /** The Server-Timing header value: every step, then `total` since the timer was created. */
  header(): string
  /** `{ 'Server-Timing': header() }`, for `data(value, { headers: timing.headers() })`. */
  headers(): Record<string, string>
}

export function createServerTiming(now: () => number = () => performance.now()): ServerTiming {
  const started = now()
  const done: TimingEntry[] = []
  const header = () => [...done, { name: 'total', duration: now() - started }].map(formatEntry).join(', ')
  return {
    async time(name, work, description) {
      const began = now()
      try {
        return await work()
      } finally {
        done.push({ name, duration: now() - began, description })
      }
    },
    entries: () => [...done],
    header,
    headers: () => ({ 'Server-Timing': header() }),
  }
}

/** One metric in the Server-Timing syntax: `name;dur=12.3;desc="…"`. */
export function formatEntry({ name, duration, description }: TimingEntry): string {
  // A metric name is an HTTP token; a description is a quoted string.
  const token = name.replace(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]/g, '-') || 'step'
  const dur = `dur=${Math.max(0, Math.round(duration * 10) / 10)}`
  const desc = description ? `;desc="${description.replace(/["\\]/g, '').replace(/[^\x20-\x7e]/g, '?')}"` : ''
  return `${token};${dur}${desc}`
}

/** Route `headers` export that passes the loader's Server-Timing header through to the response. */
export const serverTimingHeaders: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders)
  const timing = loaderHeaders.get('Server-Timing')
  if (timing) headers.set('Server-Timing', timing)
  return headers
}
