import type { LoaderFunctionArgs } from '@remix-run/node'
import { metricsRegistry, reviewQueueDepth } from '~/observability/metrics.server'
import { openRepliesAcrossOrganizations } from '~/reviews/allocation.server'

export async function loader({ context }: LoaderFunctionArgs) {
  reviewQueueDepth.set(await openRepliesAcrossOrganizations(context.db))
  return new Response(await metricsRegistry.metrics(), {
    headers: { 'Content-Type': metricsRegistry.contentType, 'Cache-Control': 'no-store' },
  })
}
