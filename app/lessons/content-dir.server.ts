import path from 'node:path'

/**
 * The content folder. Resolved from the working directory (or CONTENT_DIR), never from
 * import.meta.url: the server build lives in build/, far from content/.
 */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'))
}

/** A path relative to the project root for error messages, e.g. "content/lessons/foo.mdx". */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute)
  return relative.startsWith('..') ? absolute : relative
}
