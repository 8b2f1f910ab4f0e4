import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client'

// Metrics live in prom-client's default registry so any domain module can add its own
// counters (e.g. mdx_compiles_total) and /metrics shows them all.
function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make()
}

if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics()

export const httpRequests = once(
  'http_requests_total',
  () =>
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
    }),
)

export const httpDuration = once(
  'http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
)

export const reviewQueueDepth = once(
  'review_queue_depth',
  () => new Gauge({ name: 'review_queue_depth', help: 'Submitted replies still waiting for their reviews, all organizations' }),
)

export const metricsRegistry = register
