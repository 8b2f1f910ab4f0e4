import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { compileLesson, contentHash, forgetCompiled, readFrontmatter } from './compile-mdx.server'
import { contentDir, displayPath } from './content-dir.server'
import type { Lesson, LessonSummary } from './lesson-frontmatter'
import { slugSchema } from './lesson-frontmatter'
import { countWords } from './lesson-source'
import { installedCatalogue } from '~/content/catalogue.server'

type Entry = { mtimeMs: number; size: number; hash: string; summary: LessonSummary }

// Per absolute file path: the last summary read, and what the file looked like then.
const entries = new Map<string, Entry>()

function lessonsDir(): string {
  return path.join(contentDir(), 'lessons')
}

function fileFor(slug: string): string {
  return path.join(lessonsDir(), `${slug}.mdx`)
}

async function lessonSlugs(): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(lessonsDir())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names.filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -'.mdx'.length))
}

function summarize(slug: string, source: string, file: string): LessonSummary {
  const { frontmatter, body } = readFrontmatter(source, displayPath(file))
  return { ...frontmatter, slug, wordCount: countWords(body) }
}

/** Read a lesson's summary, touching the disk beyond a stat only when the file changed. */
async function loadSummary(slug: string): Promise<LessonSummary> {
  const file = fileFor(slug)
  const info = await stat(file)
  const known = entries.get(file)
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.summary

  const source = await readFile(file, 'utf8')
  const hash = contentHash(source)
  if (known && known.hash === hash) {
    entries.set(file, { ...known, mtimeMs: info.mtimeMs, size: info.size })
    return known.summary
  }
  const summary = summarize(slug, source, file)
  if (known) forgetCompiled(known.hash)
  entries.set(file, { mtimeMs: info.mtimeMs, size: info.size, hash, summary })
  return summary
}

/** Every lesson's frontmatter, slug and word count, sorted by `order`. No compiling. */
export async function listLessons(): Promise<readonly LessonSummary[]> {
  const catalogue = installedCatalogue()
  if (catalogue) return catalogue.lessonSummaries
  const slugs = await lessonSlugs()
  const summaries = await Promise.all(slugs.map(loadSummary))
  return summaries.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
}

/**
 * One lesson with its compiled code, or null when there is no such lesson. The file is re-read
 * on every call (cheap); it is compiled again only when its content hash changed.
 */
export async function getLesson(slug: string): Promise<Lesson | null> {
  const catalogue = installedCatalogue()
  if (catalogue) return catalogue.lessons.get(slug) ?? null
  if (!slugSchema.safeParse(slug).success) return null
  const file = fileFor(slug)
  let source: string
  let info: Awaited<ReturnType<typeof stat>>
  try {
    // stat before reading: if the file changes in between, the older mtime makes the next call look again
    info = await stat(file)
    source = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const hash = contentHash(source)
  const known = entries.get(file)
  if (known && known.hash !== hash) forgetCompiled(known.hash)

  const compiled = await compileLesson({ source, file: displayPath(file), cwd: lessonsDir() })
  const wordCount = known && known.hash === hash ? known.summary.wordCount : summarize(slug, source, file).wordCount
  const summary: LessonSummary = { ...compiled.frontmatter, slug, wordCount }
  entries.set(file, { mtimeMs: info.mtimeMs, size: info.size, hash, summary })
  return { ...summary, code: compiled.code }
}

/** Compile every lesson (at server start), so the first reader never waits for esbuild. */
export async function warmLessons(): Promise<{ lessons: number; ms: number }> {
  const started = performance.now()
  const slugs = await lessonSlugs()
  await Promise.all(slugs.map((slug) => getLesson(slug)))
  return { lessons: slugs.length, ms: Math.round(performance.now() - started) }
}
