import type { LoaderFunctionArgs } from '@remix-run/node'

// Says which part is down: the app answers this, so a failure names the database (and since when).
export async function loader({ context }: LoaderFunctionArgs) {
  const { database } = context
  const started = performance.now()
  const headers = { 'Cache-Control': 'no-store' }
  try {
    await database.query('select 1')
    return Response.json(
      { status: 'ok', app: { status: 'up' }, database: { status: 'up', driver: database.driver, ms: Math.round(performance.now() - started) } },
      { headers },
    )
  } catch (error) {
    database.availability.reportFailure(error)
    return Response.json(
      {
        status: 'error',
        app: { status: 'up' },
        database: { status: 'down', driver: database.driver, since: database.availability.downSince()?.toISOString() ?? null },
      },
      { status: 503, headers: { ...headers, 'Retry-After': '5' } },
    )
  }
}
