// Client-safe: the drill form's fields and their validation (dates are checked in the
// organization's time zone on the server).
import { z } from 'zod'

export const MAX_STEPS = 12

const uuidList = z.array(z.string().uuid()).default([])

export const stepRefSchema = z
  .string()
  .regex(/^(scenario|lesson):[a-z0-9][a-z0-9-]{0,99}$/, 'Pick steps from the list.')
  .transform((value) => {
    const [kind, slug] = value.split(':') as ['scenario' | 'lesson', string]
    return { kind, slug }
  })

export const drillFormSchema = z.object({
  title: z.string().trim().min(3, 'Give the drill a title of at least 3 characters.').max(120, 'Keep the title under 120 characters.'),
  note: z.string().trim().max(1000, 'Keep the note under 1,000 characters.').default(''),
  steps: z.array(stepRefSchema).min(1, 'Pick at least one scenario or lesson.').max(MAX_STEPS, `A drill has at most ${MAX_STEPS} steps.`),
  teamIds: uuidList,
  personIds: uuidList,
  excludedIds: uuidList,
  opensDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the opening date.'),
  opensTime: z.string().regex(/^\d{2}:\d{2}$/, 'Enter the opening time.'),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the due date.'),
  dueTime: z.string().regex(/^\d{2}:\d{2}$/, 'Enter the due time.'),
  recurrence: z.enum(['none', 'weekly', 'monthly'], { message: 'Choose how often it repeats.' }).default('none'),
  joinerGraceDays: z.coerce
    .number({ message: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'Give joiners at least 1 day.')
    .max(60, 'Give joiners at most 60 days.')
    .default(7),
})
export type DrillFormInput = z.input<typeof drillFormSchema>

export const drillEditSchema = z.object({
  title: drillFormSchema.shape.title,
  note: drillFormSchema.shape.note,
  dueDate: drillFormSchema.shape.dueDate,
  dueTime: drillFormSchema.shape.dueTime,
  joinerGraceDays: drillFormSchema.shape.joinerGraceDays,
  removeStepIds: uuidList,
  addSteps: z.array(stepRefSchema).max(MAX_STEPS, `A drill has at most ${MAX_STEPS} steps.`).default([]),
  // The audience fields count only when the form says it sends them (unticking every box is an answer).
  editAudience: z.literal('1').optional(),
  teamIds: uuidList,
  personIds: uuidList,
  excludedIds: uuidList,
})
export type DrillEditInput = z.input<typeof drillEditSchema>

/** The edit form's data as the plain object drillEditSchema reads. */
export function drillEditValues(form: FormData) {
  const one = (name: string) => String(form.get(name) ?? '')
  const many = (name: string) => form.getAll(name).map(String).filter(Boolean)
  return {
    title: one('title'),
    note: one('note'),
    dueDate: one('dueDate'),
    dueTime: one('dueTime'),
    joinerGraceDays: one('joinerGraceDays'),
    removeStepIds: many('removeStepIds'),
    addSteps: many('addSteps'),
    editAudience: form.get('editAudience') === '1' ? ('1' as const) : undefined,
    teamIds: many('teamIds'),
    personIds: many('personIds'),
    excludedIds: many('excludedIds'),
  }
}
export type DrillEditValues = ReturnType<typeof drillEditValues>

/** Form data (with repeated fields) as the plain object the schemas read. */
export function drillFormValues(form: FormData) {
  const one = (name: string) => String(form.get(name) ?? '')
  return {
    title: one('title'),
    note: one('note'),
    steps: form.getAll('steps').map(String).filter(Boolean),
    teamIds: form.getAll('teamIds').map(String).filter(Boolean),
    personIds: form.getAll('personIds').map(String).filter(Boolean),
    excludedIds: form.getAll('excludedIds').map(String).filter(Boolean),
    opensDate: one('opensDate'),
    opensTime: one('opensTime'),
    dueDate: one('dueDate'),
    dueTime: one('dueTime'),
    recurrence: one('recurrence') || 'none',
    joinerGraceDays: one('joinerGraceDays') || '7',
  }
}
export type DrillFormValues = ReturnType<typeof drillFormValues>
