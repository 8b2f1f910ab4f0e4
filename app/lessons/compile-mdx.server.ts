import { createHash } from 'node:crypto'
import pLimit from 'p-limit'
import { describeIssues, lessonFrontmatterSchema, type LessonFrontmatter } from './lesson-frontmatter'
import { splitFrontmatter } from './lesson-source'
import { mdxCompilesTotal } from './mdx-metrics.server'

export type CompiledLesson = {
  hash: string
  code: string
  frontmatter: LessonFrontmatter
}

export type CompileInput = {
  source: string
  /** The file the source came from, for error messages (e.g. "content/lessons/foo.mdx"). */
  file: string
  /** Absolute directory that MDX imports resolve from. */
  cwd: string
}

// esbuild is memory hungry: never more than two compiles at once.
const limit = pLimit(2)

// Kept on globalThis so a dev rebuild that re-evaluates this module does not throw the cache away.
type CompileCache = Map<string, Promise<CompiledLesson>>
const globalStore = globalThis as typeof globalThis & { __rapportMdxCache?: CompileCache }
const cache: CompileCache = (globalStore.__rapportMdxCache ??= new Map())

export function contentHash(source: string): string {
  return createHash('sha256').update(source).digest('hex')
}

/** Parse and validate a lesson's frontmatter without compiling it. Throws an Error naming the file. */
export function readFrontmatter(source: string, file: string): { frontmatter: LessonFrontmatter; body: string } {
  let split
  try {
    split = splitFrontmatter(source)
  } catch (error) {
    throw new Error(`${file}: frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error })
  }
  if (split.data === undefined) throw new Error(`${file}: missing frontmatter (a --- block at the top)`)
  const parsed = lessonFrontmatterSchema.safeParse(split.data)
  if (!parsed.success) throw new Error(`${file}: invalid frontmatter: ${describeIssues(parsed.error)}`)
  return { frontmatter: parsed.data, body: split.body }
}

/**
 * Compile a lesson once per content hash. Concurrent calls for the same source share one
 * compile; a failed compile is not cached, so fixing the file and asking again recompiles.
 */
export function compileLesson({ source, file, cwd }: CompileInput): Promise<CompiledLesson> {
  const hash = contentHash(source)
  const cached = cache.get(hash)
  if (cached) return cached

  const pending = limit(async (): Promise<CompiledLesson> => {
    const { frontmatter } = readFrontmatter(source, file)
    mdxCompilesTotal.inc()
    let code: string
    try {
      // Loaded on first use: a production server whose build already compiled every lesson never needs it.
      const { bundleMDX } = await import('mdx-bundler')
      const result = await bundleMDX({
        source,
        cwd,
        // we rethrow esbuild's errors with the file name; don't also print them to stderr
        esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
      })
      code = result.code
    } catch (error) {
      throw new Error(`${file}: MDX failed to compile: ${compileErrorMessage(error)}`, { cause: error })
    }
    return { hash, code, frontmatter }
  })
  cache.set(hash, pending)
  pending.catch(() => {
    if (cache.get(hash) === pending) cache.delete(hash)
  })
  return pending
}

/** Drop a compiled result that no file uses any more (its file changed). */
export function forgetCompiled(hash: string): void {
  cache.delete(hash)
}

function compileErrorMessage(error: unknown): string {
  // esbuild reports { errors: [{ text, location: { line, column } }] }
  const errors = (error as { errors?: Array<{ text?: string; location?: { line?: number; column?: number } | null }> })
    ?.errors
  if (Array.isArray(errors) && errors.length > 0) {
    return errors
      .map((e) => (e.location ? `${e.text} (line ${e.location.line}, column ${e.location.column})` : String(e.text)))
      .join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}
