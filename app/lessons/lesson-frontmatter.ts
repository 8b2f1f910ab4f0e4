import { z } from 'zod'

/** Lesson and scenario slugs: lowercase words joined by single hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
    minutes: z.number().int().min(3).max(10),
    tags: z.array(z.string().trim().min(1)),
    order: z.number().int().nonnegative(),
    practice: z.array(slugSchema).optional(),
  })
  .strict()

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>

/** What an index page needs: no compiled code. */
export type LessonSummary = LessonFrontmatter & {
  slug: string
  wordCount: number
}

/** One lesson ready to render. */
export type Lesson = LessonSummary & {
  code: string
}

/** "minutes: Expected number, received string; tags: Required" — one line, every problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
