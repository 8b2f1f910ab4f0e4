import path from 'node:path'
import { contentDir, loadYamlFile } from '~/content/yaml-content.server'
import { rubricSchema, type Rubric } from './rubric-schema'
import { installedCatalogue } from '~/content/catalogue.server'

// The rubric peers score replies with. Its hash is stored beside each review so that scores made
// under different wordings or weights can be told apart later.

export const DEFAULT_RUBRIC_ID = 'warmth-empathy'

type Options = { contentDir?: string }

function rubricFile(id: string, options?: Options) {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Not a rubric id: "${id}"`)
  return path.join(contentDir(options?.contentDir), 'rubrics', `${id}.yaml`)
}

async function readRubric(id: string, options?: Options): Promise<{ value: Rubric; hash: string }> {
  const stored = installedCatalogue(options?.contentDir)?.rubrics.get(id)
  if (stored) return { value: stored.rubric, hash: stored.hash }
  const file = rubricFile(id, options)
  const loaded = await loadYamlFile(file, rubricSchema)
  if (loaded.value.id !== id) {
    throw new Error(`${file}: the rubric id "${loaded.value.id}" must match its file name "${id}"`)
  }
  return loaded
}

/** The validated rubric (default: warmth-empathy). Throws naming the file when it is invalid. */
export async function loadRubric(id = DEFAULT_RUBRIC_ID, options?: Options): Promise<Rubric> {
  return (await readRubric(id, options)).value
}

/** SHA-256 (hex) of the rubric file's content: changes whenever anyone edits the rubric. */
export async function rubricHash(id = DEFAULT_RUBRIC_ID, options?: Options): Promise<string> {
  return (await readRubric(id, options)).hash
}
