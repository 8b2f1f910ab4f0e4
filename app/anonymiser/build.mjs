// Bundles the anonymiser's command line and its worker to plain JavaScript with esbuild, so
// neither runs through a TypeScript loader: build/anonymiser/{cli,worker}.js under the project root.
//   node app/anonymiser/build.mjs         (run by `npm run build`)
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// The project root is the working directory (npm scripts and the server start there): this module
// is also bundled into the server build, where its own URL points into build/.
export const projectRoot = process.cwd()
const here = join(projectRoot, 'app/anonymiser')
export const defaultOutdir = join(projectRoot, 'build/anonymiser')

/** Newest modification time of the anonymiser's own sources (to rebuild a stale bundle). */
export function sourcesChangedAt() {
  let newest = 0
  for (const name of readdirSync(here)) {
    if (/\.(?:ts|json|mjs)$/.test(name)) newest = Math.max(newest, statSync(join(here, name)).mtimeMs)
  }
  return newest
}

/** True when outdir lacks a bundle or holds one older than the sources. */
export function isStale(outdir = defaultOutdir) {
  try {
    const built = Math.min(statSync(join(outdir, 'cli.js')).mtimeMs, statSync(join(outdir, 'worker.js')).mtimeMs)
    return built < sourcesChangedAt()
  } catch {
    return true
  }
}

/** Bundles an imported .json file as `JSON.parse("…")` rather than as an object literal. */
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises')
      const compact = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')))
      return { contents: `export default JSON.parse(${JSON.stringify(compact)})`, loader: 'js' }
    })
  },
}

export async function buildAnonymiser(outdir = defaultOutdir) {
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: { cli: join(here, 'cli.ts'), worker: join(here, 'worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // piscina finds its own worker script by path, so it stays a normal import
    external: ['piscina'],
    // the word lists and weights (3 MB) as one JSON string: JSON.parse reads it several times
    // faster than V8 compiles the same data written as an object literal (each worker pays this)
    plugins: [jsonAsString],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return outdir
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outdir = await buildAnonymiser()
  console.log(`anonymiser built to ${outdir}`)
}
