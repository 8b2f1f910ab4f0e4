import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileLesson, readFrontmatter } from '~/lessons/compile-mdx.server'
import { countWords } from '~/lessons/lesson-source'
import { LessonBody } from '~/lessons/mdx-components'
import { defaultPath, listPaths, parsePathFile } from '~/lessons/paths.server'

const contentDir = fileURLToPath(new URL('../../content', import.meta.url))
const lessonsDir = path.join(contentDir, 'lessons')
const pathsDir = path.join(contentDir, 'paths')
const scenariosDir = path.join(contentDir, 'scenarios')

beforeAll(() => {
  process.env.CONTENT_DIR = contentDir
})

/** Scenarios that lessons and paths may point to: the authored scenario files. */
const KNOWN_SCENARIOS = readdirSync(scenariosDir)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))

const WORDS_PER_MINUTE = 200

type LessonFile = { slug: string; file: string; source: string }

const lessonFiles: LessonFile[] = readdirSync(lessonsDir)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => ({
    slug: name.replace(/\.mdx$/, ''),
    file: `content/lessons/${name}`,
    source: readFileSync(path.join(lessonsDir, name), 'utf8'),
  }))

const pathFiles = readdirSync(pathsDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    slug: name.replace(/\.yaml$/, ''),
    file: `content/paths/${name}`,
    text: readFileSync(path.join(pathsDir, name), 'utf8'),
  }))

function practiceSlugsInBody(body: string): string[] {
  return [...body.matchAll(/<Practice\s+scenario="([^"]*)"/g)].map((m) => m[1]!)
}

function reflectionIds(body: string): string[] {
  return [...body.matchAll(/<Reflection\s+id="([^"]*)"/g)].map((m) => m[1]!)
}

function componentsUsed(body: string): Set<string> {
  return new Set([...body.matchAll(/<(Callout|KeyIdea|Example|Reflection|Practice)\b/g)].map((m) => m[1]!))
}

describe('lessons', () => {
  it('there are at least 11 lessons', () => {
    expect(lessonFiles.length).toBeGreaterThanOrEqual(11)
  })

  describe.each(lessonFiles)('$file', ({ file, source }) => {
    it('has valid frontmatter, compiles and renders with the lesson components', async () => {
      // compileLesson throws an Error that starts with the file name on any problem
      const compiled = await compileLesson({ source, file, cwd: lessonsDir })
      const html = renderToStaticMarkup(React.createElement(LessonBody, { code: compiled.code }))
      expect(html, `${file} rendered no practice card`).toContain('class="practice-card"')
      expect(html, `${file} rendered no key idea`).toContain('class="key-idea"')
    })

    it('is a 4–8 minute read and its `minutes` matches its word count at ~200 words a minute', () => {
      const { frontmatter, body } = readFrontmatter(source, file)
      const words = countWords(body)
      expect(frontmatter.minutes, `${file}: minutes`).toBeGreaterThanOrEqual(4)
      expect(words, `${file}: word count`).toBeGreaterThanOrEqual(4 * WORDS_PER_MINUTE)
      expect(words, `${file}: word count`).toBeLessThanOrEqual(8 * WORDS_PER_MINUTE)
      const estimated = words / WORDS_PER_MINUTE
      expect(
        Math.abs(estimated - frontmatter.minutes),
        `${file}: ${words} words is ~${estimated.toFixed(1)} min but frontmatter says ${frontmatter.minutes}`,
      ).toBeLessThanOrEqual(1)
    })

    it('uses several components, has unique reflection ids and ends by pointing to a scenario', () => {
      const { body } = readFrontmatter(source, file)
      expect(componentsUsed(body).size, `${file}: components used`).toBeGreaterThanOrEqual(4)
      const ids = reflectionIds(body)
      expect(ids.length, `${file}: reflections`).toBeGreaterThanOrEqual(1)
      expect(new Set(ids).size, `${file}: duplicate reflection id in ${ids.join(', ')}`).toBe(ids.length)
      const lastLine = body.trim().split('\n').at(-1) ?? ''
      expect(lastLine, `${file} must end with <Practice scenario="…" />`).toMatch(/^<Practice scenario="[a-z0-9-]+" \/>$/)
    })

    it('only points to known scenarios, and lists every scenario it links in `practice`', () => {
      const { frontmatter, body } = readFrontmatter(source, file)
      const linked = practiceSlugsInBody(body)
      for (const slug of [...linked, ...(frontmatter.practice ?? [])]) {
        expect(KNOWN_SCENARIOS, `${file} points to unknown scenario "${slug}"`).toContain(slug)
      }
      for (const slug of linked) {
        expect(frontmatter.practice ?? [], `${file} links "${slug}" but its frontmatter practice omits it`).toContain(slug)
      }
    })
  })

  it('orders are unique', () => {
    const orders = lessonFiles.map(({ source, file }) => ({ file, order: readFrontmatter(source, file).frontmatter.order }))
    const seen = new Map<number, string>()
    for (const { file, order } of orders) {
      expect(seen.get(order), `${file} reuses order ${order}`).toBeUndefined()
      seen.set(order, file)
    }
  })

  it('slugs are lowercase-hyphenated file names', () => {
    for (const { slug, file } of lessonFiles) expect(slug, file).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })
})

describe('paths', () => {
  const lessonSlugs = new Set(lessonFiles.map((l) => l.slug))

  it.each(pathFiles)('$file validates, and every lesson it names exists', ({ slug, file, text }) => {
    const learningPath = parsePathFile(slug, text, file)
    for (const step of learningPath.steps) {
      if (step.kind === 'lesson') expect(lessonSlugs.has(step.slug), `${file} names missing lesson "${step.slug}"`).toBe(true)
      else expect(KNOWN_SCENARIOS, `${file} names unknown scenario "${step.slug}"`).toContain(step.slug)
    }
  })

  it('exactly one path is the default, and it is first-week', async () => {
    const defaults = (await listPaths()).filter((p) => p.default).map((p) => p.slug)
    expect(defaults).toEqual(['first-week'])
    expect((await defaultPath()).slug).toBe('first-week')
  })

  it('first-week mixes 6–8 lessons and scenarios', async () => {
    const firstWeek = await defaultPath()
    expect(firstWeek.steps.length).toBeGreaterThanOrEqual(6)
    expect(firstWeek.steps.length).toBeLessThanOrEqual(8)
    expect(new Set(firstWeek.steps.map((s) => s.kind))).toEqual(new Set(['lesson', 'scenario']))
  })

  it('at least one path is written for a team other than support', async () => {
    const audiences = (await listPaths()).map((p) => p.audience.toLowerCase())
    expect(audiences.some((a) => /engineering|finance|sales/.test(a))).toBe(true)
  })
})

// Scenario files are written by someone else. Check the ones that exist; report the rest as skipped.
