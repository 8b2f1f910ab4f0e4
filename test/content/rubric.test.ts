import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { rubricSchema, type Rubric } from '~/reviews/rubric-schema'
import { loadRubric, rubricHash } from '~/reviews/rubric.server'

const contentDir = fileURLToPath(new URL('../../content', import.meta.url))
const rubricFile = path.join(contentDir, 'rubrics', 'warmth-empathy.yaml')

function weightedLevel(rubric: Rubric, levels: Record<string, number>) {
  return rubric.criteria.reduce((sum, criterion) => sum + criterion.weight * levels[criterion.id], 0)
}

describe('warmth-empathy rubric', () => {
  it('is valid, versioned, and has the criteria reviews are built on', async () => {
    const rubric = await loadRubric('warmth-empathy', { contentDir })
    expect(rubric.id).toBe('warmth-empathy')
    expect(rubric.version).toBe(1)
    expect(rubric.criteria.map((criterion) => criterion.id)).toEqual(
      expect.arrayContaining(['empathy', 'warmth', 'ownership', 'next-step', 'context']),
    )
  })

  it('has positive weights that sum to 1', async () => {
    const rubric = await loadRubric(undefined, { contentDir })
    for (const criterion of rubric.criteria) expect(criterion.weight).toBeGreaterThan(0)
    const total = rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)
    expect(total).toBeCloseTo(1, 9)
  })

  it('gives every criterion four levels, 1 to 4, each with a label and a descriptor', async () => {
    const rubric = await loadRubric(undefined, { contentDir })
    for (const criterion of rubric.criteria) {
      expect(criterion.levels.map((level) => level.level), criterion.id).toEqual([1, 2, 3, 4])
      for (const level of criterion.levels) {
        expect(level.label.length).toBeGreaterThan(0)
        expect(level.descriptor.length).toBeGreaterThan(20)
      }
    }
  })

  it('is versioned by the sha256 of its file content', async () => {
    const expected = createHash('sha256').update(await readFile(rubricFile, 'utf8')).digest('hex')
    expect(await rubricHash('warmth-empathy', { contentDir })).toBe(expected)
  })
})

describe('rubric schema', () => {
  const levels = [1, 2, 3, 4].map((level) => ({
    level,
    label: `L${level}`,
    descriptor: 'A descriptor.',
  }))
  const criterion = (id: string, weight: number) => ({
    id,
    name: id,
    question: `${id}?`,
    weight,
    levels,
  })

  it('accepts weights that sum to 1 up to floating-point rounding', () => {
    const rubric = { id: 'r', version: 1, title: 'R', criteria: [0.1, 0.2, 0.3, 0.4].map((w, i) => criterion(`c${i}`, w)) }
    expect(rubricSchema.safeParse(rubric).success).toBe(true)
  })

  it('rejects weights that do not sum to 1', () => {
    const result = rubricSchema.safeParse({
      id: 'r',
      version: 1,
      title: 'R',
      criteria: [criterion('a', 0.5), criterion('b', 0.4)],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'criterion weights must sum to 1, they sum to 0.9',
    ])
  })

  it('rejects a criterion with three levels, or levels out of order', () => {
    const three = { ...criterion('a', 1), levels: levels.slice(0, 3) }
    expect(rubricSchema.safeParse({ id: 'r', version: 1, title: 'R', criteria: [three] }).success).toBe(false)
    const shuffled = { ...criterion('a', 1), levels: [levels[1], levels[0], levels[2], levels[3]] }
    expect(rubricSchema.safeParse({ id: 'r', version: 1, title: 'R', criteria: [shuffled] }).success).toBe(false)
  })

  it('rejects a zero or negative weight and a duplicate criterion id', () => {
    const zero = { id: 'r', version: 1, title: 'R', criteria: [criterion('a', 0), criterion('b', 1)] }
    expect(rubricSchema.safeParse(zero).success).toBe(false)
    const twice = { id: 'r', version: 1, title: 'R', criteria: [criterion('a', 0.5), criterion('a', 0.5)] }
    expect(rubricSchema.safeParse(twice).error?.issues.map((issue) => issue.message)).toEqual([
      'criterion id "a" is used twice',
    ])
  })
})

