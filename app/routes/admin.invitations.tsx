import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { CopyField } from '~/components/copy-button'
import { errorTitle } from '~/components/error-boundary'
import { Field, SelectField, TextareaField, fieldErrors } from '~/components/form-field'
import { listPaths } from '~/lessons/paths.server'
import {
  CSV_MAX_BYTES,
  createInvitation,
  invitationSchema,
  listInvitations,
  previewInvitationCsv,
  resendInvitation,
  revokeInvitation,
  sendInvitationCsv,
  type CsvInvitationRow,
} from '~/org/invitations.server'
import { getOrganizationSettings } from '~/org/settings.server'
import { listTeams, managedTeamIds } from '~/org/teams.server'
import { formatDate, formatRelative } from '~/time/zoned-time'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Invite people · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const [teams, allowed, invitations, settings, paths] = await Promise.all([
    listTeams(context.db, actor),
    managedTeamIds(context.db, actor),
    listInvitations(context.db, actor),
    getOrganizationSettings(context.db, actor.organizationId),
    listPaths(),
  ])
  return {
    isAdmin: actor.role === 'admin',
    teams: teams.filter((t) => allowed.includes(t.id) && !('archivedAt' in t && t.archivedAt)).map((t) => ({ id: t.id, name: t.name })),
    invitations,
    paths: paths.map((p) => ({ slug: p.slug, title: p.title })),
    defaultPathSlug: settings.defaultPathSlug,
    allowedDomains: settings.allowedEmailDomains,
    timeZone: settings.timeZone,
    now: Date.now(),
  }
}

type ActionResult = {
  intent: string
  values: Record<string, string>
  errors: Record<string, string>
  link?: string | null
  done?: string | null
  preview?: { rows: CsvInvitationRow[]; good: number; csv: string } | null
  skipped?: CsvInvitationRow[]
}

const idSchema = z.object({ invitationId: z.string().uuid() })

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const { form, problem } = await readForm(request, { maxLength: { csv: 200_000 } })
  const intent = String(form.get('intent') ?? 'invite').replaceAll('\0', '')
  const linkFor = (token: string) => new URL(`/invite/${token}`, request.url).toString()
  const reply = (result: Omit<ActionResult, 'intent'>, status = 200) => data<ActionResult>({ intent, ...result }, { status })
  if (problem) {
    // Keep what was typed (without the character we cannot store) beside the message.
    const typed = Object.fromEntries([...form].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value.replaceAll('\0', '')]] : [])))
    return reply({ values: typed, errors: { [problem.field]: problem.message } }, 400)
  }

  if (intent === 'revoke' || intent === 'resend') {
    const parsed = idSchema.safeParse({ invitationId: form.get('invitationId') })
    if (!parsed.success) return reply({ values: {}, errors: { form: 'That invitation was not found.' } }, 400)
    if (intent === 'revoke') {
      await revokeInvitation(context.db, actor, parsed.data.invitationId)
      return reply({ values: {}, errors: {}, done: 'Invitation withdrawn; its link no longer works.' })
    }
    const result = await resendInvitation(context.db, actor, parsed.data.invitationId)
    if (!result.ok) return reply({ values: {}, errors: { form: result.error } }, 409)
    return reply({ values: {}, errors: {}, link: linkFor(result.token), done: `Sent again to ${result.invitation.email} with a new link (the old one no longer works).` })
  }

  if (intent === 'csv-preview' || intent === 'csv-send') {
    const file = form.get('file')
    let csv = typeof form.get('csv') === 'string' ? String(form.get('csv')) : ''
    if (file && typeof file === 'object' && 'size' in file && file.size > 0) {
      if (file.size > CSV_MAX_BYTES) return reply({ values: {}, errors: { csv: 'That file is too large; keep it under 200 KB.' } }, 413)
      csv = await file.text()
    }
    if (!csv.trim()) return reply({ values: { csv }, errors: { csv: 'Choose a CSV file or paste its rows.' } }, 400)
    if (intent === 'csv-preview') {
      const preview = await previewInvitationCsv(context.db, actor, csv)
      if (!preview.ok) return reply({ values: { csv }, errors: { csv: preview.error } }, 400)
      return reply({ values: {}, errors: {}, preview: { rows: preview.rows, good: preview.good, csv } })
    }
    const sent = await sendInvitationCsv(context.db, actor, csv)
    if (!sent.ok) return reply({ values: { csv }, errors: { csv: sent.error } }, 400)
    return reply({
      values: {},
      errors: {},
      done: `${sent.sent} invitation${sent.sent === 1 ? '' : 's'} sent by e-mail.${sent.skipped.length ? ` ${sent.skipped.length} row${sent.skipped.length === 1 ? ' was' : 's were'} skipped.` : ''}`,
      skipped: sent.skipped,
    })
  }

  const values = Object.fromEntries(
    ['email', 'name', 'teamId', 'teamRole', 'role', 'pathSlug'].map((k) => [k, typeof form.get(k) === 'string' ? String(form.get(k)) : '']),
  )
  const parsed = invitationSchema.safeParse({ ...values, role: values.role || 'member', teamRole: values.teamRole || 'member' })
  if (!parsed.success) return reply({ values, errors: fieldErrors(parsed.error.issues) }, 400)
  const result = await createInvitation(context.db, actor, {
    ...parsed.data,
    name: parsed.data.name ?? undefined,
    pathSlug: parsed.data.pathSlug ?? undefined,
  })
  if (!result.ok) return reply({ values, errors: { [result.field]: result.error } }, 400)
  return reply({
    values: { teamId: values.teamId },
    errors: {},
    link: linkFor(result.token),
    done: `Invitation e-mailed to ${result.invitation.email}.`,
  })
}

