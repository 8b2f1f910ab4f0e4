import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { register } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { compileLesson } from '~/lessons/compile-mdx.server'
import { getLesson, listLessons, warmLessons } from '~/lessons/lessons.server'
import { mdxCompilesTotal } from '~/lessons/mdx-metrics.server'
import { defaultPath, getPath, listPaths } from '~/lessons/paths.server'

let dir: string
let lessonsDir: string
let pathsDir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rapport-content-'))
  lessonsDir = path.join(dir, 'lessons')
  pathsDir = path.join(dir, 'paths')
  mkdirSync(lessonsDir, { recursive: true })
  mkdirSync(pathsDir, { recursive: true })
  process.env.CONTENT_DIR = dir
})

afterAll(() => {
  delete process.env.CONTENT_DIR
  rmSync(dir, { recursive: true, force: true })
})

async function compiles(): Promise<number> {
  return (await mdxCompilesTotal.get()).values[0]?.value ?? 0
}

function lesson({ order = 1, minutes = '5', body = 'Hello.' } = {}): string {
  // a unique token per call, so no test can hit another test's cache entry
  return `---\ntitle: A lesson\nsummary: One sentence.\nminutes: ${minutes}\ntags: [test]\norder: ${order}\n---\n\n${body}\n\n<KeyIdea>Idea ${randomUUID()}</KeyIdea>\n`
}

function writeLesson(slug: string, source: string, mtime?: Date) {
  const file = path.join(lessonsDir, `${slug}.mdx`)
  writeFileSync(file, source)
  if (mtime) utimesSync(file, mtime, mtime)
}

describe('compileLesson', () => {
  it('compiles the same source once, even when asked twice at the same time', async () => {
    const source = lesson()
    const before = await compiles()
    const [a, b] = await Promise.all([
      compileLesson({ source, file: 'a.mdx', cwd: lessonsDir }),
      compileLesson({ source, file: 'a.mdx', cwd: lessonsDir }),
    ])
    const c = await compileLesson({ source, file: 'a.mdx', cwd: lessonsDir })
    expect(await compiles()).toBe(before + 1)
    expect(a.code).toBe(b.code)
    expect(c.code).toBe(a.code)
    expect(a.code.length).toBeGreaterThan(0)
  })

  it('compiles again when the source changes', async () => {
    const before = await compiles()
    const first = await compileLesson({ source: lesson({ body: 'One.' }), file: 'a.mdx', cwd: lessonsDir })
    const second = await compileLesson({ source: lesson({ body: 'Two.' }), file: 'a.mdx', cwd: lessonsDir })
    expect(await compiles()).toBe(before + 2)
    expect(second.hash).not.toBe(first.hash)
    expect(second.code).toContain('Two.')
  })

  it('rejects bad frontmatter with an error naming the file and the field, without compiling', async () => {
    const before = await compiles()
    await expect(
      compileLesson({ source: lesson({ minutes: 'five' }), file: 'content/lessons/broken.mdx', cwd: lessonsDir }),
    ).rejects.toThrow(/content\/lessons\/broken\.mdx: invalid frontmatter: minutes/)
    await expect(
      compileLesson({ source: 'No frontmatter at all.', file: 'content/lessons/bare.mdx', cwd: lessonsDir }),
    ).rejects.toThrow(/content\/lessons\/bare\.mdx: missing frontmatter/)
    expect(await compiles()).toBe(before)
  })

  it('rejects broken MDX with an error naming the file, and does not cache the failure', async () => {
    const source = lesson({ body: '<Callout tone="tip">never closed' })
    await expect(compileLesson({ source, file: 'content/lessons/unclosed.mdx', cwd: lessonsDir })).rejects.toThrow(
      /content\/lessons\/unclosed\.mdx: MDX failed to compile/,
    )
    const before = await compiles()
    await expect(compileLesson({ source, file: 'content/lessons/unclosed.mdx', cwd: lessonsDir })).rejects.toThrow()
    expect(await compiles()).toBe(before + 1)
  })
})

