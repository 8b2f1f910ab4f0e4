// Practice: a person works through a scenario as an attempt — replies to free-text prompts (kept as
// drafts until submitted, immutable afterwards) and choices at branching steps. Every function takes
// the acting person and only ever touches their own attempts, in their own organization.
import { and, asc, count, desc, eq, inArray, max } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { attempts, memberships, replies, replyDrafts, scenarios } from '#db/schema'
import { invariantResponse, notFound } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import { ensureRubricVersion } from '~/reviews/rubric-versions.server'
import type { ReviewRules } from '~/reviews/review-rules'
import { reviewRulesFor } from '~/org/settings.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { scenarioSchema, type AuthoredScenario, type ReplyPrompt } from '~/scenarios/scenario-schema'
import { currentPromptId, parseSteps, type AttemptStep } from './attempt-steps'
import { coachHints, type CoachHint } from './coach-hints'
import { normaliseReplyText } from './reply-text'
import { transactionWithRetry } from '~/reviews/transactions.server'

/** A reply longer than this is not a reply to a customer any more, whatever the channel. */
export const MAX_REPLY_LENGTH = 5000

export type PracticeScenario = AuthoredScenario

/** An authored scenario, or an approved imported one of the actor's organization. */
export async function findPracticeScenario(db: Db, actor: Actor, slug: string): Promise<PracticeScenario | null> {
  const authored = await getAuthoredScenario(slug)
  if (authored) return authored
  const [row] = await db
    .select({ document: scenarios.document })
    .from(scenarios)
    .where(and(eq(scenarios.organizationId, actor.organizationId), eq(scenarios.slug, slug), eq(scenarios.status, 'approved')))
  if (!row) return null
  const parsed = scenarioSchema.safeParse(row.document)
  return parsed.success ? { slug, ...parsed.data } : null
}

async function requireScenario(db: Db, actor: Actor, slug: string) {
  return (await findPracticeScenario(db, actor, slug)) ?? notFound(`There is no scenario “${slug}”.`)
}

export function hintContextOf(scenario: PracticeScenario) {
  return {
    channel: scenario.channel,
    customerName: scenario.customer.name,
    context: scenario.context,
    conversation: scenario.conversation.map((turn) => ({ role: turn.role, text: turn.text })),
  }
}

type AttemptRow = typeof attempts.$inferSelect

async function ownAttempt(db: Db, actor: Actor, attemptId: string, slug: string): Promise<AttemptRow> {
  const [row] = await db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.id, attemptId),
        eq(attempts.userId, actor.id),
        eq(attempts.organizationId, actor.organizationId),
        eq(attempts.scenarioSlug, slug),
      ),
    )
  return row ?? notFound('That attempt does not exist.')
}

async function latestAttempt(db: Db, actor: Actor, slug: string): Promise<AttemptRow | null> {
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.userId, actor.id), eq(attempts.organizationId, actor.organizationId), eq(attempts.scenarioSlug, slug)))
    .orderBy(desc(attempts.number))
    .limit(1)
  return row ?? null
}

/** Starts a new attempt at a scenario: attempt numbers count up per person and scenario. */
export async function startAttempt(db: Db, actor: Actor, slug: string, now = new Date()): Promise<AttemptRow> {
  await requireScenario(db, actor, slug)
  for (let tries = 0; ; tries++) {
    const [top] = await db
      .select({ n: max(attempts.number) })
      .from(attempts)
      .where(and(eq(attempts.userId, actor.id), eq(attempts.scenarioSlug, slug)))
    const [row] = await db
      .insert(attempts)
      .values({ organizationId: actor.organizationId, userId: actor.id, scenarioSlug: slug, number: (top?.n ?? 0) + 1, startedAt: now })
      .onConflictDoNothing()
      .returning()
    // Two tabs starting at once: the unique (user, scenario, number) lets one win; take the next number.
    if (row) return row
    if (tries > 3) throw new Error('Could not start an attempt')
  }
}

