// Importing real conversations: preview (in memory), save as a draft (anonymised document only),
// and four-eyes approval. Authorization lives here, so a route that forgets a check leaks nothing.
import { aliasedTable, and, desc, eq, inArray, ne } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { scenarios, users } from '#db/schema'
import { assertRole } from '~/auth/guards.server'
import { forbidden, notFound } from '~/http/responses.server'
import { noticeDraftDecided, noticeDraftWaiting } from '~/notifications/draft-notices.server'
import { slugify, type Actor } from '~/org/teams.server'
import { AnonymiserLimitError } from '~/anonymiser/pool.server'
import { listAuthoredScenarios } from './authored-scenarios.server'
import {
  MAX_RAW_LENGTH,
  anonymiseConversation,
  anonymiseDetails,
  buildScenarioDocument,
  letOtherRequestsIn,
  type AnonymisedDetails,
  type ConversationPreview,
  type ImportCorrections,
  type ImportSource,
} from './import-anonymise.server'
import { CHANNELS, DIFFICULTIES, MOODS, TEAMS_TAGS, scenarioSchema, type Scenario } from './scenario-schema'

const STAFF_LEADS = ['admin', 'manager'] as const
const keys = <T extends Record<string, string>>(record: T) => Object.keys(record) as [keyof T & string, ...Array<keyof T & string>]

const optionalText = (max: number, what: string) => z.string().trim().max(max, `${what} must be at most ${max} characters`).default('')

/** What the importer writes about the scenario. Every free-text field is anonymised before saving. */
export const importDetailsSchema = z.object({
  title: z.string().trim().min(3, 'Give the scenario a title').max(120, 'Keep the title under 120 characters'),
  summary: optionalText(400, 'The summary'),
  subject: optionalText(200, 'The subject'),
  channel: z.enum(keys(CHANNELS), { errorMap: () => ({ message: 'Choose the channel' }) }),
  mood: z.enum(keys(MOODS), { errorMap: () => ({ message: 'Choose the customer’s mood' }) }),
  difficulty: z.enum(keys(DIFFICULTIES), { errorMap: () => ({ message: 'Choose a difficulty' }) }).default('moderate'),
  teams: z.array(z.enum(keys(TEAMS_TAGS))).min(1, 'Choose at least one team'),
  customerName: optionalText(80, 'The name'),
  persona: optionalText(600, 'The persona'),
  context: z
    .array(z.string().trim().max(400, 'Keep each line of context under 400 characters'))
    .max(20, 'At most 20 lines of context')
    .default([])
    .transform((lines) => lines.filter(Boolean)),
  prompt: optionalText(400, 'The prompt'),
})
export type ImportDetailsInput = z.input<typeof importDetailsSchema>

export interface ImportRequest {
  source: ImportSource
  corrections?: ImportCorrections
}

/** A refusal for size or load carries its HTTP status (413 too large, 503 busy or too slow). */
export type PreviewResult =
  | { ok: true; preview: ConversationPreview }
  | { ok: false; errors: Record<string, string>; status?: 413 | 503 }

/**
 * The names of everyone in the actor's organization: a pseudonym must never be one of them (the
 * demo customer must not become the admin).
 */
export async function organizationNames(db: Db, actor: Actor): Promise<string[]> {
  assertRole(actor, STAFF_LEADS)
  const rows = await db.select({ name: users.name }).from(users).where(eq(users.organizationId, actor.organizationId))
  return rows.map((row) => row.name)
}

/** Anonymises a conversation in memory (in a worker) for the importer to check. Nothing is stored. */
export async function previewImport(actor: Actor, { source, corrections }: ImportRequest): Promise<PreviewResult> {
  assertRole(actor, STAFF_LEADS)
  if (source.raw.length > MAX_RAW_LENGTH) {
    return { ok: false, errors: { raw: `That is more than ${MAX_RAW_LENGTH.toLocaleString('en')} characters; import a shorter part.` }, status: 413 }
  }
  if (!source.raw.trim()) return { ok: false, errors: { raw: 'Paste a conversation or upload a file.' } }
  let preview: ConversationPreview
  try {
    preview = await anonymiseConversation(source, corrections)
  } catch (error) {
    if (error instanceof AnonymiserLimitError) return { ok: false, errors: { raw: error.message }, status: error.status }
    throw error
  }
  if (preview.turns.length === 0) {
    return { ok: false, errors: { raw: preview.problems[0] ?? 'We could not find any messages in that text.' } }
  }
  return { ok: true, preview }
}

