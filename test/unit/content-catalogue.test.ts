// The production content catalogue: read and validated once, frozen, and never read from disk
// again; stored by the build and reused only while content/ is unchanged.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { installContentCatalogue, installedCatalogue } from '~/content/catalogue.server'
import { prepareContent, readCatalogueData, writeContentCatalogue } from '~/content/load-catalogue.server'
import { getLesson, listLessons } from '~/lessons/lessons.server'
import { mdxCompilesTotal } from '~/lessons/mdx-metrics.server'
import { defaultPath, getPath } from '~/lessons/paths.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { loadRubric, rubricHash } from '~/reviews/rubric.server'
import { getAuthoredScenario, listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'

const realContent = fileURLToPath(new URL('../../content', import.meta.url))
let dir: string
let content: string
let stored: string

const compiles = async () => (await mdxCompilesTotal.get()).values[0]?.value ?? 0
const lessonFile = () => path.join(content, 'lessons', 'what-silence-says.mdx')
const scenarioFile = () => path.join(content, 'scenarios', 'bounced-sales-email.yaml')

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rapport-catalogue-'))
  content = path.join(dir, 'content')
  stored = path.join(dir, 'build', 'content.json')
  cpSync(realContent, content, { recursive: true })
  process.env.CONTENT_DIR = content
})
afterEach(() => installContentCatalogue(null))
afterAll(() => {
  delete process.env.CONTENT_DIR
  rmSync(dir, { recursive: true, force: true })
})

describe('content catalogue', () => {
  it('once installed, answers every loader from memory and ignores later edits on disk', async () => {
    const load = await prepareContent(path.join(dir, 'no-such-build.json'))
    expect(load).toMatchObject({ from: 'files', lessons: 12, scenarios: 18 })
    const before = (await getLesson('what-silence-says'))!
    const scenarioBefore = (await getAuthoredScenario('bounced-sales-email'))!

    writeFileSync(lessonFile(), readFileSync(lessonFile(), 'utf8').replace(/^title: .*$/m, 'title: Edited after start'))
    writeFileSync(scenarioFile(), readFileSync(scenarioFile(), 'utf8').replace(/^title: .*$/m, 'title: Edited after start'))

    expect((await getLesson('what-silence-says'))!.title).toBe(before.title)
    expect((await listLessons()).find((l) => l.slug === 'what-silence-says')!.title).toBe(before.title)
    expect((await getAuthoredScenario('bounced-sales-email'))!.title).toBe(scenarioBefore.title)
    expect((await listAuthoredScenarios()).length).toBe(18)
    expect((await defaultPath()).slug).toBe('first-week')
    expect(await getPath('first-week')).toBe(await getPath('first-week'))
    expect((await loadRubric()).criteria.length).toBeGreaterThan(0)
    expect(await rubricHash()).toMatch(/^[0-9a-f]{64}$/)
    expect((await listCalibrationItems()).length).toBeGreaterThanOrEqual(3)
    // Lookups that are not slugs find nothing, as they do on disk.
    expect(await getLesson('../paths/first-week')).toBeNull()
    expect(await getAuthoredScenario('__proto__')).toBeNull()

    // Without the catalogue the loaders read the files again and see the edit.
    installContentCatalogue(null)
    expect((await getLesson('what-silence-says'))!.title).toBe('Edited after start')
    expect((await getAuthoredScenario('bounced-sales-email'))!.title).toBe('Edited after start')
  })

  it('is frozen all the way down, so no request can change what the next one sees', async () => {
    await prepareContent(path.join(dir, 'no-such-build.json'))
    const catalogue = installedCatalogue()!
    const lesson = (await getLesson('what-silence-says'))!
    expect(Object.isFrozen(catalogue)).toBe(true)
    expect(Object.isFrozen(lesson)).toBe(true)
    expect(Object.isFrozen(lesson.tags)).toBe(true)
    expect(Object.isFrozen((await defaultPath()).steps[0])).toBe(true)
    expect(Object.isFrozen((await loadRubric()).criteria[0])).toBe(true)
    expect(() => (lesson.tags as string[]).push('x')).toThrow(TypeError)
  })

  it('reuses the build’s stored catalogue without compiling while content/ is unchanged, and reads content/ again when it changed', async () => {
    await writeContentCatalogue(stored)
    const compiledBefore = await compiles()
    expect(await prepareContent(stored)).toMatchObject({ from: 'build', lessons: 12 })
    expect(await compiles()).toBe(compiledBefore)
    const fromBuild = (await getLesson('what-silence-says'))!.title

    writeFileSync(lessonFile(), readFileSync(lessonFile(), 'utf8').replace(/^title: .*$/m, 'title: Changed since the build'))
    expect(await prepareContent(stored)).toMatchObject({ from: 'files' })
    expect((await getLesson('what-silence-says'))!.title).toBe('Changed since the build')
    expect(fromBuild).not.toBe('Changed since the build')
  })

  it('refuses content with a broken reference, naming the file', async () => {
    const pathFile = path.join(content, 'paths', 'first-week.yaml')
    const original = readFileSync(pathFile, 'utf8')
    writeFileSync(pathFile, original.replace(/- lesson: [a-z-]+/, '- lesson: no-such-lesson'))
    try {
      await expect(readCatalogueData()).rejects.toThrow(/content\/paths\/first-week\.yaml: step lesson "no-such-lesson" does not exist/)
    } finally {
      writeFileSync(pathFile, original)
    }
  })
})