/** The attempt to work on: the latest one unless it is finished (then null: "Try again" starts one). */
async function openAttempt(db: Db, actor: Actor, slug: string, attemptId: string | undefined, now: Date) {
  if (attemptId) return ownAttempt(db, actor, attemptId, slug)
  return (await latestAttempt(db, actor, slug)) ?? startFirstAttempt(db, actor, slug, now)
}

/**
 * A first visit's attempt. The page saves a draft as the reply box loses focus, which is also when
 * "Submit" is clicked, so two requests may open it at once: both get the same attempt, number 1.
 */
async function startFirstAttempt(db: Db, actor: Actor, slug: string, now: Date): Promise<AttemptRow> {
  await requireScenario(db, actor, slug)
  const [row] = await db
    .insert(attempts)
    .values({ organizationId: actor.organizationId, userId: actor.id, scenarioSlug: slug, number: 1, startedAt: now })
    .onConflictDoNothing()
    .returning()
  if (row) return row
  const opened = await latestAttempt(db, actor, slug)
  if (!opened) throw new Error('The first attempt was neither made nor found')
  return opened
}

const draftSchema = z.object({
  slug: z.string().min(1),
  attemptId: z.string().uuid().optional(),
  promptId: z.string().min(1),
  text: z.string().max(MAX_REPLY_LENGTH * 2, 'That draft is far too long to keep.'),
})

export type PracticeResult<T> = { ok: true; value: T } | { ok: false; field: 'text' | 'form'; error: string }

/** Input a form could send but no page of ours does (a stale or hand-made form) is an answer, not a crash. */
function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): PracticeResult<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  if (issue?.path[0] === 'text') return { ok: false, field: 'text', error: issue.message }
  return { ok: false, field: 'form', error: 'That step did not match this scenario. Reload the page to see where you are.' }
}

function currentReplyPrompt(scenario: PracticeScenario, attempt: AttemptRow, promptId: string): PracticeResult<ReplyPrompt> {
  if (attempt.completedAt) return { ok: false, field: 'form', error: 'This attempt is finished. Start a new one to try again.' }
  const current = currentPromptId(scenario.prompts, parseSteps(attempt.steps))
  const prompt = scenario.prompts.find((p) => p.id === promptId)
  if (!prompt || prompt.kind !== 'reply') return { ok: false, field: 'form', error: 'That step does not take a written reply.' }
  if (current !== promptId) return { ok: false, field: 'form', error: 'That step is already answered. Reload the page to see where you are.' }
  return { ok: true, value: prompt }
}

/** Keeps what the person has typed so far (upsert per attempt and prompt); survives a reload. */
export async function saveDraft(db: Db, actor: Actor, input: z.input<typeof draftSchema>, now = new Date()) {
  const parsed = parseInput(draftSchema, input)
  if (!parsed.ok) return parsed
  const { slug, attemptId, promptId, text } = parsed.value
  const scenario = await requireScenario(db, actor, slug)
  const attempt = await openAttempt(db, actor, slug, attemptId, now)
  const prompt = currentReplyPrompt(scenario, attempt, promptId)
  if (!prompt.ok) return prompt
  await db
    .insert(replyDrafts)
    .values({ organizationId: actor.organizationId, attemptId: attempt.id, promptId, userId: actor.id, text, updatedAt: now })
    .onConflictDoUpdate({ target: [replyDrafts.attemptId, replyDrafts.promptId], set: { text, updatedAt: now } })
  return { ok: true as const, value: { attemptId: attempt.id, savedAt: now } }
}

/** The team a reply counts for on the dashboard: the author's first (home) team. */
async function homeTeamId(db: Db, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), eq(memberships.organizationId, actor.organizationId)))
    .orderBy(asc(memberships.createdAt), asc(memberships.teamId))
    .limit(1)
  return row?.teamId ?? null
}

const submitSchema = z.object({
  slug: z.string().min(1),
  attemptId: z.string().uuid().optional(),
  promptId: z.string().min(1),
  text: z.string(),
})

