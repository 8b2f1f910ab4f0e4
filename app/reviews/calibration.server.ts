import path from 'node:path'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { contentDir, displayPath, listYamlFiles, loadYamlFile } from '~/content/yaml-content.server'
import { calibrationItemSchema, type CalibrationItem } from './calibration-schema'
import { loadRubric, DEFAULT_RUBRIC_ID } from './rubric.server'
import { installedCatalogue } from '~/content/catalogue.server'

// Gold replies for reviewer calibration. Beyond the file's own shape, an item must match the
// rubric (a level and a reason for every criterion, nothing else) and point at a reply prompt of an
// authored scenario, so renaming a criterion or a scenario cannot leave calibration silently stale.

type Options = { contentDir?: string; rubricId?: string }

/** Every calibration item, sorted by id. Throws naming the first file that is invalid or stale. */
export async function listCalibrationItems(options?: Options): Promise<readonly CalibrationItem[]> {
  const catalogue = installedCatalogue(options?.contentDir)
  if (catalogue && (options?.rubricId ?? DEFAULT_RUBRIC_ID) === DEFAULT_RUBRIC_ID) return catalogue.calibration
  const dir = contentDir(options?.contentDir)
  const files = await listYamlFiles(path.join(dir, 'calibration'))
  const rubric = await loadRubric(options?.rubricId ?? DEFAULT_RUBRIC_ID, { contentDir: dir })
  const criteria = rubric.criteria.map((criterion) => criterion.id)

  return Promise.all(
    files.map(async (file) => {
      const { value: item } = await loadYamlFile(file, calibrationItemSchema)
      const problems: string[] = []

      const expectedId = path.basename(file, '.yaml')
      if (item.id !== expectedId) problems.push(`id "${item.id}" must match the file name "${expectedId}"`)

      const missing = criteria.filter((id) => !(id in item.expert))
      if (missing.length > 0) problems.push(`no expert level for ${missing.join(', ')}`)
      const unknown = Object.keys(item.expert).filter((id) => !criteria.includes(id))
      if (unknown.length > 0) problems.push(`${unknown.join(', ')} not in rubric "${rubric.id}"`)

      const scenario = await getAuthoredScenario(item.scenario, { contentDir: dir })
      const prompt = scenario?.prompts.find((candidate) => candidate.id === item.prompt)
      if (!scenario) problems.push(`scenario "${item.scenario}" does not exist`)
      else if (!prompt) problems.push(`scenario "${item.scenario}" has no prompt "${item.prompt}"`)
      else if (prompt.kind !== 'reply') problems.push(`prompt "${item.prompt}" is a choice, not a reply`)
      else if (prompt.maxLength !== undefined && item.reply.length > prompt.maxLength) {
        problems.push(`reply is ${item.reply.length} characters, over the prompt's ${prompt.maxLength}`)
      }

      if (problems.length > 0) {
        throw new Error(`${displayPath(file)} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
      }
      return item
    }),
  )
}
