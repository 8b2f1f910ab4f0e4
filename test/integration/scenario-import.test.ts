import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { ActionFunctionArgs } from '@remix-run/node'
import { logger } from '~/observability/logger.server'
import { action as importAction } from '~/routes/scenarios.import'
import { createOrgWithPeople, createUser } from '../../db/factories'
import { scenarios } from '../../db/schema'
import { listAuthoredScenarios } from '~/scenarios/authored-scenarios.server'
import { approveDraft, createDraft, listDrafts, organizationNames, rejectDraft, previewImport } from '~/scenarios/imports.server'
import { anonymiseOffThread, AnonymiserLimitError, MAX_ANONYMISE_CHARS } from '~/anonymiser/pool.server'
import { getScenario, listScenarios } from '~/scenarios/library.server'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let a: Awaited<ReturnType<typeof createOrgWithPeople>>
let b: Awaited<ReturnType<typeof createOrgWithPeople>>
let secondManager: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  database = await createTestDatabase()
  a = await createOrgWithPeople(database.db, 'Org A')
  b = await createOrgWithPeople(database.db, 'Org B')
  secondManager = await createUser(database.db, a.org.id, { role: 'manager', name: 'Noa Second' })
})

// A conversation full of personal data: names, e-mail, phone, card, IBAN, address, order numbers.
const CONVERSATION = `Dana Whitfield: Hi, I'm Dana Whitfield. My order 48213377 never arrived and I was charged twice.
Tom (Agent): Thanks for contacting us, I'm Tom. I'm sorry, Dana. Could you confirm your email and phone?
Dana Whitfield: dana.whitfield@gmail.com and +44 7700 900123. I paid with card 4111 1111 1111 1111.
For the refund please use IBAN GB82 WEST 1234 5698 7654 32.
I live at 14 Elm Road, Bristol BS1 4DJ, and my neighbour Gregory Pallister took in a parcel for order 48213377 last week.
Tom (Agent): Thank you Dana. I've found order 48213377 and will refund the second charge today.`

const ORIGINALS = [
  'Dana',
  'Whitfield',
  'Gregory',
  'Pallister',
  '48213377',
  'dana.whitfield@gmail.com',
  '7700 900123',
  '4111 1111 1111 1111',
  'GB82 WEST 1234 5698 7654 32',
  'GB82WEST',
  '14 Elm Road',
  'Bristol',
  'BS1 4DJ',
]

const details = (overrides: Record<string, unknown> = {}) => ({
  title: 'Dana Whitfield charged twice for order 48213377',
  summary: 'Dana from Bristol was charged twice and the parcel never came.',
  subject: 'Refund for order 48213377 (dana.whitfield@gmail.com)',
  channel: 'email',
  mood: 'frustrated',
  difficulty: 'moderate',
  teams: ['support', 'finance'],
  customerName: '',
  persona: 'Dana Whitfield lives at 14 Elm Road and calls from +44 7700 900123.',
  context: ['Order 48213377 was paid twice with card 4111 1111 1111 1111.', 'Gregory Pallister signed for an earlier parcel.'],
  prompt: 'Write your reply to Dana.',
  ...overrides,
})

async function everyTablesText(): Promise<string[]> {
  const tables = await database.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  )
  expect(tables.map((t) => t.table_name)).toContain('scenarios')
  const rows: string[] = []
  for (const { table_schema, table_name } of tables) {
    const found = await database.query<{ row: string }>(`select row_to_json(t)::text as row from "${table_schema}"."${table_name}" t`)
    rows.push(...found.map((r) => r.row))
  }
  return rows
}

