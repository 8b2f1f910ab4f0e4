import { z } from 'zod'
import { slugSchema } from './lesson-frontmatter'

const lessonStep = z.object({ lesson: slugSchema }).strict()
const scenarioStep = z.object({ scenario: slugSchema }).strict()

export const pathSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    audience: z.string().trim().min(1),
    default: z.boolean().default(false),
    steps: z.array(z.union([lessonStep, scenarioStep])).min(1),
  })
  .strict()

export type PathFile = z.infer<typeof pathSchema>

/** One step of a path, in the shape the UI wants: what kind of thing, and which one. */
export type PathStep = { kind: 'lesson' | 'scenario'; slug: string }

export type LearningPath = {
  slug: string
  title: string
  summary: string
  audience: string
  default: boolean
  steps: PathStep[]
}

export function toLearningPath(slug: string, file: PathFile): LearningPath {
  return {
    slug,
    title: file.title,
    summary: file.summary,
    audience: file.audience,
    default: file.default,
    steps: file.steps.map((step) =>
      'lesson' in step ? { kind: 'lesson', slug: step.lesson } : { kind: 'scenario', slug: step.scenario },
    ),
  }
}
