// Prints the database URL browser-test server E2E_SERVER_INDEX uses: E2E_DATABASE_URL itself for the
// first, and for each other a database of its own beside it (`<name>_s2`…), dropped and made new.
import postgres from 'postgres'

export function serverDatabaseUrl(given, index) {
  if (index === 0) return given
  const url = new URL(given)
  url.pathname = `${url.pathname.slice(1)}_s${index + 1}`
  return url.toString()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const given = process.env.E2E_DATABASE_URL
  const index = Number(process.env.E2E_SERVER_INDEX ?? 0)
  const url = serverDatabaseUrl(given, index)
  if (index > 0) {
    const name = new URL(url).pathname.slice(1)
    const admin = postgres(given, { max: 1, onnotice: () => {} })
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.unsafe(`CREATE DATABASE "${name}"`)
    await admin.end()
  }
  process.stdout.write(url)
}