export type PreviewWithDetailsResult =
  | { ok: true; preview: ConversationPreview; detailReplacements: AnonymisedDetails['replacements'] }
  | { ok: false; errors: Record<string, string>; status?: 413 | 503 }

/** The preview page: the anonymised conversation and what the importer's own details will hide. */
export async function previewWithDetails(
  actor: Actor,
  request: ImportRequest,
  details: Parameters<typeof anonymiseDetails>[1],
): Promise<PreviewWithDetailsResult> {
  const result = await previewImport(actor, request)
  if (!result.ok) return result
  try {
    const { replacements } = await anonymiseDetails(result.preview, details, request.corrections)
    await letOtherRequestsIn()
    return { ok: true, preview: result.preview, detailReplacements: replacements }
  } catch (error) {
    if (error instanceof AnonymiserLimitError) return { ok: false, errors: { raw: error.message }, status: error.status }
    throw error
  }
}

export type DraftResult =
  | { ok: true; id: string; slug: string; document: Scenario }
  | { ok: false; errors: Record<string, string> }

function fieldErrorsOf(issues: z.ZodIssue[]) {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors
}

async function freeSlug(db: Db, organizationId: string, title: string): Promise<string> {
  const base = slugify(title) || 'imported-scenario'
  const [authored, taken] = await Promise.all([
    listAuthoredScenarios(),
    db.select({ slug: scenarios.slug }).from(scenarios).where(eq(scenarios.organizationId, organizationId)),
  ])
  const used = new Set([...authored.map((s) => s.slug), ...taken.map((s) => s.slug), 'import'])
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

/**
 * Anonymises the conversation and the importer's details, and stores ONLY the anonymised document
 * as a draft. The raw text and the original-to-pseudonym mapping end with this call.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  request: ImportRequest & { details: ImportDetailsInput | Record<string, unknown> },
): Promise<DraftResult> {
  assertRole(actor, STAFF_LEADS)
  const previewed = await previewImport(actor, request)
  const details = importDetailsSchema.safeParse(request.details)
  if (!previewed.ok || !details.success) {
    return { ok: false, errors: { ...(details.success ? {} : fieldErrorsOf(details.error.issues)), ...(previewed.ok ? {} : previewed.errors) } }
  }
  let anonymised: AnonymisedDetails
  try {
    anonymised = await anonymiseDetails(previewed.preview, details.data, request.corrections)
  } catch (error) {
    if (error instanceof AnonymiserLimitError) return { ok: false, errors: { form: error.message } }
    throw error
  }
  const parsed = scenarioSchema.safeParse(buildScenarioDocument(previewed.preview, details.data, anonymised))
  if (!parsed.success) {
    // Only paths and messages of our own, never values: the document is built from the import.
    return { ok: false, errors: { form: `The scenario could not be built (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}).` } }
  }
  const slug = await freeSlug(db, actor.organizationId, parsed.data.title)
  const [row] = await db
    .insert(scenarios)
    .values({ organizationId: actor.organizationId, slug, status: 'draft', document: parsed.data, createdById: actor.id })
    .returning({ id: scenarios.id, slug: scenarios.slug })
  await noticeDraftWaiting(db, actor, parsed.data.title)
  return { ok: true, id: row.id, slug: row.slug, document: parsed.data }
}

const creators = aliasedTable(users, 'creators')
const reviewers = aliasedTable(users, 'reviewers')

export interface DraftSummary {
  id: string
  slug: string
  createdAt: Date
  createdBy: { id: string | null; name: string }
  document: Scenario
  /** False for the person who imported it: four eyes on every real conversation. */
  canApprove: boolean
}

