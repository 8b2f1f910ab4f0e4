// The content catalogue: every lesson (compiled), path, authored scenario, rubric and calibration
// item, validated together and frozen. The production server installs one at start and never
// touches content/ again; without one (development, tests, scripts) the loaders read the files,
// re-reading a file only when it changed.
import type { CalibrationItem } from '~/reviews/calibration-schema'
import type { Rubric } from '~/reviews/rubric-schema'
import type { AuthoredScenario } from '~/scenarios/scenario-schema'
import type { Lesson, LessonSummary } from '~/lessons/lesson-frontmatter'
import type { LearningPath } from '~/lessons/path-schema'

/** What the catalogue is made of, as plain data (this is what a build writes to content.json). */
export type CatalogueData = {
  /** SHA-256 over every file under content/: tells whether a stored catalogue is still current. */
  fingerprint: string
  /** Sorted by `order`, each with its compiled MDX. */
  lessons: readonly Lesson[]
  /** The default path first, then by title. */
  paths: readonly LearningPath[]
  /** Sorted by slug. */
  scenarios: readonly AuthoredScenario[]
  /** Every rubric file by id, with the SHA-256 of its text (its version key). */
  rubrics: readonly { id: string; hash: string; rubric: Rubric }[]
  /** Checked against the default rubric and the scenarios. Sorted by id. */
  calibration: readonly CalibrationItem[]
}

export type ContentCatalogue = {
  /** The content folder it was read from. */
  readonly dir: string
  readonly fingerprint: string
  readonly lessonSummaries: readonly LessonSummary[]
  readonly lessons: ReadonlyMap<string, Lesson>
  readonly paths: readonly LearningPath[]
  readonly pathsBySlug: ReadonlyMap<string, LearningPath>
  readonly defaultPath: LearningPath
  readonly scenarios: readonly AuthoredScenario[]
  readonly scenariosBySlug: ReadonlyMap<string, AuthoredScenario>
  readonly rubrics: ReadonlyMap<string, { readonly hash: string; readonly rubric: Rubric }>
  readonly calibration: readonly CalibrationItem[]
}

let installed: ContentCatalogue | null = null

/** From now on every content loader answers from `catalogue` (null: back to reading files). */
export function installContentCatalogue(catalogue: ContentCatalogue | null): void {
  installed = catalogue
}

/**
 * The installed catalogue, when it covers the folder asked for: callers that name another folder
 * (tests with fixtures) still read that folder.
 */
export function installedCatalogue(contentDir?: string): ContentCatalogue | null {
  if (!installed || (contentDir !== undefined && contentDir !== installed.dir)) return null
  return installed
}

/** Index and freeze catalogue data. Throws when the default path is not exactly one. */
export function toCatalogue(dir: string, data: CatalogueData): ContentCatalogue {
  deepFreeze(data)
  const defaults = data.paths.filter((p) => p.default)
  if (defaults.length !== 1) {
    throw new Error(`content/paths: exactly one path must have "default: true", found ${defaults.length}`)
  }
  return Object.freeze({
    dir,
    fingerprint: data.fingerprint,
    lessonSummaries: Object.freeze(data.lessons.map(({ code: _code, ...summary }) => Object.freeze(summary))),
    lessons: new Map(data.lessons.map((lesson) => [lesson.slug, lesson])),
    paths: data.paths,
    pathsBySlug: new Map(data.paths.map((p) => [p.slug, p])),
    defaultPath: defaults[0]!,
    scenarios: data.scenarios,
    scenariosBySlug: new Map(data.scenarios.map((s) => [s.slug, s])),
    rubrics: new Map(data.rubrics.map(({ id, hash, rubric }) => [id, Object.freeze({ hash, rubric })])),
    calibration: data.calibration,
  })
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const inner of Object.values(value)) deepFreeze(inner)
}
