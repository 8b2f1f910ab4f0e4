import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { scenarioLabel } from './mdx-components'

/**
 * Titles of the authored scenarios that lessons and paths point to, by slug. A slug with no file
 * (yet) gets its humanised slug, so a lesson page never breaks over a missing scenario.
 */
export async function scenarioTitles(slugs: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(slugs)]
  const found = await Promise.all(unique.map((slug) => getAuthoredScenario(slug)))
  const titles: Record<string, string> = {}
  unique.forEach((slug, i) => {
    titles[slug] = found[i]?.title ?? scenarioLabel(slug)
  })
  return titles
}