/** Drafts of the actor's organization waiting for approval, oldest first. */
export async function listDrafts(db: Db, actor: Actor): Promise<DraftSummary[]> {
  assertRole(actor, STAFF_LEADS)
  const rows = await db
    .select({
      id: scenarios.id,
      slug: scenarios.slug,
      createdAt: scenarios.createdAt,
      document: scenarios.document,
      createdById: scenarios.createdById,
      creatorName: creators.name,
    })
    .from(scenarios)
    .leftJoin(creators, eq(creators.id, scenarios.createdById))
    .where(and(eq(scenarios.organizationId, actor.organizationId), eq(scenarios.status, 'draft')))
    .orderBy(scenarios.createdAt)
  return rows.flatMap((row) => {
    const document = scenarioSchema.safeParse(row.document)
    if (!document.success) return []
    return [
      {
        id: row.id,
        slug: row.slug,
        createdAt: row.createdAt,
        createdBy: { id: row.createdById, name: row.creatorName ?? 'Someone who has left' },
        document: document.data,
        canApprove: row.createdById !== actor.id,
      },
    ]
  })
}

/** The latest decisions on imports, for the approval page. */
export async function listRecentDecisions(db: Db, actor: Actor, limit = 10) {
  assertRole(actor, STAFF_LEADS)
  const rows = await db
    .select({
      id: scenarios.id,
      slug: scenarios.slug,
      status: scenarios.status,
      document: scenarios.document,
      reviewedAt: scenarios.reviewedAt,
      reviewNote: scenarios.reviewNote,
      reviewerName: reviewers.name,
      creatorName: creators.name,
    })
    .from(scenarios)
    .leftJoin(reviewers, eq(reviewers.id, scenarios.reviewedById))
    .leftJoin(creators, eq(creators.id, scenarios.createdById))
    .where(and(eq(scenarios.organizationId, actor.organizationId), ne(scenarios.status, 'draft')))
    .orderBy(desc(scenarios.reviewedAt))
    .limit(limit)
  return rows.map(({ document, ...row }) => {
    const parsed = scenarioSchema.safeParse(document)
    return { ...row, title: parsed.success ? parsed.data.title : '(no longer valid)' }
  })
}

export const reviewNoteSchema = z.string().trim().max(1000, 'Keep the note under 1,000 characters')

async function draftOf(db: Db, actor: Actor, id: string) {
  const uuid = z.string().uuid().safeParse(id)
  if (!uuid.success) notFound('There is no such draft.')
  const [row] = await db
    .select({ id: scenarios.id, status: scenarios.status, createdById: scenarios.createdById })
    .from(scenarios)
    .where(and(eq(scenarios.id, uuid.data), eq(scenarios.organizationId, actor.organizationId)))
  if (!row) notFound('There is no such draft in your organization.')
  if (row.status !== 'draft') throw new Response('This draft has already been reviewed.', { status: 409 })
  return row
}

async function decide(db: Db, actor: Actor, id: string, status: 'approved' | 'rejected', note: string) {
  const [row] = await db
    .update(scenarios)
    .set({ status, reviewedById: actor.id, reviewedAt: new Date(), reviewNote: note || null, updatedAt: new Date() })
    .where(and(eq(scenarios.id, id), eq(scenarios.organizationId, actor.organizationId), inArray(scenarios.status, ['draft'])))
    .returning({ id: scenarios.id, slug: scenarios.slug, status: scenarios.status, createdById: scenarios.createdById, document: scenarios.document })
  // Someone else decided between our read and this write.
  if (!row) throw new Response('This draft has already been reviewed.', { status: 409 })
  await noticeDraftDecided(db, actor, { createdById: row.createdById, title: (row.document as Scenario).title, status, slug: row.slug })
  return { id: row.id, slug: row.slug, status: row.status }
}

/** Approves a draft into the organization's library. Never by the person who imported it. */
export async function approveDraft(db: Db, actor: Actor, id: string, note = '') {
  assertRole(actor, STAFF_LEADS)
  const draft = await draftOf(db, actor, id)
  if (draft.createdById === actor.id) forbidden('You imported this conversation, so someone else must approve it.')
  return decide(db, actor, id, 'approved', reviewNoteSchema.parse(note))
}

/**
 * Rejects a draft with a note saying why. The importer may reject (withdraw) their own draft:
 * four eyes guard what goes into the library, not what stays out.
 */
export async function rejectDraft(db: Db, actor: Actor, id: string, note: string) {
  assertRole(actor, STAFF_LEADS)
  await draftOf(db, actor, id)
  const parsed = reviewNoteSchema.min(3, 'Say briefly why, so the importer can fix it').safeParse(note)
  if (!parsed.success) return { ok: false as const, error: parsed.error.issues[0].message }
  return { ok: true as const, ...(await decide(db, actor, id, 'rejected', parsed.data)) }
}