/**
 * Submits a reply: validated (not empty, within the prompt's length), coach hints computed and
 * stored, the rubric version recorded, the draft removed. A submitted reply never changes.
 */
export async function submitReply(
  db: Db,
  actor: Actor,
  input: z.input<typeof submitSchema>,
  options: { now?: Date; rules?: ReviewRules } = {},
): Promise<PracticeResult<{ replyId: string; attemptId: string; hints: CoachHint[]; nextPromptId: string | null }>> {
  const now = options.now ?? new Date()
  const rules = options.rules ?? (await reviewRulesFor(db, actor.organizationId))
  const parsed = parseInput(submitSchema, input)
  if (!parsed.ok) return parsed
  const { slug, attemptId, promptId, text: raw } = parsed.value
  const scenario = await requireScenario(db, actor, slug)
  const text = normaliseReplyText(raw)
  if (!text) return { ok: false, field: 'text', error: 'Write your reply before submitting it.' }

  const [rubric, teamId] = await Promise.all([ensureRubricVersion(db), homeTeamId(db, actor)])
  const attempt = await openAttempt(db, actor, slug, attemptId, now)

  return transactionWithRetry(db, async (tx) => {
    // Lock the attempt so a double click cannot submit the same step twice.
    const [locked] = await tx.select().from(attempts).where(eq(attempts.id, attempt.id)).for('update')
    const found = currentReplyPrompt(scenario, locked, promptId)
    if (!found.ok) return found
    const prompt = found.value
    const limit = Math.min(prompt.maxLength ?? MAX_REPLY_LENGTH, MAX_REPLY_LENGTH)
    if (text.length > limit) {
      return {
        ok: false as const,
        field: 'text' as const,
        error: `Keep it to ${limit} characters${prompt.maxLength ? ` on this channel` : ''}; it is ${text.length} now.`,
      }
    }
    const hints = coachHints(text, hintContextOf(scenario))
    const [reply] = await tx
      .insert(replies)
      .values({
        organizationId: actor.organizationId,
        userId: actor.id,
        teamId,
        attemptId: locked.id,
        scenarioSlug: slug,
        promptId,
        text,
        coachHints: hints,
        rubricVersionId: rubric.id,
        reviewsRequired: rules.reviewsPerReply,
        submittedAt: now,
      })
      .returning({ id: replies.id })
    const steps: AttemptStep[] = [...parseSteps(locked.steps), { promptId, replyId: reply.id, at: now.toISOString() }]
    const next = currentPromptId(scenario.prompts, steps)
    await tx
      .update(attempts)
      .set({ steps, completedAt: next === null ? now : null })
      .where(eq(attempts.id, locked.id))
    await tx.delete(replyDrafts).where(and(eq(replyDrafts.attemptId, locked.id), eq(replyDrafts.promptId, promptId)))
    return { ok: true as const, value: { replyId: reply.id, attemptId: locked.id, hints, nextPromptId: next } }
  })
}

const chooseSchema = z.object({
  slug: z.string().min(1),
  attemptId: z.string().uuid().optional(),
  promptId: z.string().min(1),
  optionId: z.string().min(1),
})

