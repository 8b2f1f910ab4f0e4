import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { invariantResponse } from '~/http/responses.server'
import { csvResponse, teamCsv } from '~/insights/csv.server'

const querySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined) })

/** `/insights/teams/:slug.csv?month=YYYY-MM`: one team's months, as much as the viewer may see. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  invariantResponse(params.slug, 'A team is needed.', { status: 404 })
  const { month } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { csv, month: shown, slug } = await teamCsv(context.db, user, params.slug, { month })
  return csvResponse(csv, `cci-${slug}-${shown.slice(0, 7)}.csv`)
}
