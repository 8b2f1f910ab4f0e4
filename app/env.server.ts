import { z } from 'zod'

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  // auto: the cookie is Secure whenever the request came over HTTPS (directly or via a proxy).
  SESSION_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanString.default('true'),
  // Absolute links in e-mail; defaults to http://localhost:PORT.
  APP_URL: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), 'must start with http:// or https://')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  // smtp://user:pass@host:port or smtps://…; unset keeps e-mail in the outbox (/admin/outbox).
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Rapport <no-reply@rapport.localhost>'),
  // Prometheus metrics: a listener on 127.0.0.1 only, and/or /metrics on the public port for a bearer token.
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  // How long a page kept by the page cache may be served while the database has not changed
  // (milliseconds; 0 turns it off). Bounds how old a clock-derived label ("due in 2 days") can be.
  PAGE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // Enables /__test/* routes used by the browser tests to create sessions quickly. Never in real use.
  RAPPORT_TEST_HOOKS: booleanString.default('false'),
})

export type Env = z.infer<typeof envSchema> & { APP_URL: string }

export class EnvError extends Error {}

/** Validates the environment once; a bad value gives one clear line naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}=${JSON.stringify(source[String(issue.path[0])])}: ${issue.message}`,
    )
    throw new EnvError(`Invalid environment: ${problems.join('; ')}`)
  }
  return { ...result.data, APP_URL: result.data.APP_URL ?? `http://localhost:${result.data.PORT}` }
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}