/** Records the option chosen at a choice step and returns where the scenario goes next. */
export async function chooseOption(db: Db, actor: Actor, input: z.input<typeof chooseSchema>, now = new Date()) {
  const parsed = parseInput(chooseSchema, input)
  if (!parsed.ok) return { ok: false as const, field: 'form' as const, error: parsed.error }
  const { slug, attemptId, promptId, optionId } = parsed.value
  const scenario = await requireScenario(db, actor, slug)
  const attempt = await openAttempt(db, actor, slug, attemptId, now)
  return transactionWithRetry(db, async (tx) => {
    const [locked] = await tx.select().from(attempts).where(eq(attempts.id, attempt.id)).for('update')
    if (locked.completedAt) return { ok: false as const, field: 'form' as const, error: 'This attempt is finished. Start a new one to try again.' }
    const steps = parseSteps(locked.steps)
    const prompt = scenario.prompts.find((p) => p.id === promptId)
    invariantResponse(prompt && prompt.kind === 'choice', 'That step is not a choice.')
    if (currentPromptId(scenario.prompts, steps) !== promptId) {
      return { ok: false as const, field: 'form' as const, error: 'That choice is already made. Reload the page to see where you are.' }
    }
    const option = prompt.options.find((o) => o.id === optionId)
    if (!option) return { ok: false as const, field: 'form' as const, error: 'Pick one of the options.' }
    const nextSteps: AttemptStep[] = [...steps, { promptId, optionId, at: now.toISOString() }]
    const next = currentPromptId(scenario.prompts, nextSteps)
    await tx.update(attempts).set({ steps: nextSteps, completedAt: next === null ? now : null }).where(eq(attempts.id, locked.id))
    return { ok: true as const, value: { attemptId: locked.id, nextPromptId: next, feedback: option.feedback } }
  })
}

type ReplySummary = {
  id: string
  promptId: string
  text: string
  submittedAt: Date
  reviewsDone: number
  reviewsRequired: number
  finalisedAt: Date | null
}

/** The actor's attempts at a scenario, newest first, each with its steps and submitted replies. */
/** How many replies the actor has submitted per scenario (for the library's "you replied" marker). */
export async function repliesPerScenario(db: Db, actor: Actor): Promise<Record<string, number>> {
  const rows = await db
    .select({ slug: replies.scenarioSlug, n: count() })
    .from(replies)
    .where(and(eq(replies.userId, actor.id), eq(replies.organizationId, actor.organizationId)))
    .groupBy(replies.scenarioSlug)
  return Object.fromEntries(rows.map((row) => [row.slug, row.n]))
}

export async function listAttempts(db: Db, actor: Actor, slug: string) {
  const rows = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.userId, actor.id), eq(attempts.organizationId, actor.organizationId), eq(attempts.scenarioSlug, slug)))
    .orderBy(desc(attempts.number))
  const ids = rows.map((row) => row.id)
  const replyRows: (ReplySummary & { attemptId: string | null })[] = ids.length
    ? await db
        .select({
          id: replies.id,
          attemptId: replies.attemptId,
          promptId: replies.promptId,
          text: replies.text,
          submittedAt: replies.submittedAt,
          reviewsDone: replies.reviewsDone,
          reviewsRequired: replies.reviewsRequired,
          finalisedAt: replies.finalisedAt,
        })
        .from(replies)
        .where(and(inArray(replies.attemptId, ids), eq(replies.userId, actor.id)))
        .orderBy(asc(replies.submittedAt))
    : []
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    steps: parseSteps(row.steps),
    replies: replyRows.filter((reply) => reply.attemptId === row.id),
  }))
}

/**
 * Everything the reply box needs for one scenario: the current attempt (its steps, the prompt to
 * answer now and its saved draft) and the earlier attempts.
 */
export async function loadPractice(db: Db, actor: Actor, slug: string) {
  const scenario = await requireScenario(db, actor, slug)
  const all = await listAttempts(db, actor, slug)
  const [current, ...earlier] = all
  let draft: { text: string; updatedAt: Date } | null = null
  let promptId: string | null = scenario.prompts[0]?.id ?? null
  if (current) {
    promptId = current.completedAt ? null : currentPromptId(scenario.prompts, current.steps)
    if (promptId) {
      const [row] = await db
        .select({ text: replyDrafts.text, updatedAt: replyDrafts.updatedAt })
        .from(replyDrafts)
        .where(and(eq(replyDrafts.attemptId, current.id), eq(replyDrafts.promptId, promptId), eq(replyDrafts.userId, actor.id)))
      draft = row ?? null
    }
  }
  return {
    slug,
    prompts: scenario.prompts,
    hintContext: hintContextOf(scenario),
    current: current ?? null,
    currentPromptId: promptId,
    draft,
    earlier,
  }
}

export type PracticeData = Awaited<ReturnType<typeof loadPractice>>