describe('importing a conversation', () => {
  it('stores only the anonymised document: no original value is in any table', async () => {
    const saved = await createDraft(database.db, a.manager, { source: { format: 'text', raw: CONVERSATION }, details: details() })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return

    const rows = await everyTablesText()
    const scenarioRows = rows.filter((row) => row.includes(saved.id))
    expect(scenarioRows).toHaveLength(1)
    for (const original of ORIGINALS) {
      const hits = rows.filter((row) => row.toLowerCase().includes(original.toLowerCase()))
      expect(hits, `"${original}" found in a table`).toEqual([])
    }

    // The draft is still a usable scenario: same shape, the agent is "Agent", pseudonyms are consistent.
    const doc = saved.document
    expect(doc.channel).toBe('email')
    expect(doc.conversation).toHaveLength(4)
    expect(doc.conversation.filter((t) => t.role === 'agent').every((t) => t.author === 'Agent')).toBe(true)
    const customerAuthors = new Set(doc.conversation.filter((t) => t.role === 'customer').map((t) => t.author))
    expect(customerAuthors.size).toBe(1)
    const [pseudonym] = [...customerAuthors] as string[]
    expect(doc.title).toContain(pseudonym)
    expect(doc.conversation[0].text).toContain(pseudonym)
    expect(doc.customer.name).toBe(pseudonym)
    expect(doc.conversation[2].text).toContain('[card]')
    expect(doc.conversation[2].text).toContain('[iban]')
  })

  it('applies the importer’s corrections: an ignored value stays, a marked value is replaced everywhere', async () => {
    const raw = 'Customer: My Sunrise Deluxe kettle broke. My husband bigdog bought it in Leeds.\nAgent: Sorry to hear that! Was bigdog the one who ordered it?'
    const plain = await previewImport(a.manager, { source: { format: 'text', raw } })
    expect(plain.ok).toBe(true)
    if (!plain.ok) return
    const text = (p: typeof plain.preview) => p.turns.map((t) => t.pieces.map((x) => x.text).join('')).join('\n')
    expect(text(plain.preview)).toContain('bigdog')
    expect(text(plain.preview)).not.toContain('Leeds')

    const corrected = await previewImport(a.manager, {
      source: { format: 'text', raw },
      corrections: { ignore: ['Leeds'], extra: [{ text: 'bigdog', label: 'name' }] },
    })
    if (!corrected.ok) throw new Error('preview failed')
    expect(text(corrected.preview)).toContain('Leeds')
    expect(text(corrected.preview)).not.toMatch(/bigdog/i)
    const bigdog = corrected.preview.replacements.find((r) => r.original === 'bigdog')
    expect(bigdog).toMatchObject({ label: 'name', count: 2 })
  })

  it('reads JSON Lines in both shapes and reports bad lines without quoting them', async () => {
    const raw = [
      JSON.stringify({ speaker: 'customer', text: 'I need to return the jeans, order 3348917502.' }),
      '{not json: Crystal Minh}',
      JSON.stringify({ role: 'agent', author: 'Sam', text: 'Happy to help. What is your username?' }),
      JSON.stringify({ speaker: 'action', text: 'Account has been pulled up for Crystal Minh.' }),
    ].join('\n')
    const result = await previewImport(a.admin, { source: { format: 'jsonl', raw } })
    if (!result.ok) throw new Error('preview failed')
    expect(result.preview.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'note'])
    expect(result.preview.problems).toEqual(['Line 2 is not valid JSON and was skipped.'])
    const shown = result.preview.turns.map((t) => [...(t.speaker ?? []), ...t.pieces].map((p) => p.text).join('')).join('\n')
    expect(shown).not.toContain('3348917502')
    expect(shown).not.toContain('Crystal Minh')
    // The agent's own name, undetected by the NLP, goes too: speaker labels are names.
    expect(shown).not.toMatch(/\bSam\b/)
    expect(result.preview.speakers.map((s) => s.label)).toEqual(['customer', 'Agent', 'action'])
  })

  it('refuses members and validates the details with field errors', async () => {
    await expect(createDraft(database.db, a.member, { source: { format: 'text', raw: CONVERSATION }, details: details() })).rejects.toMatchObject({ status: 403 })
    await expect(previewImport(a.member, { source: { format: "text", raw: CONVERSATION } })).rejects.toMatchObject({ status: 403 })
    const missing = await createDraft(database.db, a.manager, {
      source: { format: 'text', raw: CONVERSATION },
      details: details({ title: '', mood: '', teams: [] }),
    })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(Object.keys(missing.errors).sort()).toEqual(['mood', 'teams', 'title'])
    const empty = await createDraft(database.db, a.manager, { source: { format: 'text', raw: '   ' }, details: details() })
    expect(empty).toMatchObject({ ok: false, errors: { raw: expect.any(String) } })
  })
})

