import { z } from 'zod'

// Client-safe: a calibration item (content/calibration/<id>.yaml) is a gold reply to a scenario
// prompt with an expert's level for every rubric criterion and the reason for each level. Reviewers
// score these first and compare their levels with the expert's before they review peers.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
const text = z.string().trim().min(1, 'must not be empty')

export const calibrationItemSchema = z
  .object({
    id: slug,
    scenario: slug,
    prompt: slug,
    reply: text,
    expert: z.record(slug, z.number().int().min(1).max(4)),
    explanation: z.record(slug, text),
  })
  .strict()
  .superRefine((item, ctx) => {
    const scored = Object.keys(item.expert)
    const explained = Object.keys(item.explanation)
    if (scored.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['expert'], message: 'score at least one criterion' })
    }
    for (const criterion of scored) {
      if (!explained.includes(criterion)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['explanation', criterion],
          message: `explain the expert level for "${criterion}"`,
        })
      }
    }
    for (const criterion of explained) {
      if (!scored.includes(criterion)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['expert', criterion],
          message: `"${criterion}" is explained but has no expert level`,
        })
      }
    }
  })

export type CalibrationItem = z.infer<typeof calibrationItemSchema>
