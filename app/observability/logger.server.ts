import { pino } from 'pino'

// Structured JSON logs on stdout. Bodies and form fields are never logged: an import may hold
// personal data that must not reach a log.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'rapport' },
  timestamp: pino.stdTimeFunctions.isoTime,
})