describe('calibration items', () => {
  it('has at least three gold replies', async () => {
    expect((await listCalibrationItems({ contentDir })).length).toBeGreaterThanOrEqual(3)
  })

  it('point at existing scenarios and reply prompts, within any length limit', async () => {
    const scenarios = new Map(
      (await listAuthoredScenarios({ contentDir })).map((scenario) => [scenario.slug, scenario]),
    )
    for (const item of await listCalibrationItems({ contentDir })) {
      const scenario = scenarios.get(item.scenario)
      expect(scenario, `${item.id}: scenario ${item.scenario}`).toBeDefined()
      const prompt = scenario!.prompts.find((candidate) => candidate.id === item.prompt)
      expect(prompt?.kind, `${item.id}: prompt ${item.prompt}`).toBe('reply')
      if (prompt?.kind === 'reply' && prompt.maxLength) {
        expect(item.reply.length, item.id).toBeLessThanOrEqual(prompt.maxLength)
      }
    }
  })

  it('score and explain every rubric criterion, and nothing else', async () => {
    const rubric = await loadRubric(undefined, { contentDir })
    const criteria = rubric.criteria.map((criterion) => criterion.id).sort()
    for (const item of await listCalibrationItems({ contentDir })) {
      expect(Object.keys(item.expert).sort(), item.id).toEqual(criteria)
      expect(Object.keys(item.explanation).sort(), item.id).toEqual(criteria)
    }
  })

  it('include a weak, a middling and a strong reply by weighted expert level', async () => {
    const rubric = await loadRubric(undefined, { contentDir })
    const scores = (await listCalibrationItems({ contentDir })).map((item) =>
      weightedLevel(rubric, item.expert),
    )
    expect(scores.some((score) => score < 2)).toBe(true)
    expect(scores.some((score) => score >= 2 && score < 3)).toBe(true)
    expect(scores.some((score) => score >= 3.5)).toBe(true)
  })
})

describe('calibration loader', () => {
  let scratch: string | undefined
  afterEach(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true })
    scratch = undefined
  })

  // A content folder with the real rubric, one real scenario and one calibration item.
  async function scratchWith(item: Record<string, unknown>) {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'rapport-calibration-'))
    for (const folder of ['rubrics', 'scenarios', 'calibration']) {
      await mkdir(path.join(scratch, folder))
    }
    await copyFile(rubricFile, path.join(scratch, 'rubrics', 'warmth-empathy.yaml'))
    await copyFile(
      path.join(contentDir, 'scenarios', 'late-delivery-gift.yaml'),
      path.join(scratch, 'scenarios', 'late-delivery-gift.yaml'),
    )
    await writeFile(path.join(scratch, 'calibration', `${item.id}.yaml`), JSON.stringify(item))
    return scratch
  }

  const levels = { empathy: 3, warmth: 3, ownership: 3, 'next-step': 3, context: 3 }
  const reasons = Object.fromEntries(Object.keys(levels).map((id) => [id, 'Because.']))
  const item = {
    id: 'scratch-item',
    scenario: 'late-delivery-gift',
    prompt: 'reply',
    reply: 'Hi Daniel, ...',
    expert: levels,
    explanation: reasons,
  }

  it('loads a consistent item', async () => {
    const dir = await scratchWith(item)
    expect((await listCalibrationItems({ contentDir: dir })).map((loaded) => loaded.id)).toEqual([
      'scratch-item',
    ])
  })

  it('rejects, naming the file, an item whose scenario or prompt does not exist', async () => {
    let dir = await scratchWith({ ...item, scenario: 'no-such-scenario' })
    await expect(listCalibrationItems({ contentDir: dir })).rejects.toThrow(
      /scratch-item\.yaml[\s\S]*scenario "no-such-scenario" does not exist/,
    )
    await rm(dir, { recursive: true, force: true })
    dir = await scratchWith({ ...item, prompt: 'no-such-prompt' })
    await expect(listCalibrationItems({ contentDir: dir })).rejects.toThrow(
      /has no prompt "no-such-prompt"/,
    )
  })

  it('rejects an item that leaves out a rubric criterion', async () => {
    const { context: _level, ...fourLevels } = levels
    const { context: _reason, ...fourReasons } = reasons
    const dir = await scratchWith({ ...item, expert: fourLevels, explanation: fourReasons })
    await expect(listCalibrationItems({ contentDir: dir })).rejects.toThrow(
      /no expert level for context/,
    )
  })

  it('rejects a level without an explanation', async () => {
    const { empathy: _reason, ...fewerReasons } = reasons
    const dir = await scratchWith({ ...item, explanation: fewerReasons })
    await expect(listCalibrationItems({ contentDir: dir })).rejects.toThrow(
      /explanation\.empathy: explain the expert level/,
    )
  })
})
