import path from 'node:path'
import {
  contentDir,
  isMissingFile,
  listYamlFiles,
  loadYamlFile,
} from '~/content/yaml-content.server'
import { scenarioSchema, type AuthoredScenario } from './scenario-schema'
import { installedCatalogue } from '~/content/catalogue.server'

// Authored scenarios are files in content/scenarios/<slug>.yaml, reviewed like code. The file name
// is the slug, so URLs (/scenarios/:slug) and lesson links stay stable while the title changes.

type Options = { contentDir?: string }

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function scenariosDir(options?: Options) {
  return path.join(contentDir(options?.contentDir), 'scenarios')
}

async function loadScenarioFile(file: string): Promise<AuthoredScenario> {
  const slug = path.basename(file, '.yaml')
  if (!slugPattern.test(slug)) {
    throw new Error(
      `${file}: the file name must be a slug (lowercase words joined by hyphens), got "${slug}"`,
    )
  }
  const { value } = await loadYamlFile(file, scenarioSchema)
  return { slug, ...value }
}

/** Every authored scenario, sorted by slug. Throws naming the first invalid file. */
export async function listAuthoredScenarios(options?: Options): Promise<readonly AuthoredScenario[]> {
  const catalogue = installedCatalogue(options?.contentDir)
  if (catalogue) return catalogue.scenarios
  const files = await listYamlFiles(scenariosDir(options))
  return Promise.all(files.map(loadScenarioFile))
}

/** One authored scenario, or null when no file has that slug. */
export async function getAuthoredScenario(
  slug: string,
  options?: Options,
): Promise<AuthoredScenario | null> {
  const catalogue = installedCatalogue(options?.contentDir)
  if (catalogue) return catalogue.scenariosBySlug.get(slug) ?? null
  // The slug comes from a URL: anything that is not a plain slug cannot name a file of ours.
  if (!slugPattern.test(slug)) return null
  try {
    return await loadScenarioFile(path.join(scenariosDir(options), `${slug}.yaml`))
  } catch (error) {
    if (isMissingFile(error)) return null
    throw error
  }
}
