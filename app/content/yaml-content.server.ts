import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'

// Content files (scenarios, rubrics, calibration) are YAML validated with zod. Each file is parsed
// once per content hash, so editing a file is picked up on the next read without a restart,
// while unchanged files cost a read and a hash, never a re-parse.

/** The content folder: CONTENT_DIR when set, otherwise `content/` under the working directory. */
export function contentDir(override?: string): string {
  return override ?? process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content')
}

export function sha256Hex(content: string): string {
  return createHash('sha256').update(content).digest('hex')
}

/** A file name as people read it in an error: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/** zod issues as one line each: `prompts[1].options[0].next: next points at …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
        )
        .join('')
      return `  - ${where || '(file)'}: ${issue.message}`
    })
    .join('\n')
}

type CacheEntry = { hash: string; schema: z.ZodTypeAny; value: unknown }
const cache = new Map<string, CacheEntry>()

/**
 * Read, parse and validate one YAML file. Throws an Error that names the file when the YAML is
 * malformed or does not match the schema (the original error is kept as `cause`).
 */
export async function loadYamlFile<S extends z.ZodTypeAny>(
  file: string,
  schema: S,
): Promise<{ value: z.infer<S>; hash: string; raw: string }> {
  const raw = await readFile(file, 'utf8')
  const hash = sha256Hex(raw)
  const cached = cache.get(file)
  if (cached && cached.hash === hash && cached.schema === schema) {
    return { value: cached.value as z.infer<S>, hash, raw }
  }

  let data: unknown
  try {
    data = parseYaml(raw)
  } catch (error) {
    throw new Error(`${displayPath(file)} is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    })
  }
  const result = schema.safeParse(data)
  if (!result.success) {
    throw new Error(`${displayPath(file)} is invalid:\n${formatIssues(result.error)}`, {
      cause: result.error,
    })
  }
  cache.set(file, { hash, schema, value: result.data })
  return { value: result.data as z.infer<S>, hash, raw }
}

/** The `.yaml` files of a content folder, sorted by name; a missing folder has none. */
export async function listYamlFiles(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(folder, name))
}

export function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}
