import { pino } from 'pino'

// Structured JSON logs on stdout. Logs never hold what people typed: bodies, form fields and query
// strings are never logged, and database errors lose their SQL parameters (and their SQL, which can
// quote values) before they are written — see the serializer below.
export const REDACTED_PATHS = [
  'params', 'parameters', 'query', 'body', 'values', 'text',
  '*.params', '*.parameters', '*.query', '*.body', '*.values', '*.text',
  'err.cause.params', 'err.cause.query', 'err.cause.parameters',
  'req.headers.cookie', 'req.headers.authorization', '*.headers.cookie', '*.headers.authorization',
]

/** An error as a log line may show it: kind, code and our own message, never values. */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined
  const { name, code, constraint, message, stack } = error as Record<string, unknown> & { stack?: string }
  const fromDatabase = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
  const drizzleWrapper = name === 'DrizzleQueryError' || (typeof message === 'string' && message.startsWith('Failed query:'))
  // A ZodError's message lists the issues, and some issues quote the value received.
  const quotesInput = fromDatabase || drizzleWrapper || name === 'ZodError'
  return {
    type: name ?? (error as object).constructor?.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    // Database messages can quote the offending value ("invalid input syntax for type uuid: …"),
    // and drizzle's wrapper quotes the SQL and its parameters: keep neither.
    ...(quotesInput ? {} : { message, stack: typeof stack === 'string' ? stack.split('\n').slice(0, 8).join('\n') : undefined }),
    ...(depth < 4 && (error as { cause?: unknown }).cause ? { cause: errorForLog((error as { cause?: unknown }).cause, depth + 1) } : {}),
  }
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'rapport' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  serializers: { err: errorForLog, error: errorForLog },
})
