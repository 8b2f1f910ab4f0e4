// One scenario library: authored scenarios (files in content/scenarios/) and the scenarios an
// organization imported and approved (table `scenarios`). Imported documents have the same shape
// as the YAML files and are validated with the same schema when saved and again when read.
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { scenarios } from '#db/schema'
import { isStaffLead } from '~/auth/guards.server'
import { notFound } from '~/http/responses.server'
import { logger } from '~/observability/logger.server'
import type { Actor } from '~/org/teams.server'
import { listAuthoredScenarios, getAuthoredScenario } from './authored-scenarios.server'
import { CHANNELS, DIFFICULTIES, MOODS, TEAMS_TAGS, scenarioSchema, type Scenario } from './scenario-schema'

export type ScenarioSource = 'authored' | 'imported'
export type LibraryStatus = 'approved' | 'draft' | 'rejected'

export type LibraryScenario = Scenario & { slug: string; source: ScenarioSource; status: LibraryStatus }

export interface VariantLink {
  slug: string
  title: string
  label: string
  mood: Scenario['customer']['mood']
  channel: Scenario['channel']
}

export interface ScenarioListItem {
  slug: string
  title: string
  summary: string
  channel: Scenario['channel']
  mood: Scenario['customer']['mood']
  difficulty: Scenario['difficulty']
  teams: Scenario['teams']
  customerName: string
  source: ScenarioSource
  variant: { label: string; others: VariantLink[] } | null
}

export type ScenarioDetail = LibraryScenario & { variants: VariantLink[] }

const keys = <T extends Record<string, string>>(record: T) => Object.keys(record) as [keyof T & string, ...Array<keyof T & string>]
const optionalEnum = <T extends Record<string, string>>(record: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(keys(record)).optional()).catch(undefined)

/** Library filters from a query string; an unknown value means "no filter" rather than an error. */
export const scenarioFiltersSchema = z.object({
  channel: optionalEnum(CHANNELS),
  mood: optionalEnum(MOODS),
  team: optionalEnum(TEAMS_TAGS),
  difficulty: optionalEnum(DIFFICULTIES),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
})
export type ScenarioFilters = z.infer<typeof scenarioFiltersSchema>

/** Rows of `scenarios` whose document no longer validates are left out (and logged by id only). */
function readDocument(row: { id: string; slug: string; status: LibraryStatus; document: unknown }): LibraryScenario | null {
  const parsed = scenarioSchema.safeParse(row.document)
  if (!parsed.success) {
    logger.warn({ scenarioId: row.id, paths: parsed.error.issues.map((issue) => issue.path.join('.')) }, 'imported scenario does not match the schema')
    return null
  }
  return { ...parsed.data, slug: row.slug, source: 'imported', status: row.status }
}

async function importedScenarios(db: Db, actor: Actor, statuses: LibraryStatus[]): Promise<LibraryScenario[]> {
  const rows = await db
    .select({ id: scenarios.id, slug: scenarios.slug, status: scenarios.status, document: scenarios.document })
    .from(scenarios)
    .where(and(eq(scenarios.organizationId, actor.organizationId), inArray(scenarios.status, statuses)))
  return rows.map(readDocument).filter((s): s is LibraryScenario => s !== null)
}

/** Every scenario the actor's organization can practise on: authored plus its approved imports. */
async function allScenarios(db: Db, actor: Actor): Promise<LibraryScenario[]> {
  const [authored, imported] = await Promise.all([listAuthoredScenarios(), importedScenarios(db, actor, ['approved'])])
  const authoredSlugs = new Set(authored.map((s) => s.slug))
  return [
    ...authored.map((s): LibraryScenario => ({ ...s, source: 'authored', status: 'approved' })),
    // An authored file always wins its slug (imports are given slugs that avoid them).
    ...imported.filter((s) => !authoredSlugs.has(s.slug)),
  ]
}

function variantLinks(all: readonly LibraryScenario[], scenario: Scenario & { slug: string }): VariantLink[] {
  if (!scenario.variant) return []
  return all
    .filter((other) => other.slug !== scenario.slug && other.variant?.group === scenario.variant!.group)
    .map((other) => ({
      slug: other.slug,
      title: other.title,
      label: other.variant!.label,
      mood: other.customer.mood,
      channel: other.channel,
    }))
}

function matches(scenario: LibraryScenario, filters: ScenarioFilters): boolean {
  if (filters.channel && scenario.channel !== filters.channel) return false
  if (filters.mood && scenario.customer.mood !== filters.mood) return false
  if (filters.team && !scenario.teams.includes(filters.team)) return false
  if (filters.difficulty && scenario.difficulty !== filters.difficulty) return false
  if (filters.q) {
    const needle = filters.q.toLowerCase()
    const haystack = [scenario.title, scenario.summary, scenario.customer.name, scenario.customer.persona, ...scenario.tags]
      .join('\n')
      .toLowerCase()
    if (!haystack.includes(needle)) return false
  }
  return true
}

/** The library for the actor, filtered and sorted by title. */
export async function listScenarios(db: Db, actor: Actor, filters: ScenarioFilters = {}): Promise<ScenarioListItem[]> {
  const all = await allScenarios(db, actor)
  return all
    .filter((scenario) => matches(scenario, filters))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((scenario) => ({
      slug: scenario.slug,
      title: scenario.title,
      summary: scenario.summary,
      channel: scenario.channel,
      mood: scenario.customer.mood,
      difficulty: scenario.difficulty,
      teams: scenario.teams,
      customerName: scenario.customer.name,
      source: scenario.source,
      variant: scenario.variant ? { label: scenario.variant.label, others: variantLinks(all, scenario) } : null,
    }))
}

/**
 * One scenario by slug: an authored file first, then the organization's approved import. Drafts
 * and rejected imports are visible only to the organization's managers and admins.
 */
export async function getScenario(db: Db, actor: Actor, slug: string): Promise<ScenarioDetail> {
  const authored = await getAuthoredScenario(slug)
  if (authored) {
    const all = await allScenarios(db, actor)
    return { ...authored, source: 'authored', status: 'approved', variants: variantLinks(all, authored) }
  }
  const statuses: LibraryStatus[] = isStaffLead(actor) ? ['approved', 'draft', 'rejected'] : ['approved']
  const [row] = await db
    .select({ id: scenarios.id, slug: scenarios.slug, status: scenarios.status, document: scenarios.document })
    .from(scenarios)
    .where(and(eq(scenarios.organizationId, actor.organizationId), eq(scenarios.slug, slug), inArray(scenarios.status, statuses)))
  const imported = row ? readDocument(row) : null
  if (!imported) notFound(`There is no scenario “${slug}” in your library.`)
  const all = imported.status === 'approved' ? await allScenarios(db, actor) : []
  return { ...imported, variants: variantLinks(all, imported) }
}
