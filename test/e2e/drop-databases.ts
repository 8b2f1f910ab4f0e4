// After the browser tests: drops the databases start-server.sh made beside E2E_DATABASE_URL.
import postgres from 'postgres'
import config from '../playwright.config'
import { serverDatabaseUrl } from './server-database.mjs'

export default async function dropDatabases() {
  const given = process.env.E2E_DATABASE_URL
  if (!given) return
  const admin = postgres(given, { max: 1, onnotice: () => {} })
  try {
    const servers = Array.isArray(config.webServer) ? config.webServer.length : 1
    for (let index = 1; index < servers; index++) {
      const name = new URL(serverDatabaseUrl(given, index)).pathname.slice(1)
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
  } finally {
    await admin.end()
  }
}
