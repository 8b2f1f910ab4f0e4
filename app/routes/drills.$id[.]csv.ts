import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { drillCsv } from '~/drills/drill-csv.server'
import { csvResponse } from '~/insights/csv.server'

const querySchema = z.object({
  team: z.string().uuid().optional().catch(undefined),
  cycle: z.coerce.number().int().positive().optional().catch(undefined),
})

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const url = new URL(request.url)
  const query = querySchema.parse({ team: url.searchParams.get('team') || undefined, cycle: url.searchParams.get('cycle') || undefined })
  const { csv, filename } = await drillCsv(context.db, actor, params.id ?? '', { teamId: query.team, sequence: query.cycle })
  return csvResponse(csv, filename)
}
