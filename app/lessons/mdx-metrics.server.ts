import { Counter, register } from 'prom-client'

const NAME = 'mdx_compiles_total'

// Under hot reload this module is evaluated again while the default registry survives:
// reuse the registered counter instead of registering a second one (which would throw).
export const mdxCompilesTotal: Counter =
  (register.getSingleMetric(NAME) as Counter | undefined) ??
  new Counter({
    name: NAME,
    help: 'Lesson MDX compilations actually run (cache misses), including ones that failed',
  })
