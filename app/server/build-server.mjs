// `npm run build` (after `remix build`): bundles the production server, app/server/start.ts and
// everything of ours it imports, into plain JavaScript (server.js, and server-chunks/ for what it
// loads only later: the job queue, the demo seed), so `npm start` needs no TypeScript loader;
// then compiles content/ into content.json beside the build, so the server starts without esbuild.
// Packages stay imports of node_modules (PGlite finds its wasm, argon2 its native addon).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const outDir = path.resolve(process.env.RAPPORT_BUILD_DIR ?? 'build')

const result = await build({
  metafile: true,
  entryPoints: { server: 'app/server/start.ts' },
  outdir: outDir,
  // What start.ts imports dynamically (the job queue, the demo seed) becomes chunks of its own, so
  // the packages only they use load after the database and the build are on their way.
  splitting: true,
  // Hashed names: a rebuild under a running server never replaces a chunk it has yet to load.
  chunkNames: 'server-chunks/[name]-[hash]',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})

pruneOldChunks(Object.keys(result.metafile.outputs))

// The Remix build exports the content loader (entry.server), so content is validated by the same code
// that serves it. A broken lesson fails the build here, naming its file.
const remixBuild = await import(pathToFileURL(path.join(outDir, 'index.js')).href)
const stored = await remixBuild.entry.module.writeContentCatalogue(path.join(outDir, 'content.json'))
console.log(`content: ${stored.lessons} lessons compiled into content.json (${Math.round(stored.bytes / 1024)} kB)`)
process.exit(0)

/**
 * Keeps this build's chunks and the previous build's (a server started from it may still load one
 * later), and removes older ones, so rebuilds do not pile chunks up.
 */
function pruneOldChunks(outputs) {
  const chunkDir = path.join(outDir, 'server-chunks')
  const ledger = path.join(chunkDir, '.builds.json')
  const current = outputs.map((file) => path.basename(file)).filter((name) => name.endsWith('.js') || name.endsWith('.js.map'))
  const previous = existsSync(ledger) ? JSON.parse(readFileSync(ledger, 'utf8')).current ?? [] : []
  const keep = new Set([...current, ...previous, '.builds.json'])
  for (const name of readdirSync(chunkDir)) if (!keep.has(name)) rmSync(path.join(chunkDir, name))
  writeFileSync(ledger, JSON.stringify({ current }))
}
