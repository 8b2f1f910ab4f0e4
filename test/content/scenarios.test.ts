import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { formatIssues } from '~/content/yaml-content.server'
import {
  getAuthoredScenario,
  listAuthoredScenarios,
} from '~/scenarios/authored-scenarios.server'
import { isBranching, nextPromptId } from '~/scenarios/prompt-graph'
import { scenarioSchema, type ScenarioInput } from '~/scenarios/scenario-schema'

const contentDir = fileURLToPath(new URL('../../content', import.meta.url))
const scenariosDir = path.join(contentDir, 'scenarios')
const scenarioFiles = readdirSync(scenariosDir).filter((name) => name.endsWith('.yaml'))


describe('authored scenario files', () => {
  it.each(scenarioFiles)('%s matches the scenario schema', (file) => {
    const result = scenarioSchema.safeParse(
      parseYaml(readFileSync(path.join(scenariosDir, file), 'utf8')),
    )
    const problems = result.success ? '' : formatIssues(result.error)
    expect(problems, `content/scenarios/${file} is invalid:\n${problems}`).toBe('')
  })

  it('loads every file through the loader, keyed by file name', async () => {
    const scenarios = await listAuthoredScenarios({ contentDir })
    expect(scenarios.map((scenario) => `${scenario.slug}.yaml`).sort()).toEqual(
      [...scenarioFiles].sort(),
    )
    expect(scenarios.length).toBeGreaterThanOrEqual(16)
  })

  it('covers at least four channels and all three difficulties', async () => {
    const scenarios = await listAuthoredScenarios({ contentDir })
    expect(new Set(scenarios.map((scenario) => scenario.channel)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(scenarios.map((scenario) => scenario.difficulty))).toEqual(
      new Set(['gentle', 'moderate', 'hard']),
    )
  })

  it('has at least three variant groups of two or more, each about one customer', async () => {
    const scenarios = await listAuthoredScenarios({ contentDir })
    const groups = new Map<string, typeof scenarios>()
    for (const scenario of scenarios) {
      if (!scenario.variant) continue
      groups.set(scenario.variant.group, [...(groups.get(scenario.variant.group) ?? []), scenario])
    }
    const pairs = [...groups.values()].filter((members) => members.length >= 2)
    expect(pairs.length).toBeGreaterThanOrEqual(3)
    for (const members of groups.values()) {
      expect(members.length, `variant group ${members[0].variant!.group}`).toBeGreaterThanOrEqual(2)
      expect(new Set(members.map((member) => member.customer.name)).size).toBe(1)
      expect(new Set(members.map((member) => member.variant!.label)).size).toBe(members.length)
    }
  })

  it('has at least two branching scenarios', async () => {
    const branching = (await listAuthoredScenarios({ contentDir })).filter((scenario) =>
      isBranching(scenario.prompts),
    )
    expect(branching.map((scenario) => scenario.slug)).toEqual(
      expect.arrayContaining(['cancel-phone-contract', 'fourteen-security-questions']),
    )
  })

  it('has scenarios for engineering, finance and sales, not only support', async () => {
    const scenarios = await listAuthoredScenarios({ contentDir })
    for (const team of ['engineering', 'finance', 'sales'] as const) {
      expect(
        scenarios.filter((scenario) => scenario.teams.includes(team)).length,
        `scenarios for ${team}`,
      ).toBeGreaterThanOrEqual(2)
    }
  })

  it('keeps public replies on social and sms within a length limit', async () => {
    const scenarios = await listAuthoredScenarios({ contentDir })
    const short = scenarios.filter((s) => s.channel === 'social' || s.channel === 'sms')
    expect(short.length).toBeGreaterThanOrEqual(1)
    for (const scenario of short) {
      for (const prompt of scenario.prompts) {
        if (prompt.kind === 'reply') expect(prompt.maxLength, scenario.slug).toBeLessThanOrEqual(1000)
      }
    }
  })
})

describe('getAuthoredScenario', () => {
  it('returns one scenario by slug with its slug attached', async () => {
    const scenario = await getAuthoredScenario('bounced-sales-email', { contentDir })
    expect(scenario?.slug).toBe('bounced-sales-email')
    expect(scenario?.customer.name).toBe('Farah Qureshi')
  })

  it('returns null for an unknown slug and for anything that is not a slug', async () => {
    expect(await getAuthoredScenario('no-such-scenario', { contentDir })).toBeNull()
    expect(await getAuthoredScenario('../rubrics/warmth-empathy', { contentDir })).toBeNull()
    expect(await getAuthoredScenario('Bounced-Sales-Email', { contentDir })).toBeNull()
  })
})

describe('walking a branching scenario', () => {
  it('follows the option chosen to a different prompt, and ends where no next is given', async () => {
    const scenario = (await getAuthoredScenario('fourteen-security-questions', { contentDir }))!
    const first = scenario.prompts[0]
    expect(nextPromptId(first, 'use-what-we-know')).toBe('give-the-answer')
    expect(nextPromptId(first, 'finish-checklist')).toBe('after-more-questions')
    expect(nextPromptId(first, 'send-to-phone')).toBeNull()
    expect(() => nextPromptId(first, 'no-such-option')).toThrow(/no option "no-such-option"/)
  })
})

// ───────────────────────── schema rejections, on small hand-built objects ─────────────────────────

function validScenario(): ScenarioInput {
  return {
    title: 'A small test scenario',
    summary: 'Used to check that the schema rejects broken prompt graphs.',
    channel: 'email',
    difficulty: 'gentle',
    teams: ['support'],
    customer: { name: 'Test Customer', persona: 'Someone we invented for a test.', mood: 'calm' },
    conversation: [{ role: 'customer', text: 'Hello, can you help?' }],
    prompts: [
      {
        id: 'decide',
        kind: 'choice',
        text: 'What do you do?',
        options: [
          { id: 'a', label: 'Answer', next: 'reply', feedback: 'Good.' },
          { id: 'b', label: 'Ignore', feedback: 'Not good.' },
        ],
      },
      { id: 'reply', kind: 'reply', text: 'Write your reply.' },
    ],
  }
}

function issuesOf(input: unknown) {
  const result = scenarioSchema.safeParse(input)
  if (result.success) return []
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('scenario schema', () => {
  it('accepts the valid base object', () => {
    expect(issuesOf(validScenario())).toEqual([])
  })

  it('rejects a next that points at a prompt that does not exist', () => {
    const input = validScenario()
    const decide = input.prompts[0]
    if (decide.kind !== 'choice') throw new Error('fixture changed')
    decide.options[0].next = 'nowhere'
    expect(issuesOf(input)).toEqual([
      {
        path: 'prompts.0.options.0.next',
        message: 'next points at "nowhere", which is not a prompt of this scenario',
      },
    ])
  })

  it('rejects prompts that form a cycle', () => {
    const input = validScenario()
    input.prompts[1] = { id: 'reply', kind: 'reply', text: 'Write your reply.', next: 'decide' }
    expect(issuesOf(input)).toEqual([
      { path: 'prompts', message: 'prompts form a cycle: decide -> reply -> decide' },
    ])
  })

  it('rejects a prompt that cannot be reached from the first prompt', () => {
    const input = validScenario()
    input.prompts.push({ id: 'orphan', kind: 'reply', text: 'Nobody gets here.' })
    expect(issuesOf(input)).toEqual([
      { path: 'prompts.2', message: 'prompt "orphan" cannot be reached from the first prompt "decide"' },
    ])
  })

  it('rejects a reply on a social channel without maxLength, and accepts it with one', () => {
    const input = { ...validScenario(), channel: 'social' as const }
    expect(issuesOf(input)).toEqual([
      { path: 'prompts.1.maxLength', message: 'a reply on the social channel needs a maxLength' },
    ])
    input.prompts[1] = { id: 'reply', kind: 'reply', text: 'Write your reply.', maxLength: 280 }
    expect(issuesOf(input)).toEqual([])
  })

  it('rejects an sms reply without maxLength too', () => {
    expect(issuesOf({ ...validScenario(), channel: 'sms' })).toHaveLength(1)
  })

  it('rejects two prompts with the same id', () => {
    const input = validScenario()
    input.prompts.push({ id: 'reply', kind: 'reply', text: 'Again.' })
    expect(issuesOf(input)).toContainEqual({
      path: 'prompts.2.id',
      message: 'prompt id "reply" is used twice',
    })
  })

  it('rejects a misspelt field instead of silently dropping it', () => {
    const input = validScenario()
    input.prompts[1] = { ...input.prompts[1], maxlength: 280 } as never
    expect(issuesOf(input).map((issue) => issue.path)).toEqual(['prompts.1'])
  })

  it('rejects a scenario with no team, no conversation or an unknown mood', () => {
    expect(issuesOf({ ...validScenario(), teams: [] }).map((i) => i.path)).toEqual(['teams'])
    expect(issuesOf({ ...validScenario(), conversation: [] }).map((i) => i.path)).toEqual([
      'conversation',
    ])
    const moody = validScenario()
    moody.customer = { ...moody.customer, mood: 'furious' as never }
    expect(issuesOf(moody).map((i) => i.path)).toEqual(['customer.mood'])
  })
})

// ───────────────────────── the loader on a scratch content folder ─────────────────────────

describe('authored scenario loader', () => {
  let scratch: string | undefined
  afterEach(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true })
    scratch = undefined
  })

  async function scratchContent(files: Record<string, string>) {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'rapport-scenarios-'))
    await mkdir(path.join(scratch, 'scenarios'))
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(scratch, 'scenarios', name), text)
    }
    return scratch
  }

  const yamlOf = (value: unknown) => JSON.stringify(value, null, 2) // JSON is valid YAML

  it('names the invalid file and the field in its error', async () => {
    const broken = validScenario()
    broken.prompts[1] = { id: 'reply', kind: 'reply', text: 'Write.', next: 'missing' }
    const dir = await scratchContent({
      'fine.yaml': yamlOf(validScenario()),
      'broken-one.yaml': yamlOf(broken),
    })
    const error = await listAuthoredScenarios({ contentDir: dir }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain('broken-one.yaml')
    expect((error as Error).message).toContain('prompts[1].next')
    expect(await getAuthoredScenario('fine', { contentDir: dir })).not.toBeNull()
  })

  it('names the file when the YAML itself is malformed', async () => {
    const dir = await scratchContent({ 'bad-yaml.yaml': 'title: [unclosed\n' })
    await expect(getAuthoredScenario('bad-yaml', { contentDir: dir })).rejects.toThrow(
      /bad-yaml\.yaml is not valid YAML/,
    )
  })

  it('picks up an edited file on the next read', async () => {
    const dir = await scratchContent({ 'edited.yaml': yamlOf(validScenario()) })
    expect((await getAuthoredScenario('edited', { contentDir: dir }))?.title).toBe(
      'A small test scenario',
    )
    await writeFile(
      path.join(dir, 'scenarios', 'edited.yaml'),
      yamlOf({ ...validScenario(), title: 'A renamed scenario' }),
    )
    expect((await getAuthoredScenario('edited', { contentDir: dir }))?.title).toBe(
      'A renamed scenario',
    )
  })

  it('returns no scenarios when the folder does not exist', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rapport-empty-'))
    scratch = dir
    expect(await listAuthoredScenarios({ contentDir: dir })).toEqual([])
  })
})