function statusOf(inv: { acceptedAt: string | Date | null; revokedAt: string | Date | null; expiresAt: string | Date }, now: number) {
  if (inv.acceptedAt) return <span className="badge badge--good">Accepted</span>
  if (inv.revokedAt) return <span className="badge">Withdrawn</span>
  if (new Date(inv.expiresAt).getTime() <= now) return <span className="badge badge--warn">Expired</span>
  return <span className="badge badge--accent">Waiting</span>
}

export default function InvitationsPage() {
  const { teams, invitations, isAdmin, now, paths, defaultPathSlug, allowedDomains, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const single = actionData && !actionData.intent.startsWith('csv') ? actionData : undefined
  const csvResult = actionData?.intent.startsWith('csv') ? actionData : undefined
  const errors: Record<string, string> = single?.errors ?? {}
  const values: Record<string, string> = single?.values ?? {}
  const busy = navigation.state === 'submitting'
  const pathOptions = paths.map((p) => ({ value: p.slug, label: `${p.title}${p.slug === defaultPathSlug ? ' (default)' : ''}` }))
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Invite people</h1>
        <p>
          Each invitation is e-mailed with a link that works once and expires after 7 days. You can also copy the link and send it yourself.
          {allowedDomains.length ? ` Invitations go to ${allowedDomains.join(', ')}${isAdmin ? ' (admins may invite other addresses)' : ''}.` : ''}
        </p>
        {searchParams.get('welcome') ? (
          <p className="form-success" role="status">
            Your organization is ready. Invite your colleagues here, or <Link to="/admin/settings">review its settings</Link>.
          </p>
        ) : null}
      </header>
      {actionData?.link ? (
        <div className="form-success" role="status">
          <p>
            <strong>{actionData.done}</strong> The link (shown only now):
          </p>
          <CopyField label="Invitation link" value={actionData.link} testId="invite-link" />
        </div>
      ) : actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}
      {single?.errors.form ? (
        <p className="form-error" role="alert">
          {single.errors.form}
        </p>
      ) : null}

      <section className="card" aria-labelledby="one-heading">
        <h2 id="one-heading">Invite one person</h2>
        <Form method="post" className="form" noValidate key={actionData?.link ?? 'new'}>
          <input type="hidden" name="intent" value="invite" />
          <Field label="E-mail" name="email" type="email" defaultValue={values.email ?? ''} error={errors.email} required />
          <Field label="Name (optional)" name="name" defaultValue={values.name ?? ''} error={errors.name} />
          <SelectField
            label="Team"
            name="teamId"
            defaultValue={values.teamId}
            error={errors.teamId}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
          {isAdmin ? (
            <SelectField
              label="Role in the team"
              name="teamRole"
              defaultValue={values.teamRole || 'member'}
              error={errors.teamRole}
              options={[
                { value: 'member', label: 'Member' },
                { value: 'manager', label: 'Manager of this team' },
              ]}
            />
          ) : null}
          {isAdmin ? (
            <SelectField
              label="Role in the organization"
              name="role"
              defaultValue={values.role || 'member'}
              error={errors.role}
              options={[
                { value: 'member', label: 'Member' },
                { value: 'manager', label: 'Manager' },
                { value: 'admin', label: 'Admin' },
              ]}
            />
          ) : null}
          <SelectField
            label="Onboarding path"
            name="pathSlug"
            defaultValue={values.pathSlug || defaultPathSlug || ''}
            error={errors.pathSlug}
            options={pathOptions}
          />
          <button type="submit" disabled={busy}>
            Send invitation
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="csv-heading">
        <h2 id="csv-heading">Invite several people from a CSV</h2>
        <p className="muted">
          One row per person: <code>name,email,team,role</code> (role is member or manager; a header row is fine). You see each row’s
          problem first; nothing is sent until you confirm, and the good rows go even when some are bad.
        </p>
        {csvResult?.preview ? (
          <CsvPreview preview={csvResult.preview} busy={busy} />
        ) : (
          <Form method="post" encType="multipart/form-data" className="form" noValidate>
            <input type="hidden" name="intent" value="csv-preview" />
            <div className="field">
              <label htmlFor="csv-file">CSV file</label>
              <input id="csv-file" name="file" type="file" accept=".csv,text/csv" />
            </div>
            <TextareaField
              label="Or paste the rows"
              name="csv"
              rows={4}
              defaultValue={csvResult?.values.csv ?? ''}
              error={csvResult?.errors.csv}
              placeholder={'Ana Silva,ana@example.com,Support,member'}
            />
            <button type="submit" className="button--secondary" disabled={busy}>
              Check the rows
            </button>
          </Form>
        )}
        {csvResult?.skipped?.length ? (
          <div>
            <h3>Skipped rows</h3>
            <ul>
              {csvResult.skipped.map((r) => (
                <li key={r.line}>
                  Line {r.line} ({r.email || 'no e-mail'}): {r.problem}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Invitations</h2>
        {invitations.length === 0 ? (
          <p className="empty">No invitations yet. The ones you send appear here, with whether they have been used.</p>
        ) : (
          <div className="table-wrap">
            <table className="table--cards">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Team</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => {
                  const waiting = !inv.acceptedAt && !inv.revokedAt
                  return (
                    <tr key={inv.id}>
                      <td>
                        {inv.name ? (
                          <>
                            {inv.name}
                            <br />
                          </>
                        ) : null}
                        <span className="small muted">{inv.email}</span>
                      </td>
                      <td data-label="Team">
                        {inv.teamName}
                        {inv.teamRole === 'manager' ? ' (manager)' : ''}
                      </td>
                      <td data-label="Status">{statusOf(inv, now)}</td>
                      <td data-label="Sent">
                        <span title={formatDate(inv.lastSentAt ?? inv.createdAt, timeZone)}>{formatRelative(inv.lastSentAt ?? inv.createdAt, now)}</span>
                      </td>
                      <td>
                        {waiting ? (
                          <div className="row">
                            <Form method="post">
                              <input type="hidden" name="intent" value="resend" />
                              <input type="hidden" name="invitationId" value={inv.id} />
                              <button type="submit" className="button--quiet">
                                Resend<span className="visually-hidden"> invitation to {inv.email}</span>
                              </button>
                            </Form>
                            <Form method="post">
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="invitationId" value={inv.id} />
                              <button type="submit" className="button--quiet">
                                Withdraw<span className="visually-hidden"> invitation to {inv.email}</span>
                              </button>
                            </Form>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

function CsvPreview({ preview, busy }: { preview: { rows: CsvInvitationRow[]; good: number; csv: string }; busy: boolean }) {
  const bad = preview.rows.length - preview.good
  return (
    <div className="stack">
      <p role="status">
        <strong>
          {preview.good} of {preview.rows.length} row{preview.rows.length === 1 ? '' : 's'} can be invited.
        </strong>
        {bad ? ` ${bad} will be skipped; fix them in the file and upload it again later if you like.` : ''}
      </p>
      <div className="table-wrap">
        <table className="csv-preview">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Team</th>
              <th scope="col">Role</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.problem ? 'bad' : 'ok'}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.team}</td>
                <td>{row.role}</td>
                <td className="problem">{row.problem ?? 'Ready'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        {preview.good > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="csv-send" />
            <input type="hidden" name="csv" value={preview.csv} />
            <button type="submit" disabled={busy}>
              Send {preview.good} invitation{preview.good === 1 ? '' : 's'}
            </button>
          </Form>
        ) : null}
        <Link className="button button--secondary" to="/admin/invitations">
          Start again
        </Link>
      </div>
    </div>
  )
}
