import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { TextareaField } from '~/components/form-field'
import { useTimeZone } from '~/time/use-time-zone'
import { formatDateTime } from '~/time/zoned-time'
import { ConversationView } from '~/scenarios/components/conversation-view'
import { PromptList } from '~/scenarios/components/prompt-list'
import { channelLabel, difficultyLabel, moodLabel, moodTone, teamLabel } from '~/scenarios/components/scenario-labels'
import { approveDraft, listDrafts, listRecentDecisions, rejectDraft, reviewNoteSchema } from '~/scenarios/imports.server'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Scenarios waiting for approval · Rapport' }]

const STAFF_LEADS = ['admin', 'manager'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, STAFF_LEADS)
  const [drafts, recent] = await Promise.all([listDrafts(context.db, actor), listRecentDecisions(context.db, actor)])
  return { drafts, recent }
}

const decisionSchema = z.object({
  intent: z.enum(['approve', 'reject']),
  id: z.string().min(1),
  note: z.string().default(''),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(context, request, STAFF_LEADS)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const parsed = decisionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('That request was not understood.', { status: 400 })
  const { intent, id, note } = parsed.data
  if (intent === 'approve') {
    const checked = reviewNoteSchema.safeParse(note)
    if (!checked.success) return { id, error: checked.error.issues[0].message, done: null, note }
    const approved = await approveDraft(context.db, actor, id, note)
    return { id, error: null, done: { status: 'approved' as const, slug: approved.slug }, note: '' }
  }
  const rejected = await rejectDraft(context.db, actor, id, note)
  // A refused decision keeps the note as typed, so it can be corrected rather than rewritten.
  if (!rejected.ok) return { id, error: rejected.error, done: null, note }
  return { id, error: null, done: { status: 'rejected' as const, slug: rejected.slug }, note: '' }
}


export default function ScenarioApprovals() {
  const { drafts, recent } = useLoaderData<typeof loader>()
  const timeZone = useTimeZone()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  return (
    <div className="stack scenario-approvals">
      <header className="page-header">
        <h1>Scenarios waiting for approval</h1>
        <p>
          Imported conversations arrive here anonymised. Read each one as a stranger would: if anything could still
          identify a person, reject it with a note. Nobody approves their own import.
        </p>
        <p>
          <Link className="button button--secondary" to="/scenarios/import">
            Import a conversation
          </Link>
        </p>
      </header>

      {saved ? (
        <p className="form-success" role="status">
          Draft saved. Only the anonymised text was stored; another manager or an admin will review it.
        </p>
      ) : null}
      {actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done.status === 'approved' ? (
            <>
              Approved: it is now in your library. <Link to={`/scenarios/${actionData.done.slug}`}>Open it</Link>
            </>
          ) : (
            'Rejected. The importer can see your note.'
          )}
        </p>
      ) : null}

      <section aria-labelledby="drafts-heading" className="stack">
        <h2 id="drafts-heading">Drafts ({drafts.length})</h2>
        {drafts.length === 0 ? <p className="empty">No drafts are waiting. Well done, everyone.</p> : null}
        {drafts.map((draft) => {
          const doc = draft.document
          const error = actionData?.id === draft.id ? actionData.error : null
          const typedNote = actionData?.id === draft.id && actionData.error ? actionData.note : undefined
          return (
            <article key={draft.id} className="card draft" aria-labelledby={`draft-${draft.id}`}>
              <header className="draft__header">
                <h3 id={`draft-${draft.id}`}>{doc.title}</h3>
                <p className="small muted">
                  Imported by {draft.createdBy.name} on {formatDateTime(draft.createdAt, timeZone)} ·{' '}
                  <Link to={`/scenarios/${draft.slug}`}>Open the full page</Link>
                </p>
                <p className="row">
                  <span className="badge badge--accent">{channelLabel(doc.channel)}</span>
                  <span className={`badge badge--${moodTone(doc.customer.mood)}`}>{moodLabel(doc.customer.mood)}</span>
                  <span className="badge">{difficultyLabel(doc.difficulty)}</span>
                  <span className="small muted">For {doc.teams.map(teamLabel).join(', ')}</span>
                </p>
                <p>{doc.summary}</p>
              </header>
              <details className="draft__preview">
                <summary>Read the anonymised scenario</summary>
                <div className="draft__body">
                  <p>
                    <strong>{doc.customer.name}</strong> — {doc.customer.persona}
                  </p>
                  {doc.context.length > 0 ? (
                    <ul>
                      {doc.context.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                  <ConversationView scenario={doc} />
                  <PromptList prompts={doc.prompts} />
                </div>
              </details>
              {draft.canApprove ? (
                <Form method="post" className="draft__decision" noValidate>
                  <input type="hidden" name="id" value={draft.id} />
                  <TextareaField label="Note to the importer" name="note" rows={2} error={error} defaultValue={typedNote} hint="Required when you reject: say what to fix." />
                  <p className="row">
                    <button type="submit" name="intent" value="approve" disabled={navigation.state !== 'idle'}>
                      Approve<span className="visually-hidden"> {doc.title}</span>
                    </button>
                    <button type="submit" name="intent" value="reject" className="button--danger" disabled={navigation.state !== 'idle'}>
                      Reject<span className="visually-hidden"> {doc.title}</span>
                    </button>
                  </p>
                </Form>
              ) : (
                <Form method="post" className="draft__decision" noValidate>
                  <p className="callout small">You imported this one, so someone else must approve it (four eyes on every real conversation).</p>
                  <input type="hidden" name="id" value={draft.id} />
                  <TextareaField label="Why you are withdrawing it" name="note" rows={2} error={error} defaultValue={typedNote} />
                  <button type="submit" name="intent" value="reject" className="button--danger" disabled={navigation.state !== 'idle'}>
                    Withdraw my draft<span className="visually-hidden"> {doc.title}</span>
                  </button>
                </Form>
              )}
            </article>
          )
        })}
      </section>

      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent decisions</h2>
          <div className="table-wrap">
            <table className="table--cards">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Imported by</th>
                  <th scope="col">Reviewed by</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={row.id}>
                    <td>{row.status === 'approved' ? <Link to={`/scenarios/${row.slug}`}>{row.title}</Link> : row.title}</td>
                    <td data-label="Decision">
                      <span className={`badge badge--${row.status === 'approved' ? 'good' : 'bad'}`}>{row.status === 'approved' ? 'Approved' : 'Rejected'}</span>
                    </td>
                    <td data-label="Imported by">{row.creatorName ?? '—'}</td>
                    <td data-label="Reviewed by">
                      {row.reviewerName ?? '—'}
                      {row.reviewedAt ? <span className="small muted"> · {formatDateTime(row.reviewedAt, timeZone)}</span> : null}
                    </td>
                    <td className="small" data-label="Note">{row.reviewNote ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
