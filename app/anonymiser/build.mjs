// Bundles the anonymiser's command line and its worker to plain JavaScript with esbuild, so
// neither runs through a TypeScript loader: build/anonymiser/{cli,worker}.js under the project root.
//   node app/anonymiser/build.mjs         (run by `npm run build`)
import { readdirSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
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

/** The modules that read the data files beside the bundle, by the name of the .json file they replace. */
const DATA_MODULES = {
  // the word lists as lines of tab-separated words (no word holds a tab or a line break): split
  // into arrays faster than JSON.parse builds the same arrays
  'gazetteer.json': {
    files: (data) => {
      const lists = Object.entries(data).filter(([, value]) => Array.isArray(value))
      for (const [name, words] of lists) {
        if (words.some((word) => /[\t\n]/.test(word))) throw new Error(`gazetteer.json: a word of ${name} holds a tab or a line break`)
      }
      const rest = Object.fromEntries(Object.entries(data).filter(([, value]) => !Array.isArray(value)))
      return { 'gazetteer.txt': [JSON.stringify(rest), ...lists.map(([name, words]) => [name, ...words].join('\t'))].join('\n') }
    },
    module: `import { readFileSync } from 'node:fs'
const [rest, ...lists] = readFileSync(new URL('./gazetteer.txt', import.meta.url), 'utf8').split('\\n')
const data = JSON.parse(rest)
for (const line of lists) {
  const words = line.split('\\t')
  data[words[0]] = words.slice(1)
}
export default data`,
  },
  // the weights packed as float32 (what loadWeights makes of the committed hundredths), with the
  // features' names one a line: no parsing at all when a worker starts
  'tagger-weights.json': {
    files: (data) => {
      const names = Object.keys(data.features)
      const values = new Float32Array(names.length * TAG_COUNT)
      names.forEach((name, i) => {
        for (const part of data.features[name].split(',')) {
          const [tag, hundredths] = part.split(':')
          values[i * TAG_COUNT + Number(tag)] = Number(hundredths) / 100
        }
      })
      if (names.some((name) => name.includes('\n'))) throw new Error('tagger-weights.json: a feature name holds a line break')
      return { 'tagger-weights.names': names.join('\n'), 'tagger-weights.bin': Buffer.from(values.buffer) }
    },
    module: `import { readFileSync } from 'node:fs'
const names = readFileSync(new URL('./tagger-weights.names', import.meta.url), 'utf8').split('\\n')
const bytes = readFileSync(new URL('./tagger-weights.bin', import.meta.url))
// a view on the file's bytes when they are aligned for float32 (a file this size has a buffer of its own), else a copy
const values = bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
export default { packed: { names, values } }`,
  },
}
/** Tags of the tagger (tagger.ts TAGS): the length of each feature's weights. */
const TAG_COUNT = 11

/**
 * An imported .json file (the word lists and weights, 4 MB) is written beside the bundle and read
 * from there when the bundle loads: a data file costs far less than the same data compiled as
 * part of the script (as an object literal or as one long string literal).
 */
function dataBeside(outdir) {
  return {
    name: 'data-beside',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, async (args) => {
        const { readFile, writeFile, mkdir } = await import('node:fs/promises')
        const name = basename(args.path)
        const data = JSON.parse(await readFile(args.path, 'utf8'))
        const special = DATA_MODULES[name]
        const files = special ? special.files(data) : { [name]: JSON.stringify(data) }
        await mkdir(outdir, { recursive: true })
        for (const [file, contents] of Object.entries(files)) await writeFile(join(outdir, file), contents)
        const contents = special?.module ?? `import { readFileSync } from 'node:fs'\nexport default JSON.parse(readFileSync(new URL(${JSON.stringify(`./${name}`)}, import.meta.url), 'utf8'))`
        return { contents, loader: 'js' }
      })
    },
  }
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
    // esbuild would rewrite every /\p{…}/u literal as new RegExp("…"), built again on each call
    // (a dozen sit in hot loops); Node has read them natively since version 10
    supported: { 'regexp-unicode-property-escapes': true },
    // piscina finds its own worker script by path, so it stays a normal import
    external: ['piscina'],
    // the word lists and weights are data files beside the bundle (each worker reads them)
    plugins: [dataBeside(outdir)],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return outdir
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outdir = await buildAnonymiser()
  console.log(`anonymiser built to ${outdir}`)
}
