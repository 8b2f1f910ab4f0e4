import { z } from 'zod'
import { duplicatePromptIds, findPromptCycle, unreachablePromptIds } from './prompt-graph'

// Client-safe: the shape of an authored scenario (content/scenarios/<slug>.yaml) and the labels
// the UI shows for its enumerations. The loader lives in authored-scenarios.server.ts.

export const CHANNELS = {
  email: 'Email',
  chat: 'Live chat',
  phone: 'Phone call',
  social: 'Social media post',
  linkedin: 'LinkedIn message',
  'blog-comment': 'Blog comment',
  'contact-form': 'Contact form',
  sms: 'Text message',
} as const

export const MOODS = {
  frustrated: 'Frustrated',
  anxious: 'Anxious',
  angry: 'Angry',
  confused: 'Confused',
  disappointed: 'Disappointed',
  calm: 'Calm',
  hopeful: 'Hopeful',
  delighted: 'Delighted',
  impatient: 'Impatient',
} as const

/** The kinds of team a scenario suits; organisations name their own teams, these are the tags. */
export const TEAMS_TAGS = {
  support: 'Support',
  sales: 'Sales',
  engineering: 'Engineering',
  finance: 'Finance',
  marketing: 'Marketing',
} as const

export const DIFFICULTIES = {
  gentle: 'Gentle',
  moderate: 'Moderate',
  hard: 'Hard',
} as const

export type Channel = keyof typeof CHANNELS
export type Mood = keyof typeof MOODS
export type TeamTag = keyof typeof TEAMS_TAGS
export type Difficulty = keyof typeof DIFFICULTIES

/** Channels where a reply is public and short, so every reply prompt must set `maxLength`. */
export const SHORT_FORM_CHANNELS: ReadonlyArray<Channel> = ['social', 'sms']

function keysOf<T extends Record<string, string>>(record: T) {
  return Object.keys(record) as [keyof T & string, ...Array<keyof T & string>]
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const slug = (what: string) =>
  z.string().regex(slugPattern, `${what} must be lowercase words joined by hyphens`)
const text = z.string().trim().min(1, 'must not be empty')

export const conversationTurnSchema = z
  .object({
    role: z.enum(['customer', 'agent', 'note']),
    author: text.optional(),
    at: text.optional(),
    text,
  })
  .strict()

export const choiceOptionSchema = z
  .object({
    id: slug('option id'),
    label: text,
    next: slug('next prompt id').optional(),
    feedback: text,
  })
  .strict()

export const replyPromptSchema = z
  .object({
    id: slug('prompt id'),
    kind: z.literal('reply'),
    text,
    maxLength: z.number().int().positive().optional(),
    guidance: text.optional(),
    next: slug('next prompt id').optional(),
  })
  .strict()

export const choicePromptSchema = z
  .object({
    id: slug('prompt id'),
    kind: z.literal('choice'),
    text,
    guidance: text.optional(),
    options: z
      .array(choiceOptionSchema)
      .min(2, 'a choice needs at least two options')
      .superRefine((options, ctx) => {
        const seen = new Set<string>()
        options.forEach((option, index) => {
          if (seen.has(option.id)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'id'],
              message: `option id "${option.id}" is used twice`,
            })
          }
          seen.add(option.id)
        })
      }),
  })
  .strict()

export const promptSchema = z.discriminatedUnion('kind', [replyPromptSchema, choicePromptSchema])

export const scenarioSchema = z
  .object({
    title: text,
    summary: text,
    channel: z.enum(keysOf(CHANNELS)),
    subject: text.optional(),
    difficulty: z.enum(keysOf(DIFFICULTIES)),
    teams: z.array(z.enum(keysOf(TEAMS_TAGS))).min(1, 'name at least one team'),
    tags: z.array(slug('tag')).default([]),
    variant: z.object({ group: slug('variant group'), label: text }).strict().optional(),
    customer: z
      .object({ name: text, persona: text, mood: z.enum(keysOf(MOODS)) })
      .strict(),
    context: z.array(text).default([]),
    conversation: z.array(conversationTurnSchema).min(1, 'needs at least one turn'),
    prompts: z.array(promptSchema).min(1, 'needs at least one prompt'),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const { prompts } = scenario
    const ids = new Set(prompts.map((prompt) => prompt.id))

    for (const duplicate of duplicatePromptIds(prompts)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['prompts', prompts.findLastIndex((prompt) => prompt.id === duplicate), 'id'],
        message: `prompt id "${duplicate}" is used twice`,
      })
    }

    let brokenLink = false
    prompts.forEach((prompt, index) => {
      if (prompt.kind === 'reply') {
        if (prompt.next !== undefined && !ids.has(prompt.next)) {
          brokenLink = true
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['prompts', index, 'next'],
            message: `next points at "${prompt.next}", which is not a prompt of this scenario`,
          })
        }
        if (SHORT_FORM_CHANNELS.includes(scenario.channel) && prompt.maxLength === undefined) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['prompts', index, 'maxLength'],
            message: `a reply on the ${scenario.channel} channel needs a maxLength`,
          })
        }
        return
      }
      prompt.options.forEach((option, optionIndex) => {
        if (option.next !== undefined && !ids.has(option.next)) {
          brokenLink = true
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['prompts', index, 'options', optionIndex, 'next'],
            message: `next points at "${option.next}", which is not a prompt of this scenario`,
          })
        }
      })
    })

    const cycle = findPromptCycle(prompts)
    if (cycle) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['prompts'],
        message: `prompts form a cycle: ${cycle.join(' -> ')}`,
      })
    }

    // A broken link already explains why something may be unreachable; say it once.
    if (!brokenLink) {
      for (const id of unreachablePromptIds(prompts)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['prompts', prompts.findIndex((prompt) => prompt.id === id)],
          message: `prompt "${id}" cannot be reached from the first prompt "${prompts[0].id}"`,
        })
      }
    }
  })

export type ScenarioInput = z.input<typeof scenarioSchema>
export type Scenario = z.infer<typeof scenarioSchema>
export type ConversationTurn = z.infer<typeof conversationTurnSchema>
export type ScenarioPrompt = z.infer<typeof promptSchema>
export type ReplyPrompt = z.infer<typeof replyPromptSchema>
export type ChoicePrompt = z.infer<typeof choicePromptSchema>
export type ChoiceOption = z.infer<typeof choiceOptionSchema>

/** An authored scenario as loaded from content/scenarios/<slug>.yaml. */
export type AuthoredScenario = Scenario & { slug: string }
