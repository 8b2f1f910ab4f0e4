import type { LoaderFunctionArgs } from '@remix-run/node'

export async function loader({ context }: LoaderFunctionArgs) {
  const started = performance.now()
  try {
    await context.database.query('select 1')
    return Response.json(
      { status: 'ok', database: { status: 'up', driver: context.database.driver, ms: Math.round(performance.now() - started) } },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch {
    return Response.json({ status: 'error', database: { status: 'down', driver: context.database.driver } }, { status: 503 })
  }
}
