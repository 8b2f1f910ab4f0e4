import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { contentDir, displayPath } from './content-dir.server'
import { describeIssues, slugSchema } from './lesson-frontmatter'
import { pathSchema, toLearningPath, type LearningPath } from './path-schema'
import { installedCatalogue } from '~/content/catalogue.server'

type Entry = { mtimeMs: number; size: number; path: LearningPath }
const entries = new Map<string, Entry>()

function pathsDir(): string {
  return path.join(contentDir(), 'paths')
}

async function pathSlugs(): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(pathsDir())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names.filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length))
}

/** Parse one path file's text. Throws an Error naming the file and every problem in it. */
export function parsePathFile(slug: string, text: string, file: string): LearningPath {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error })
  }
  const parsed = pathSchema.safeParse(data)
  if (!parsed.success) throw new Error(`${file}: invalid path: ${describeIssues(parsed.error)}`)
  return toLearningPath(slug, parsed.data)
}

async function loadPath(slug: string): Promise<LearningPath | null> {
  const file = path.join(pathsDir(), `${slug}.yaml`)
  let info
  try {
    info = await stat(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const known = entries.get(file)
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.path
  const learningPath = parsePathFile(slug, await readFile(file, 'utf8'), displayPath(file))
  entries.set(file, { mtimeMs: info.mtimeMs, size: info.size, path: learningPath })
  return learningPath
}

/** Every path: the default one first, then by title. */
export async function listPaths(): Promise<readonly LearningPath[]> {
  const catalogue = installedCatalogue()
  if (catalogue) return catalogue.paths
  const loaded = await Promise.all((await pathSlugs()).map(loadPath))
  return loaded
    .filter((p): p is LearningPath => p !== null)
    .sort((a, b) => Number(b.default) - Number(a.default) || a.title.localeCompare(b.title))
}

export async function getPath(slug: string): Promise<LearningPath | null> {
  const catalogue = installedCatalogue()
  if (catalogue) return catalogue.pathsBySlug.get(slug) ?? null
  if (!slugSchema.safeParse(slug).success) return null
  return loadPath(slug)
}

/** The path every new hire starts on. Exactly one path file must say `default: true`. */
export async function defaultPath(): Promise<LearningPath> {
  const catalogue = installedCatalogue()
  if (catalogue) return catalogue.defaultPath
  const defaults = (await listPaths()).filter((p) => p.default)
  if (defaults.length !== 1) {
    const names = defaults.map((p) => `${p.slug}.yaml`).join(', ') || 'none'
    throw new Error(
      `${displayPath(pathsDir())}: exactly one path must have "default: true", found ${defaults.length} (${names})`,
    )
  }
  return defaults[0]!
}