describe('anonymising an import', () => {
  it('never hands out the name of someone in the importing organization as a pseudonym', async () => {
    // the organization's own people are called like the first pseudonyms on the list
    await createUser(database.db, a.org.id, { role: 'member', name: 'Alex Morgan' })
    await createUser(database.db, a.org.id, { role: 'member', name: 'Sam Ellis' })
    const reservedNames = await organizationNames(database.db, a.manager)
    expect(reservedNames).toEqual(expect.arrayContaining(['Alex Morgan', 'Sam Ellis']))
    const result = await previewImport(a.manager, { source: { format: 'text', raw: CONVERSATION }, corrections: { reservedNames } })
    if (!result.ok) throw new Error('preview failed')
    const words = new Set(reservedNames.join(' ').toLowerCase().split(/\s+/))
    for (const r of result.preview.replacements) {
      for (const word of r.replacement.toLowerCase().split(/[^\p{L}]+/u)) expect(words.has(word), r.replacement).toBe(false)
    }
  })

  it('writes the prompt to the anonymised customer when the speakers are only "Customer" and "Agent"', async () => {
    const raw = 'Customer: Hello, my name is Ingrid Solberg and the heat pump is grinding.\nAgent: Sorry to hear that, Ingrid. When did it start?'
    const saved = await createDraft(database.db, a.manager, { source: { format: 'text', raw }, details: details({ title: 'A grinding heat pump', prompt: '', customerName: '' }) })
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors))
    const customer = saved.document.customer.name
    expect(customer).not.toBe('The customer')
    expect(customer).not.toMatch(/Ingrid|Solberg/)
    expect(saved.document.prompts[0].text).toBe(`Write your reply to ${customer}.`)
  })

  it('refuses a text over the size limit with a message that can be shown', async () => {
    await expect(anonymiseOffThread('x'.repeat(MAX_ANONYMISE_CHARS + 1))).rejects.toBeInstanceOf(AnonymiserLimitError)
    await expect(anonymiseOffThread('x'.repeat(MAX_ANONYMISE_CHARS + 1))).rejects.toThrow(/too long to anonymise at once/)
  })
})

describe('four eyes on every imported conversation', () => {
  async function draft(title: string, by = a.manager, overrides: Record<string, unknown> = {}) {
    const saved = await createDraft(database.db, by, { source: { format: 'text', raw: CONVERSATION }, details: details({ title, ...overrides }) })
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors))
    return saved
  }

  it('never lets the importer approve their own draft', async () => {
    const mine = await draft('Own draft')
    await expect(approveDraft(database.db, a.manager, mine.id)).rejects.toMatchObject({ status: 403 })
    const listed = (await listDrafts(database.db, a.manager)).find((d) => d.id === mine.id)
    expect(listed).toMatchObject({ canApprove: false, createdBy: { id: a.manager.id, name: 'Mo Manager' } })
    expect((await listDrafts(database.db, secondManager)).find((d) => d.id === mine.id)?.canApprove).toBe(true)
  })

  it('lets another manager or an admin approve, once', async () => {
    const first = await draft('Approved by a second manager')
    await expect(approveDraft(database.db, secondManager, first.id, 'Reads well, nothing identifying.')).resolves.toMatchObject({ status: 'approved' })
    await expect(approveDraft(database.db, a.admin, first.id)).rejects.toMatchObject({ status: 409 })
    const second = await draft('Approved by an admin')
    await expect(approveDraft(database.db, a.admin, second.id)).resolves.toMatchObject({ status: 'approved' })
    expect((await listDrafts(database.db, a.admin)).map((d) => d.id)).not.toContain(second.id)
  })

  it('refuses members, and hides drafts from other organizations', async () => {
    const mine = await draft('Not for members')
    await expect(approveDraft(database.db, a.member, mine.id)).rejects.toMatchObject({ status: 403 })
    await expect(rejectDraft(database.db, a.member, mine.id, 'no')).rejects.toMatchObject({ status: 403 })
    await expect(listDrafts(database.db, a.member)).rejects.toMatchObject({ status: 403 })
    expect((await listDrafts(database.db, b.admin)).map((d) => d.id)).not.toContain(mine.id)
    await expect(approveDraft(database.db, b.admin, mine.id)).rejects.toMatchObject({ status: 404 })
    await expect(rejectDraft(database.db, b.manager, mine.id, 'Not ours')).rejects.toMatchObject({ status: 404 })
    await expect(getScenario(database.db, b.admin, mine.slug)).rejects.toMatchObject({ status: 404 })
  })

  it('rejects with a note, and lets the importer withdraw their own draft', async () => {
    const other = await draft('Rejected by an admin')
    expect(await rejectDraft(database.db, a.admin, other.id, '')).toMatchObject({ ok: false })
    expect(await rejectDraft(database.db, a.admin, other.id, 'A street name is still in line 4.')).toMatchObject({ ok: true, status: 'rejected' })
    const withdrawn = await draft('Withdrawn by its importer')
    expect(await rejectDraft(database.db, a.manager, withdrawn.id, 'Wrong conversation.')).toMatchObject({ ok: true, status: 'rejected' })
    await expect(approveDraft(database.db, a.admin, withdrawn.id)).rejects.toMatchObject({ status: 409 })
  })
})

