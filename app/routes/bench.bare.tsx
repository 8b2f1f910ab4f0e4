// Only in the HTTP benchmark's build (`RAPPORT_BENCH_ROUTES=1 npm run build`, see remix.config.js):
// the cheapest page Remix serves on this stack, the yardstick every real page is compared with.
export function loader() {
  return { served: 'bare' }
}

export default function BareRoute() {
  return <p>A bare route.</p>
}
