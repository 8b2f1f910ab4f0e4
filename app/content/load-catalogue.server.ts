// Reads content/ once into a catalogue. `npm run build` stores the result (lessons already compiled)
// beside the build; the production server loads that at start when content/ has not changed since,
// and otherwise reads and compiles content/ itself. Either way a broken file stops the start, naming it.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { listYamlFiles } from '~/content/yaml-content.server'
import { contentDir } from '~/lessons/content-dir.server'
import { getLesson, listLessons } from '~/lessons/lessons.server'
import { defaultPath, listPaths } from '~/lessons/paths.server'
import type { Lesson } from '~/lessons/lesson-frontmatter'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { loadRubric, rubricHash } from '~/reviews/rubric.server'
import { listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'
import {
  installContentCatalogue,
  installedCatalogue,
  toCatalogue,
  type CatalogueData,
} from './catalogue.server'

/** SHA-256 over the names and bytes of every file under `dir`. */
export function contentFingerprint(dir: string): string {
  const hash = createHash('sha256')
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort()
  for (const name of files) {
    hash.update(name.split(path.sep).join('/')).update('\0')
    hash.update(fs.readFileSync(path.join(dir, name))).update('\0')
  }
  return hash.digest('hex')
}

/** Read, validate and compile everything under content/ with the file loaders. */
export async function readCatalogueData(): Promise<CatalogueData> {
  const dir = contentDir()
  const fingerprint = contentFingerprint(dir)
  // The loaders answer from an installed catalogue; this must see the files.
  const previous = installedCatalogue()
  installContentCatalogue(null)
  try {
    const summaries = await listLessons()
    const lessons = await Promise.all(summaries.map(async ({ slug }) => (await getLesson(slug)) as Lesson))
    const options = { contentDir: dir }
    const rubricIds = (await listYamlFiles(path.join(dir, 'rubrics'))).map((file) => path.basename(file, '.yaml'))
    const [paths, scenarios, rubrics, calibration] = await Promise.all([
      listPaths(),
      listAuthoredScenarios(options),
      Promise.all(
        rubricIds.map(async (id) => ({
          id,
          hash: await rubricHash(id, options),
          rubric: await loadRubric(id, options),
        })),
      ),
      listCalibrationItems(options),
      defaultPath(), // throws unless exactly one path is the default
    ])
    checkPathSteps(paths, new Set(lessons.map((l) => l.slug)), new Set(scenarios.map((s) => s.slug)))
    return { fingerprint, lessons, paths, scenarios, rubrics, calibration }
  } finally {
    installContentCatalogue(previous)
  }
}

function checkPathSteps(paths: CatalogueData['paths'], lessons: Set<string>, scenarios: Set<string>) {
  for (const learningPath of paths) {
    for (const step of learningPath.steps) {
      const known = step.kind === 'lesson' ? lessons : scenarios
      if (!known.has(step.slug)) {
        throw new Error(`content/paths/${learningPath.slug}.yaml: step ${step.kind} "${step.slug}" does not exist`)
      }
    }
  }
}

/** At build time: store the catalogue of content/ as JSON (lessons compiled) in `file`. */
export async function writeContentCatalogue(file: string): Promise<{ lessons: number; bytes: number }> {
  const data = await readCatalogueData()
  const json = JSON.stringify(data)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, json)
  return { lessons: data.lessons.length, bytes: json.length }
}

export type ContentLoad = { from: 'build' | 'files'; lessons: number; scenarios: number; ms: number }

/**
 * At start in production: install the catalogue stored by the build when content/ is unchanged
 * since, otherwise read content/ now. Nothing reads content/ after this.
 */
export async function prepareContent(storedFile: string): Promise<ContentLoad> {
  const started = performance.now()
  const dir = contentDir()
  let data: CatalogueData | null = null
  if (fs.existsSync(storedFile)) {
    const stored = JSON.parse(fs.readFileSync(storedFile, 'utf8')) as CatalogueData
    if (stored.fingerprint === contentFingerprint(dir)) data = stored
  }
  const from = data ? 'build' : 'files'
  data ??= await readCatalogueData()
  installContentCatalogue(toCatalogue(dir, data))
  return { from, lessons: data.lessons.length, scenarios: data.scenarios.length, ms: Math.round(performance.now() - started) }
}

/** What the server build exports (from entry.server) so the server can load content into it. */
export type ContentEntry = { prepareContent: typeof prepareContent; writeContentCatalogue: typeof writeContentCatalogue }
