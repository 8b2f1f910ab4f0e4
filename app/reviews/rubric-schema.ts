import { z } from 'zod'

// Client-safe: the shape of a rubric (content/rubrics/<id>.yaml). A rubric is data, so changing a
// descriptor or a weight is a reviewed content change, and its hash versions the reviews made with it.

export const RUBRIC_LEVELS = [1, 2, 3, 4] as const
export type RubricLevel = (typeof RUBRIC_LEVELS)[number]

/** Weights are decimals written by people; allow for floating-point rounding in their sum. */
export const WEIGHT_TOLERANCE = 1e-6

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
const text = z.string().trim().min(1, 'must not be empty')

export const rubricLevelSchema = z
  .object({
    level: z.number().int().min(1).max(4),
    label: text,
    descriptor: text,
  })
  .strict()

export const rubricCriterionSchema = z
  .object({
    id: slug,
    name: text,
    question: text,
    weight: z.number().positive('weights must be positive'),
    levels: z
      .array(rubricLevelSchema)
      .length(4, 'a criterion has exactly 4 levels')
      .superRefine((levels, ctx) => {
        levels.forEach((level, index) => {
          if (level.level !== index + 1) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'level'],
              message: `levels must be listed 1, 2, 3, 4; position ${index + 1} has level ${level.level}`,
            })
          }
        })
      }),
  })
  .strict()

export const rubricSchema = z
  .object({
    id: slug,
    version: z.number().int().positive(),
    title: text,
    description: text.optional(),
    criteria: z.array(rubricCriterionSchema).min(1, 'a rubric needs at least one criterion'),
  })
  .strict()
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>()
    rubric.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['criteria', index, 'id'],
          message: `criterion id "${criterion.id}" is used twice`,
        })
      }
      seen.add(criterion.id)
    })
    const total = rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['criteria'],
        message: `criterion weights must sum to 1, they sum to ${Number(total.toFixed(6))}`,
      })
    }
  })

export type Rubric = z.infer<typeof rubricSchema>
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>
export type RubricLevelDescriptor = z.infer<typeof rubricLevelSchema>
