// Checks made once at start, so that a database the server cannot open or reach ends it with one
// line naming the setting and what to do — never a stack trace, never a silent hang.
import fs from 'node:fs'
import path from 'node:path'
import type pg from 'pg'

export class DatabaseStartError extends Error {}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
const pgCode = (error: unknown) => (error as { code?: string } | null)?.code

/** Reaches the server in DATABASE_URL and creates its database when it is missing and the role may. */
export async function preparePostgresDatabase(url: string) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1)) || target.username || 'postgres'
  const where = `${target.hostname}:${target.port || 5432}`
  const attempt = async (connectionString: string) => {
    const { default: pgModule } = await import('pg')
    const client = new pgModule.Client({ connectionString, connectionTimeoutMillis: 10_000 })
    client.on('error', () => {})
    try {
      await client.connect()
      return client
    } catch (error) {
      await client.end().catch(() => {})
      throw error
    }
  }
  try {
    const client = await attempt(url)
    await client.end()
    return
  } catch (error) {
    if (pgCode(error) !== '3D000') throw new DatabaseStartError(unreachable(where, error), { cause: error })
  }
  // The database does not exist yet: create it from the maintenance database.
  const maintenance = new URL(url)
  maintenance.pathname = name === 'postgres' ? '/template1' : '/postgres'
  let client: pg.Client
  try {
    client = await attempt(maintenance.toString())
  } catch (error) {
    throw new DatabaseStartError(
      `DATABASE_URL: database "${name}" does not exist on ${where}, and we could not connect to create it (${reason(error)}). Create it with: createdb -h ${target.hostname} -p ${target.port || 5432} -U ${target.username || 'postgres'} ${name}`,
      { cause: error },
    )
  }
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
    console.log(`Created the PostgreSQL database "${name}" on ${where}.`)
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    if (pgCode(error) === '42P04' || pgCode(error) === '23505') return
    throw new DatabaseStartError(
      `DATABASE_URL: database "${name}" does not exist on ${where} and role "${decodeURIComponent(target.username || 'postgres')}" may not create it (${reason(error)}). Ask an administrator to run: createdb -h ${target.hostname} -p ${target.port || 5432} -O ${target.username || 'postgres'} ${name}`,
      { cause: error },
    )
  } finally {
    await client.end().catch(() => {})
  }
}

function unreachable(where: string, error: unknown) {
  const code = pgCode(error)
  if (code === '28P01' || code === '28000') return `DATABASE_URL: PostgreSQL on ${where} refused the login (${reason(error)}). Check the user and password in DATABASE_URL.`
  return `DATABASE_URL: cannot reach PostgreSQL on ${where} (${reason(error)}). Start PostgreSQL or correct DATABASE_URL.`
}

function reason(error: unknown) {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return [code, message].filter(Boolean).join(': ') || String(error)
}

/** Why PGlite could not use `dir` as its data folder, or null when it can. */
export function describePgliteDirProblem(dir: string): string | null {
  const setting = `PGLITE_DIR=${JSON.stringify(dir)}`
  const absolute = path.resolve(dir)
  try {
    if (fs.existsSync(absolute) && !fs.statSync(absolute).isDirectory()) {
      return `${setting} is a file, not a folder. Point PGLITE_DIR at a folder (it is created when missing).`
    }
    makeFolders(absolute)
    // Some places accept mkdir yet cannot hold files (/proc, read-only mounts): write a probe file.
    const probe = path.join(absolute, `.write-test-${process.pid}`)
    fs.writeFileSync(probe, 'ok')
    fs.rmSync(probe)
    fs.writeFileSync(path.join(path.dirname(absolute), `.write-test-${process.pid}`), 'ok')
    fs.rmSync(path.join(path.dirname(absolute), `.write-test-${process.pid}`))
    return null
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException
    return `${setting} cannot be used as the database folder (${code ?? String(error)}). Point PGLITE_DIR at a writable folder, e.g. .data/pglite.`
  }
}

// Node's `mkdirSync(dir, { recursive: true })` never returns under /proc (it retries ENOENT
// forever): create the missing levels one by one instead, so an unusable place fails at once.
function makeFolders(absolute: string) {
  const missing: string[] = []
  let current = absolute
  while (!fs.existsSync(current)) {
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const folder of missing) fs.mkdirSync(folder)
}
