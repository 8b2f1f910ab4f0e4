import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useRef, useState } from 'react'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { Field, SelectField, TextareaField, FormError } from '~/components/form-field'
import { useFocusFirstError } from '~/components/focus-first-error'
import { logger } from '~/observability/logger.server'
import { previewTurnsHtml, replacementListHtml } from '~/scenarios/components/import-preview-html'
import { PII_LABEL_NAMES } from '~/scenarios/components/scenario-labels'
import { IMPORT_FORMATS, MAX_RAW_LENGTH, previewExcerpt, type ImportFormat, type ImportSource } from '~/scenarios/import-anonymise.server'
import { readUpload } from '~/scenarios/import-upload.server'
import { createDraft, organizationNames, previewWithDetails } from '~/scenarios/imports.server'
import type { Actor } from '~/org/teams.server'
import { isPiiLabel, type PiiLabel } from '~/anonymiser/types'
import { CHANNELS, DIFFICULTIES, MOODS, TEAMS_TAGS } from '~/scenarios/scenario-schema'
import type { TurnRole } from '~/scenarios/transcript'
import { readForm } from '~/http/form.server'
import { answerFor } from '~/http/route-errors.server'

// The import flow keeps the raw conversation ONLY in this page: it is posted back with every
// action (a textarea in the form) and never written to a table, a session, a cookie or a log.

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Import a conversation · Rapport' }]

// A page that may carry the raw conversation must not sit in a browser or proxy cache.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const STAFF_LEADS = ['admin', 'manager'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(context, request, STAFF_LEADS)
  return null
}

const TURN_ROLES: TurnRole[] = ['customer', 'agent', 'note']
const DETAIL_FIELDS = ['title', 'summary', 'subject', 'channel', 'mood', 'difficulty', 'customerName', 'persona', 'context', 'prompt'] as const
type DetailValues = Record<(typeof DETAIL_FIELDS)[number], string> & { teams: string[] }

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : ''
}
const texts = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string')

function readState(form: FormData) {
  const format = text(form, 'format') as ImportFormat
  const extra: Array<{ text: string; label: PiiLabel }> = []
  for (const value of texts(form, 'extra')) {
    try {
      const parsed = JSON.parse(value) as { text?: unknown; label?: unknown }
      if (typeof parsed.text === 'string' && parsed.text.trim() && isPiiLabel(parsed.label)) extra.push({ text: parsed.text, label: parsed.label })
    } catch {
      // A tampered field: drop it (and do not echo it anywhere).
    }
  }
  const roles = new Map<number, TurnRole>()
  for (const [key, value] of form.entries()) {
    const match = /^role-(\d{1,3})$/.exec(key)
    if (match && TURN_ROLES.includes(value as TurnRole)) roles.set(Number(match[1]), value as TurnRole)
  }
  const details = { ...Object.fromEntries(DETAIL_FIELDS.map((name) => [name, text(form, name)])), teams: texts(form, 'teams') } as DetailValues
  const source: ImportSource = { format: IMPORT_FORMATS.includes(format) ? format : 'text', raw: text(form, 'raw'), sender: text(form, 'sender') || null }
  return {
    source,
    ignore: [...new Set(texts(form, 'ignore').map((v) => v.trim()).filter(Boolean))],
    extra,
    roles,
    details,
  }
}

type State = ReturnType<typeof readState> & { reservedNames?: string[] }

function detailsInput(details: DetailValues) {
  return {
    ...details,
    channel: details.channel || undefined,
    mood: details.mood || undefined,
    difficulty: details.difficulty || undefined,
    context: details.context.split('\n'),
  }
}

/** The page after an action: the state to post back, the preview and any errors. */
async function respond(actor: Actor, state: State, extras: { errors?: Record<string, string>; notice?: string } = {}) {
  const { title, summary, subject, customerName, persona, prompt, context } = state.details
  const typed = { title, summary, subject, customerName, persona, prompt, context: context.split('\n') }
  const result = await previewWithDetails(actor, { source: state.source, corrections: state }, typed)
  if (!result.ok) {
    // too large (413) or the anonymiser busy or too slow (503): the form comes back as it was typed
    const status = result.status ?? 200
    return data(
      { step: 'input' as const, source: state.source, errors: { ...result.errors, ...extras.errors } as Record<string, string>, details: state.details, ignore: state.ignore, extra: state.extra },
      { status, headers: status === 503 ? { 'Retry-After': '30' } : undefined },
    )
  }
  const { preview, detailReplacements } = result
  const excerpt = previewExcerpt(preview.turns)
  return {
    step: 'preview' as const,
    source: state.source,
    ignore: state.ignore,
    extra: state.extra,
    details: state.details,
    errors: extras.errors ?? {},
    notice: extras.notice ?? null,
    turnsHtml: previewTurnsHtml(excerpt.turns),
    rest: excerpt.rest,
    speakers: preview.speakers,
    replacementCount: preview.replacements.reduce((n, r) => n + r.count, 0),
    valueCount: preview.replacements.length,
    replacementsHtml: replacementListHtml(preview.replacements, new Map(state.extra.map((e) => [e.text.toLowerCase(), e.text]))),
    detailReplacements,
    problems: preview.problems,
  }
}

