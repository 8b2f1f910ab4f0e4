import { parse as parseYaml } from 'yaml'

// Frontmatter is the first block fenced by `---` lines, as gray-matter (inside mdx-bundler) reads it.
const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

export type SplitSource = { data: unknown; body: string }

/** Split an MDX source into its parsed YAML frontmatter and its body. Throws on YAML errors. */
export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '')
  const match = FRONTMATTER.exec(text)
  if (!match) return { data: undefined, body: text }
  return { data: parseYaml(match[1] ?? '') as unknown, body: text.slice(match[0].length) }
}

/**
 * Words a reader reads in a lesson body: prose, headings and the text inside component
 * attributes (an Example's cold and warm replies, a Reflection's question), but not tag names,
 * attribute names, ids or scenario slugs.
 */
export function countWords(body: string): number {
  const readable = body
    // identifiers the reader never sees
    .replace(/\b(?:id|scenario|tone)\s*=\s*("[^"]*"|'[^']*')/g, ' ')
    // tag names and closing tags
    .replace(/<\/?[A-Za-z][\w.]*/g, ' ')
    // attribute names
    .replace(/\b[a-zA-Z]+\s*=\s*(?=["'{])/g, ' ')
    // markdown link targets
    .replace(/\]\([^)]*\)/g, ' ')
  const words = readable.match(/[A-Za-z0-9]+(?:['’][A-Za-z0-9]+)*/g)
  return words ? words.length : 0
}

/** Reading time at ~200 words a minute, never below one minute. */
export function readingMinutes(wordCount: number, wordsPerMinute = 200): number {
  return Math.max(1, Math.round(wordCount / wordsPerMinute))
}
