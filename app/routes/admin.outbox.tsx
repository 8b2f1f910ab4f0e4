import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { errorTitle } from '~/components/error-boundary'
import { getEnv } from '~/env.server'
import { listOutbox, outboxCounts, retryMessage, type OutboxStatus } from '~/mail/outbox.server'
import { organizationTimeZone } from '~/org/settings.server'
import { formatDateTime } from '~/time/zoned-time'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Outbox · Admin · Rapport' }]

const statusSchema = z.enum(['queued', 'sent', 'failed']).optional().catch(undefined)

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const status = statusSchema.parse(new URL(request.url).searchParams.get('status') ?? undefined) as OutboxStatus | undefined
  const [messages, counts, timeZone] = await Promise.all([
    listOutbox(context.db, admin, { status }),
    outboxCounts(context.db, admin),
    organizationTimeZone(context.db, admin.organizationId),
  ])
  return { messages, counts, timeZone, smtp: Boolean(getEnv().SMTP_URL) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const parsed = z.object({ messageId: z.string().uuid() }).safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ done: null, error: 'That message was not found.' }, { status: 400 })
  const queued = await retryMessage(context.db, admin, parsed.data.messageId)
  return { done: queued ? 'Queued to be sent again.' : null, error: queued ? null : 'Only a failed message can be sent again.' }
}

const badge = { queued: 'badge--warn', sent: 'badge--good', failed: 'badge--bad' } as const

export default function OutboxPage() {
  const { messages, counts, timeZone, smtp } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const current = params.get('status')
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Outbox</h1>
        <p>
          {smtp
            ? 'Every e-mail Rapport sent or is sending, with its delivery status. Bodies of delivered messages are not kept.'
            : 'No SMTP server is configured (SMTP_URL), so e-mail stays here: read each message below and pass it on yourself.'}
        </p>
        <nav aria-label="Filter by status" className="row">
          <Link to="/admin/outbox" aria-current={!current ? 'page' : undefined}>
            All ({counts.queued + counts.sent + counts.failed})
          </Link>
          {(['queued', 'sent', 'failed'] as const).map((s) => (
            <Link key={s} to={`/admin/outbox?status=${s}`} aria-current={current === s ? 'page' : undefined}>
              {s[0].toUpperCase() + s.slice(1)} ({counts[s]})
            </Link>
          ))}
        </nav>
      </header>
      {messages.length === 0 ? (
        <p className="empty">No messages here yet. Invitations, password resets and digests appear here as they are sent.</p>
      ) : (
        <ul className="stack plain-list" role="list">
          {messages.map((m) => (
            <li key={m.id} className="card stack">
              <div className="row">
                <span className={`badge ${badge[m.status]}`}>{m.deliveredVia === 'outbox' ? 'kept here' : m.status}</span>
                <strong>{m.subject}</strong>
              </div>
              <p className="small muted">
                To {m.toAddress} · {formatDateTime(m.createdAt, timeZone)}
                {m.sentAt ? ` · ${m.deliveredVia === 'smtp' ? 'delivered by SMTP' : 'kept in the outbox'} ${formatDateTime(m.sentAt, timeZone)}` : ''}
                {m.attempts ? ` · ${m.attempts} attempt${m.attempts === 1 ? '' : 's'}` : ''}
              </p>
              {m.lastError ? <p className="form-error">Last error: {m.lastError}</p> : null}
              {m.textBody ? (
                <details>
                  <summary>Read the message</summary>
                  <div className="outbox-body">{m.textBody}</div>
                </details>
              ) : null}
              {m.status === 'failed' ? (
                <Form method="post">
                  <input type="hidden" name="messageId" value={m.id} />
                  <button type="submit" className="button--secondary">
                    Send again<span className="visually-hidden"> to {m.toAddress}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
