// RAPPORT_BUILD_DIR builds somewhere else than build/ + public/build/ (the browser tests use it so
// that several test servers never read a build another one is writing).
const out = process.env.RAPPORT_BUILD_DIR
// Routes named bench.* exist only in the HTTP benchmark's build (RAPPORT_BENCH_ROUTES=1), never in production.
const benchRoutes = Boolean(process.env.RAPPORT_BENCH_ROUTES)

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ...(out ? { serverBuildPath: `${out}/index.js`, assetsBuildDirectory: `${out}/assets` } : {}),
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', ...(benchRoutes ? [] : ['**/bench.*'])],
  serverModuleFormat: 'esm',
  // Stateless libraries of many small ES modules, bundled into the server build: the server then
  // resolves and compiles one file instead of hundreds at start. Libraries whose state is shared
  // with the server bundle (drizzle-orm, prom-client, react) stay imports of node_modules.
  serverDependenciesToBundle: [/^@visx\//, /^d3-/, 'internmap', /^libphonenumber-js/, 'ical-generator', 'ua-parser-js'],
  serverPlatform: 'node',
  watchPaths: ['content/**/*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with it, every page render matches the route tree once per path segment to inline a
    // partial manifest; without it the whole (small) manifest is one immutable, cached file.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
}