describe('the library', () => {
  it('shows an imported scenario only once approved, and only to its organization', async () => {
    const saved = await createDraft(database.db, a.admin, {
      source: { format: 'text', raw: CONVERSATION },
      details: details({ title: 'A double charge on a lost parcel', channel: 'chat', mood: 'anxious', difficulty: 'hard', teams: ['finance'] }),
    })
    if (!saved.ok) throw new Error('not saved')
    const slugsFor = async (actor: typeof a.member) => (await listScenarios(database.db, actor)).map((s) => s.slug)

    expect(await slugsFor(a.member)).not.toContain(saved.slug)
    expect(await slugsFor(a.manager)).not.toContain(saved.slug)
    await expect(getScenario(database.db, a.member, saved.slug)).rejects.toMatchObject({ status: 404 })
    await expect(getScenario(database.db, a.manager, saved.slug)).resolves.toMatchObject({ status: 'draft', source: 'imported' })

    await approveDraft(database.db, a.manager, saved.id)
    expect(await slugsFor(a.member)).toContain(saved.slug)
    await expect(getScenario(database.db, a.member, saved.slug)).resolves.toMatchObject({ status: 'approved', title: 'A double charge on a lost parcel' })
    expect(await slugsFor(b.member)).not.toContain(saved.slug)
    await expect(getScenario(database.db, b.member, saved.slug)).rejects.toMatchObject({ status: 404 })

    const filtered = await listScenarios(database.db, a.member, { channel: 'chat', mood: 'anxious', team: 'finance', difficulty: 'hard' })
    expect(filtered.map((s) => s.slug)).toEqual([saved.slug])
    expect(filtered[0]).toMatchObject({ source: 'imported', channel: 'chat', mood: 'anxious', difficulty: 'hard', teams: ['finance'] })
  })

  it('lists every authored scenario and filters by channel, mood, team, difficulty and words', async () => {
    const authored = await listAuthoredScenarios()
    const all = await listScenarios(database.db, b.member)
    expect(all.length).toBeGreaterThanOrEqual(16)
    expect(all.map((s) => s.slug).sort()).toEqual(authored.map((s) => s.slug).sort())

    const emails = await listScenarios(database.db, b.member, { channel: 'email' })
    expect(emails.length).toBe(authored.filter((s) => s.channel === 'email').length)
    expect(emails.every((s) => s.channel === 'email')).toBe(true)

    const angry = await listScenarios(database.db, b.member, { mood: 'angry' })
    expect(angry.map((s) => s.slug).sort()).toEqual(authored.filter((s) => s.customer.mood === 'angry').map((s) => s.slug).sort())

    const engineering = await listScenarios(database.db, b.member, { team: 'engineering', difficulty: 'hard' })
    expect(engineering.length).toBeGreaterThan(0)
    expect(engineering.every((s) => s.teams.includes('engineering') && s.difficulty === 'hard')).toBe(true)

    const words = await listScenarios(database.db, b.member, { q: 'READ A BALANCE' })
    expect(words.map((s) => s.slug)).toContain('fourteen-security-questions')
    expect(words.length).toBeLessThan(all.length)
  })

  it('links variants of the same customer and leaves out imported rows that no longer validate', async () => {
    const calm = await getScenario(database.db, a.member, 'refund-delayed-calm')
    expect(calm.variants.map((v) => v.slug)).toEqual(['refund-delayed-angry'])
    const card = (await listScenarios(database.db, a.member)).find((s) => s.slug === 'refund-delayed-angry')
    expect(card?.variant?.others.map((o) => o.slug)).toEqual(['refund-delayed-calm'])

    await database.db.insert(scenarios).values({ organizationId: a.org.id, slug: 'broken-import', status: 'approved', document: { title: 'No conversation' } })
    expect((await listScenarios(database.db, a.member)).map((s) => s.slug)).not.toContain('broken-import')
    await expect(getScenario(database.db, a.member, 'broken-import')).rejects.toMatchObject({ status: 404 })
  })
})

