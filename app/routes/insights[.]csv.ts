import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { csvResponse, organizationCsv } from '~/insights/csv.server'

const querySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined) })

/** `/insights.csv?month=YYYY-MM`: every team the viewer may see, one row per team and month. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const { month } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { csv, month: shown } = await organizationCsv(context.db, user, { month })
  return csvResponse(csv, `cci-${shown.slice(0, 7)}.csv`)
}