function defaultDetails(state: State, subject: string | null): DetailValues {
  return {
    ...state.details,
    subject: subject ?? state.details.subject,
    channel: state.details.channel || (state.source.format === 'email' ? 'email' : 'chat'),
    difficulty: state.details.difficulty || 'moderate',
    teams: state.details.teams.length > 0 ? state.details.teams : ['support'],
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(context, request, STAFF_LEADS)
  try {
    // The pasted conversation may be long (the domain says how long is too long); other fields may not.
    const { form, problem } = await readForm(request, { maxLength: { raw: MAX_RAW_LENGTH * 5 } })
    const state: State = { ...readState(form), reservedNames: await organizationNames(context.db, actor) }
    if (problem) {
      const source = { ...state.source, raw: state.source.raw.replaceAll('\0', '').slice(0, MAX_RAW_LENGTH * 5) }
      return data({ step: 'input' as const, source, errors: { raw: problem.message }, details: state.details, ignore: [], extra: [] }, { status: 400 })
    }
    const intent = text(form, 'intent')

    if (intent === 'read') {
      const file = form.get('file')
      if (file && typeof file === 'object' && file.size > 0) {
        const upload = await readUpload(file)
        if (!upload.ok) return { step: 'input' as const, source: state.source, errors: { file: upload.error }, details: state.details, ignore: [], extra: [] }
        const next = { ...state, source: upload.source }
        return respond(actor, { ...next, details: defaultDetails(next, upload.subject) })
      }
      return respond(actor, { ...state, details: defaultDetails(state, null) })
    }
    if (intent === 'edit') {
      return { step: 'input' as const, source: state.source, errors: {}, details: state.details, ignore: state.ignore, extra: state.extra }
    }

    const unmark = text(form, 'unmark').trim()
    if (unmark) {
      return respond(actor, { ...state, ignore: [...state.ignore, unmark], extra: state.extra.filter((e) => e.text.toLowerCase() !== unmark.toLowerCase()) }, { notice: 'Kept as written everywhere.' })
    }
    const restore = text(form, 'restore').trim()
    if (restore) {
      return respond(actor, { ...state, ignore: state.ignore.filter((v) => v !== restore) }, { notice: 'Replaced again everywhere.' })
    }
    const dropExtra = text(form, 'drop-extra').trim()
    if (dropExtra) {
      return respond(actor, { ...state, extra: state.extra.filter((e) => e.text !== dropExtra) }, { notice: 'No longer marked.' })
    }

    if (intent === 'mark') {
      const value = text(form, 'missedValue').trim()
      const label = text(form, 'missedLabel')
      if (!value) return respond(actor, state, { errors: { missedValue: 'Type or select the text to replace.' } })
      if (value.length > 200) return respond(actor, state, { errors: { missedValue: 'Mark at most 200 characters at a time.' } })
      if (!isPiiLabel(label)) return respond(actor, state, { errors: { missedLabel: 'Choose what kind of data it is.' } })
      if (!state.source.raw.toLowerCase().includes(value.toLowerCase())) {
        return respond(actor, state, { errors: { missedValue: 'That text does not appear in the conversation. Copy it exactly as written.' } })
      }
      return respond(actor, 
        { ...state, extra: [...state.extra, { text: value, label }], ignore: state.ignore.filter((v) => v.toLowerCase() !== value.toLowerCase()) },
        { notice: 'Replaced everywhere it appears.' },
      )
    }

    if (intent === 'save') {
      const saved = await createDraft(context.db, actor, {
        source: state.source,
        corrections: state,
        details: detailsInput(state.details),
      })
      if (saved.ok) return redirect(`/admin/scenarios?saved=${encodeURIComponent(saved.slug)}`)
      return respond(actor, state, { errors: saved.errors })
    }

    return respond(actor, state)
  } catch (error) {
    if (error instanceof Response) throw error
    const answer = answerFor(error)
    if (answer) throw new Response(answer.message, { status: answer.status, headers: answer.headers })
    // The error may quote the conversation (parsers and the database do): log its kind only, and
    // deliberately drop it as a cause so it cannot reach a log through the error handler either.
    logger.error({ errorName: error instanceof Error ? error.name : typeof error, route: 'scenarios.import' }, 'import failed')
    throw new Response('We could not process that conversation. Nothing was saved.', { status: 500 })
  }
}

const LABEL_OPTIONS = Object.entries(PII_LABEL_NAMES).map(([value, label]) => ({ value, label }))

export default function ImportPage() {
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  return (
    <div className="stack import">
      <header className="page-header">
        <h1>Import a real conversation</h1>
        <p>
          Paste a conversation or upload a file. We replace the personal data in it before anyone else sees it; you check
          the result, fix what we got wrong, and save it as a draft that another manager or an admin approves.
        </p>
        <ol className="import-steps" aria-label="Steps">
          <li aria-current={!data || data.step === 'input' ? 'step' : undefined}>Paste or upload</li>
          <li aria-current={data?.step === 'preview' ? 'step' : undefined}>Check the anonymised text</li>
          <li>Describe it and save a draft</li>
        </ol>
      </header>
      {data?.step === 'preview' ? <PreviewStep data={data} busy={busy} /> : <InputStep data={data} busy={busy} />}
    </div>
  )
}

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>
type PreviewData = Extract<ActionData, { step: 'preview' }>

function HiddenState({ data }: { data: Pick<ActionData, 'source' | 'ignore' | 'extra'> }) {
  return (
    <>
      <input type="hidden" name="format" value={data.source.format} />
      {data.source.sender ? <input type="hidden" name="sender" value={data.source.sender} /> : null}
      <HiddenCorrections data={data} />
    </>
  )
}

function HiddenCorrections({ data }: { data: Pick<ActionData, 'ignore' | 'extra'> }) {
  return (
    <>
      {data.ignore.map((value) => (
        <input key={value} type="hidden" name="ignore" value={value} />
      ))}
      {data.extra.map((value) => (
        <input key={`${value.label}:${value.text}`} type="hidden" name="extra" value={JSON.stringify(value)} />
      ))}
    </>
  )
}

function HiddenDetails({ details }: { details: DetailValues }) {
  return (
    <>
      {DETAIL_FIELDS.map((name) => (details[name] ? <input key={name} type="hidden" name={name} value={details[name]} /> : null))}
      {details.teams.map((team) => (
        <input key={team} type="hidden" name="teams" value={team} />
      ))}
    </>
  )
}

function InputStep({ data, busy }: { data: ActionData | undefined; busy: boolean }) {
  const errors = (data?.errors ?? {}) as Record<string, string>
  return (
    <Form method="post" encType="multipart/form-data" className="card import-input" noValidate>
      <input type="hidden" name="intent" value="read" />
      {data ? <HiddenCorrections data={data} /> : null}
      {data?.source.sender ? <input type="hidden" name="sender" value={data.source.sender} /> : null}
      {data ? <HiddenDetails details={data.details} /> : null}
      <SelectField
        label="What you are pasting"
        name="format"
        defaultValue={data?.source.format ?? 'text'}
        options={[
          { value: 'text', label: 'A transcript (“Customer: …”, “Agent: …”)' },
          { value: 'jsonl', label: 'JSON Lines, one message per line' },
          { value: 'email', label: 'The text of one e-mail from the customer' },
        ]}
      />
      <TextareaField
        label="Conversation"
        name="raw"
        rows={12}
        defaultValue={data?.source.raw ?? ''}
        error={errors.raw}
        hint={'One message per line, starting with who wrote it: "Customer: …", "Agent: …" or a name ("Dana: …"). Lines without a name continue the message above.'}
        spellCheck={false}
      />
      <p className="import-input__or">or</p>
      <Field
        label="Upload a file"
        name="file"
        type="file"
        accept=".txt,.eml,.jsonl,text/plain,message/rfc822,application/x-ndjson"
        hint='A .txt transcript, an .eml e-mail (we take its text and subject) or .jsonl lines like {"role": "customer", "text": "…"}.'
        error={errors.file}
      />
      <p className="callout small">
        Nothing is saved at this step. To preview, the text is sent to our server, anonymised there in memory and sent
        back to this page; it is not written to the database, the logs or any file. Only the anonymised draft is saved,
        when you save it; the original is never stored.
      </p>
      <p>
        <button type="submit" disabled={busy}>
          {busy ? 'Anonymising…' : 'Anonymise and preview'}
        </button>
      </p>
    </Form>
  )
}

function PreviewStep({ data, busy }: { data: PreviewData; busy: boolean }) {
  const errors: Record<string, string> = data.errors
  const [selected, setSelected] = useState<string | null>(null)
  const details = data.details
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, data, Object.keys(errors).length > 0)

  // With JavaScript, selecting text in the preview fills in "Something we missed?".
  function pickSelection() {
    const value = window.getSelection()?.toString().trim() ?? ''
    const input = document.getElementById('missed-value')
    if (!value || value.length > 200 || value.includes('\n') || !(input instanceof HTMLInputElement)) return
    input.value = value
    setSelected(value)
  }

  return (
    <Form method="post" className="import-preview" noValidate ref={formRef}>
      {/* Enter in a text field submits this first button: refresh, never "keep as written". */}
      <button type="submit" name="intent" value="preview" className="visually-hidden" tabIndex={-1}>
        Update preview
      </button>
      <HiddenState data={data} />

      {data.notice ? (
        <p className="form-success" role="status">
          {data.notice}
        </p>
      ) : null}
      <FormError message={errors.form} />
      {data.problems.length > 0 ? (
        <ul className="callout callout--warning">
          {data.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}

      <div className="import-preview__layout">
        <section className="card import-preview__conversation" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Anonymised conversation</h2>
          <p className="small muted">
            {data.valueCount === 0
              ? 'We found no personal data. Read it carefully and mark anything we missed.'
              : `Highlighted: ${data.replacementCount} replacements of ${data.valueCount} values. Select any text we missed to mark it.`}
          </p>
          {/* built by previewTurnsHtml, which escapes every piece of text */}
          <ol className="import-turns" onMouseUp={pickSelection} onKeyUp={pickSelection} dangerouslySetInnerHTML={{ __html: data.turnsHtml }} />
          {data.rest ? (
            <section className="import-rest" aria-labelledby="rest-heading" onMouseUp={pickSelection} onKeyUp={pickSelection}>
              <h3 id="rest-heading">The next {data.rest.turns === 1 ? 'message' : `${data.rest.turns} messages`}</h3>
              <p className="small muted">Anonymised the same way; in a conversation this long only the start is highlighted. Every value we replaced is listed under “What we replaced”.</p>
              <p className="import-rest__text">{data.rest.text}</p>
            </section>
          ) : null}
          {data.speakers.length > 0 ? (
            <fieldset className="import-roles">
              <legend>Who is who</legend>
              {data.speakers.map((speaker, index) => (
                <div className="import-roles__row" key={index}>
                  <label htmlFor={`role-${index}`}>{speaker.label}</label>
                  <select id={`role-${index}`} name={`role-${index}`} defaultValue={speaker.role}>
                    <option value="customer">Customer</option>
                    <option value="agent">Our side (becomes “Agent”)</option>
                    <option value="note">Note</option>
                  </select>
                </div>
              ))}
              <button type="submit" name="intent" value="preview" className="button--quiet" disabled={busy}>
                Apply roles
              </button>
            </fieldset>
          ) : null}
        </section>

        <div className="import-preview__side stack">
          <section className="card" aria-labelledby="replacements-heading">
            <h2 id="replacements-heading">What we replaced</h2>
            {data.valueCount === 0 ? (
              <p className="muted">Nothing yet.</p>
            ) : (
              // built by replacementListHtml, which escapes every value
              <ul className="replacement-list" dangerouslySetInnerHTML={{ __html: data.replacementsHtml }} />
            )}
            {data.ignore.length > 0 ? (
              <>
                <h3>Kept as written</h3>
                <ul className="replacement-list">
                  {data.ignore.map((value) => (
                    <li key={value} className="replacement">
                      <span className="replacement__original">{value}</span>
                      <button type="submit" name="restore" value={value} className="button--quiet" disabled={busy}>
                        Replace again<span className="visually-hidden"> {value}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <fieldset className="card import-missed">
            <legend>Something we missed?</legend>
            <p className="small muted">Type it exactly as written{selected === null ? ' (or select it in the conversation)' : ''}; we replace it everywhere.</p>
            <Field label="Text to replace" name="missedValue" id="missed-value" error={errors.missedValue} autoComplete="off" />
            {selected ? (
              <p className="small" role="status">
                Selected “{selected}”. Choose its kind and press Replace everywhere.
              </p>
            ) : null}
            <SelectField label="Kind of data" name="missedLabel" options={LABEL_OPTIONS} defaultValue="name" error={errors.missedLabel} />
            <p>
              <button type="submit" name="intent" value="mark" className="button--secondary" disabled={busy}>
                Replace everywhere
              </button>
            </p>
          </fieldset>
        </div>
      </div>

      <details className="import-original">
        <summary>Original text (sent with each preview, never saved)</summary>
        <TextareaField label="Original conversation" name="raw" rows={10} defaultValue={data.source.raw} spellCheck={false} error={errors.raw} />
        <button type="submit" name="intent" value="preview" className="button--secondary" disabled={busy}>
          Update preview
        </button>
      </details>

      <section className="card import-details" aria-labelledby="details-heading">
        <h2 id="details-heading">Describe the scenario</h2>
        <p className="small muted">
          Use the names from the anonymised conversation. Anything personal you type here is anonymised too, with the same
          replacements.
        </p>
        {data.detailReplacements.length > 0 ? (
          <p className="callout small" role="status">
            In your description we will also replace:{' '}
            {data.detailReplacements.map((r, i) => (
              <span key={`${r.label}:${r.original}`}>
                {i > 0 ? ', ' : ''}
                {r.original} → {r.replacement}
              </span>
            ))}
            .
          </p>
        ) : null}
        <div className="import-details__grid">
          <Field label="Title" name="title" defaultValue={details.title} error={errors.title} required />
          <Field label="Customer’s name in the scenario" name="customerName" defaultValue={details.customerName} error={errors.customerName} hint="Leave empty to use the anonymised name from the conversation." />
          <SelectField label="Channel" name="channel" defaultValue={details.channel} error={errors.channel} options={[{ value: '', label: 'Choose…' }, ...Object.entries(CHANNELS).map(([value, label]) => ({ value, label }))]} />
          <SelectField label="Customer’s mood" name="mood" defaultValue={details.mood} error={errors.mood} options={[{ value: '', label: 'Choose…' }, ...Object.entries(MOODS).map(([value, label]) => ({ value, label }))]} />
          <SelectField label="Difficulty" name="difficulty" defaultValue={details.difficulty || 'moderate'} error={errors.difficulty} options={Object.entries(DIFFICULTIES).map(([value, label]) => ({ value, label }))} />
          <Field label="Subject (e-mails)" name="subject" defaultValue={details.subject} error={errors.subject} />
        </div>
        <fieldset className={`import-teams${errors.teams ? ' field--invalid' : ''}`} aria-describedby={errors.teams ? 'teams-error' : undefined}>
          <legend>Teams it suits</legend>
          {Object.entries(TEAMS_TAGS).map(([value, label]) => (
            <label key={value} className="import-teams__option">
              <input type="checkbox" name="teams" value={value} defaultChecked={details.teams.includes(value)} /> {label}
            </label>
          ))}
          {errors.teams ? (
            <p id="teams-error" className="field__error" role="alert">
              {errors.teams}
            </p>
          ) : null}
        </fieldset>
        <TextareaField label="Summary" name="summary" rows={2} defaultValue={details.summary} error={errors.summary} hint="One or two sentences for the library. Leave empty to use the customer’s first message." />
        <TextareaField label="Who the customer is" name="persona" rows={3} defaultValue={details.persona} error={errors.persona} />
        <TextareaField label="What the business already knows" name="context" rows={4} defaultValue={details.context} error={errors.context} hint="One fact per line: their plan, history, earlier contacts." />
        <Field label="The prompt" name="prompt" defaultValue={details.prompt} error={errors.prompt} hint="For example: Write your reply to Alex. Leave empty for “Write your reply to <customer>.”" />
        <p className="row">
          <button type="submit" name="intent" value="save" disabled={busy}>
            Save as draft
          </button>
          <button type="submit" name="intent" value="edit" className="button--quiet" disabled={busy}>
            Edit the original
          </button>
          <Link to="/scenarios/import" reloadDocument>
            Start over
          </Link>
        </p>
        <p className="small muted">Only the anonymised text is saved. A different manager or an admin approves it before it reaches the library.</p>
      </section>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