describe('the import route', () => {
  function post(fields: Record<string, string | string[]>) {
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
    return new Request('http://localhost/scenarios/import', { method: 'POST', body })
  }
  const contextFor = (user: typeof a.manager, db = database.db) =>
    ({ db, auth: { user, sessionId: 'test' } }) as unknown as ActionFunctionArgs['context']

  it('answers with the anonymised preview; the raw text only comes back in the form state', async () => {
    const result = (await importAction({ request: post({ intent: 'read', raw: CONVERSATION }), context: contextFor(a.manager), params: {} })) as {
      step: string
      turnsHtml: string
      rest: unknown
    }
    expect(result.step).toBe('preview')
    expect(result.turnsHtml).toContain('<mark class="pii pii--name">')
    for (const original of ORIGINALS) expect(result.turnsHtml).not.toContain(original)
    expect(result.rest).toBeNull()
  })

  it('highlights only the start of a long conversation and sends the rest, anonymised, as plain text', async () => {
    const lines = Array.from({ length: 600 }, (_, i) =>
      i % 2 === 0 ? `Customer: This is Dana Whitfield again, about order ${5_512_000 + i}. Please call 07700 900${String(i).padStart(3, '0')}.` : 'Agent: Thanks Dana, I am looking into it now.',
    )
    const result = (await importAction({ request: post({ intent: 'read', raw: lines.join('\n') }), context: contextFor(a.manager), params: {} })) as {
      step: string
      turnsHtml: string
      rest: { turns: number; text: string } | null
    }
    expect(result.step).toBe('preview')
    const highlighted = (result.turnsHtml.match(/<li class="import-turn /g) ?? []).length
    expect(highlighted).toBeGreaterThan(0)
    expect(result.rest).not.toBeNull()
    expect(highlighted + (result.rest?.turns ?? 0)).toBe(600)
    expect(result.rest?.text).toContain('[phone]')
    for (const shown of [result.turnsHtml, result.rest?.text ?? '']) {
      expect(shown).not.toContain('Whitfield')
      expect(shown).not.toContain('07700')
    }
  })

  it('answers a conversation over the size limit with 413 and the form as it was typed', async () => {
    const raw = `Customer: ${'my parcel never came. '.repeat(10_000)}`
    const answer = (await importAction({ request: post({ intent: 'read', raw, title: 'Lost parcel' }), context: contextFor(a.manager), params: {} })) as {
      data: { step: string; source: { raw: string }; errors: Record<string, string>; details: { title: string } }
      init: { status: number }
    }
    expect(answer.init.status).toBe(413)
    expect(answer.data.step).toBe('input')
    expect(answer.data.errors.raw).toMatch(/import a shorter part/)
    expect(answer.data.source.raw).toBe(raw)
    expect(answer.data.details.title).toBe('Lost parcel')
  })

  it('never writes the raw text to the log when saving fails', async () => {
    // A database error that quotes the row it refused, as PostgreSQL's "Failing row contains" does.
    const failing = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === 'insert') return () => { throw new Error(`insert failed: ${CONVERSATION}`) }
        return Reflect.get(target, property, receiver)
      },
    })
    const logged: unknown[] = []
    for (const level of ['error', 'warn', 'info'] as const) vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => { logged.push(args) }) as never)
    const request = post({ intent: 'save', raw: CONVERSATION, ...details(), teams: ['support'], context: 'Dana Whitfield called twice.' } as Record<string, string | string[]>)
    const failure = await importAction({ request, context: contextFor(a.manager, failing), params: {} }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Response)
    expect((failure as Response).status).toBe(500)
    expect(await (failure as Response).text()).not.toContain('Dana')
    expect(logged.length).toBeGreaterThan(0)
    const text = JSON.stringify(logged, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack, cause: value.cause } : value))
    for (const original of ORIGINALS) expect(text).not.toContain(original)
  })

  it('refuses members', async () => {
    await expect(importAction({ request: post({ intent: 'read', raw: CONVERSATION }), context: contextFor(a.member), params: {} })).rejects.toMatchObject({ status: 403 })
  })
})
