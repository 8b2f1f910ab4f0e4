// The content a company meets in its first hour: the calibration set and the demo's replies.
import { describe, expect, it } from 'vitest'
import { DEMO_PEOPLE } from '#db/seed.server'
import { bandOf, DEMO_REPLIES } from '~/demo/demo-replies'
import { calibrationRounds, calibrationSet } from '~/reviews/calibration-attempts.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'

describe('calibration gold replies', () => {
  it('are at least 15, across channels, moods and teams, each level explained', async () => {
    const [items, scenarios] = await Promise.all([listCalibrationItems(), listAuthoredScenarios()])
    expect(items.length).toBeGreaterThanOrEqual(15)
    const scenarioOf = (slug: string) => scenarios.find((s) => s.slug === slug)!
    const channels = new Set(items.map((item) => scenarioOf(item.scenario).channel))
    const moods = new Set(items.map((item) => scenarioOf(item.scenario).customer.mood))
    const teams = new Set(items.flatMap((item) => scenarioOf(item.scenario).teams))
    expect(channels.size).toBeGreaterThanOrEqual(6)
    expect(moods.size).toBeGreaterThanOrEqual(6)
    expect(teams.size).toBe(5)
    for (const item of items) {
      for (const reason of Object.values(item.explanation)) expect(reason.length, `${item.id}: a sentence per criterion`).toBeGreaterThan(40)
    }
  })

  it('never repeat a set, nor a reply, until every gold reply has been used', async () => {
    const items = await listCalibrationItems()
    const rounds = calibrationRounds(items.length)
    const sets = Array.from({ length: rounds }, (_, n) => calibrationSet(items, n).map((item) => item.id))
    expect(new Set(sets.map((set) => set.join('|'))).size).toBe(rounds)
    expect(new Set(sets.flat())).toEqual(new Set(items.map((item) => item.id)))
    // Three consecutive tries (the old set of six repeated on the third) share no reply.
    expect(new Set(sets.slice(0, 3).flat()).size).toBe(9)
    // After a full round the cycle starts over.
    expect(calibrationSet(items, rounds).map((item) => item.id)).toEqual(sets[0])
  })
})

describe('demo replies', () => {
  it('exist for every scenario at three levels and fit its first reply prompt', async () => {
    const scenarios = await listAuthoredScenarios()
    for (const scenario of scenarios) {
      const prompt = scenario.prompts.find((p) => p.kind === 'reply')
      if (!prompt) continue
      const written = DEMO_REPLIES[scenario.slug]
      expect(written, scenario.slug).toBeDefined()
      for (const band of ['weak', 'fair', 'strong'] as const) {
        expect(written[band].length, `${scenario.slug} ${band}`).toBeGreaterThan(60)
        if (prompt.kind === 'reply' && prompt.maxLength) expect(written[band].length, `${scenario.slug} ${band}`).toBeLessThanOrEqual(prompt.maxLength)
      }
      // Written for this customer: the strong reply speaks to them, not to a different scenario's customer.
      const others = scenarios.filter((s) => s.customer.name !== scenario.customer.name).map((s) => s.customer.name.split(' ')[0])
      for (const name of others) expect(written.strong, `${scenario.slug} mentions ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`))
    }
    expect(Object.keys(DEMO_REPLIES).sort()).toEqual(scenarios.map((s) => s.slug).sort())
  })

  it('choose the reply by the band its score falls in', () => {
    expect([20, 47.9, 48, 69.9, 70, 100].map(bandOf)).toEqual(['weak', 'weak', 'fair', 'fair', 'strong', 'strong'])
  })

  it('no scenario customer shares a first or last name with a demo staff member', async () => {
    const staff = new Set(DEMO_PEOPLE.flatMap(([name]) => name.split(' ')))
    for (const scenario of await listAuthoredScenarios()) {
      const names = [scenario.customer.name, ...scenario.conversation.map((turn) => turn.author ?? ''), ...scenario.context.flatMap((line) => /\bYou are (\w+)/.exec(line)?.[1] ?? [])].flatMap((n) => n.split(/[\s()]+/)).filter(Boolean)
      expect(names.filter((n) => staff.has(n)), scenario.slug).toEqual([])
    }
  })
})