describe('lessons from CONTENT_DIR', () => {
  it('getLesson compiles a file once and again only after its content changes', async () => {
    writeLesson('alpha', lesson({ body: 'Alpha, first version.' }))
    const before = await compiles()
    const first = await getLesson('alpha')
    const again = await getLesson('alpha')
    expect(await compiles()).toBe(before + 1)
    expect(first?.code).toBe(again?.code)
    expect(first?.title).toBe('A lesson')

    writeLesson('alpha', lesson({ body: 'Alpha, second version.' }))
    const changed = await getLesson('alpha')
    expect(await compiles()).toBe(before + 2)
    expect(changed?.code).toContain('second version')
  })

  it('getLesson returns null for a missing lesson or a slug that is not a slug', async () => {
    expect(await getLesson('does-not-exist')).toBeNull()
    expect(await getLesson('../paths/anything')).toBeNull()
  })

  it('getLesson names the file when its frontmatter is broken', async () => {
    writeLesson('broken', lesson({ minutes: '42' }))
    await expect(getLesson('broken')).rejects.toThrow(/lessons[\\/]broken\.mdx: invalid frontmatter: minutes/)
    rmSync(path.join(lessonsDir, 'broken.mdx'))
  })

  it('listLessons sorts by order, counts words, carries no code, and notices edits', async () => {
    writeLesson('beta', lesson({ order: 3, body: 'Three little words.' }), new Date(2_000_000_000_000))
    writeLesson('gamma', lesson({ order: 2, body: 'Two.' }))
    const list = await listLessons()
    const slugs = list.map((l) => l.slug)
    expect(slugs.indexOf('gamma')).toBeLessThan(slugs.indexOf('beta'))
    const beta = list.find((l) => l.slug === 'beta')!
    expect(beta).not.toHaveProperty('code')
    // "Three little words." + "Idea <uuid>": the uuid counts as its hyphen-separated pieces
    expect(beta.wordCount).toBeGreaterThanOrEqual(4)

    writeLesson('beta', lesson({ order: 0, body: 'Moved to the front.' }), new Date(2_000_000_100_000))
    expect((await listLessons())[0]?.slug).toBe('beta')
  })

  it('listLessons fails with the file name when one lesson is broken', async () => {
    writeLesson('zeta', '---\ntitle: [unclosed\n---\n\nBody')
    await expect(listLessons()).rejects.toThrow(/lessons[\\/]zeta\.mdx: frontmatter is not valid YAML/)
    rmSync(path.join(lessonsDir, 'zeta.mdx'))
  })

  it('warmLessons compiles every lesson', async () => {
    writeLesson('delta', lesson({ order: 9, body: 'Delta.' }))
    const before = await compiles()
    const warm = await warmLessons()
    expect(warm.lessons).toBe((await listLessons()).length)
    // alpha, beta and gamma were compiled or are new; delta is new: at least one compile, none twice
    expect(await compiles()).toBeGreaterThan(before)
    const after = await compiles()
    await warmLessons()
    expect(await compiles()).toBe(after)
  })
})

describe('mdx_compiles_total', () => {
  it('lives in the default registry and survives the module being evaluated again (hot reload)', async () => {
    expect(register.getSingleMetric('mdx_compiles_total')).toBe(mdxCompilesTotal)
    vi.resetModules()
    const reloaded = await import('~/lessons/mdx-metrics.server')
    expect(reloaded.mdxCompilesTotal).toBe(mdxCompilesTotal)
    expect(await register.metrics()).toMatch(/^mdx_compiles_total \d+$/m)
  })
})

describe('paths from CONTENT_DIR', () => {
  function writePath(slug: string, text: string) {
    writeFileSync(path.join(pathsDir, `${slug}.yaml`), text)
  }
  const valid = (isDefault: boolean) =>
    `title: T\nsummary: S\naudience: Everyone\ndefault: ${isDefault}\nsteps:\n  - lesson: alpha\n  - scenario: contact-form-void\n`

  it('parses steps into lesson and scenario steps, and finds the one default', async () => {
    writePath('main', valid(true))
    writePath('other', valid(false))
    expect((await getPath('main'))?.steps).toEqual([
      { kind: 'lesson', slug: 'alpha' },
      { kind: 'scenario', slug: 'contact-form-void' },
    ])
    expect((await defaultPath()).slug).toBe('main')
    expect((await listPaths()).map((p) => p.slug)).toEqual(['main', 'other'])
    expect(await getPath('nope')).toBeNull()
  })

  it('names the file when a path is invalid, and refuses two defaults', async () => {
    writePath('bad', 'title: T\nsummary: S\naudience: Everyone\nsteps:\n  - chapter: one\n')
    await expect(getPath('bad')).rejects.toThrow(/paths[\\/]bad\.yaml: invalid path: steps\.0/)
    rmSync(path.join(pathsDir, 'bad.yaml'))

    writePath('other', valid(true))
    await expect(defaultPath()).rejects.toThrow(/exactly one path must have "default: true", found 2/)
  })
})
