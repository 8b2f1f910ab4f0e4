import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { Field, SelectField, fieldErrors } from '~/components/form-field'
import { createInvitation, invitationSchema, listInvitations, revokeInvitation } from '~/org/invitations.server'
import { listTeams, managedTeamIds } from '~/org/teams.server'
import { errorTitle } from '~/components/error-boundary'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Invite someone · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const [teams, allowed, invitations] = await Promise.all([
    listTeams(context.db, actor),
    managedTeamIds(context.db, actor),
    listInvitations(context.db, actor),
  ])
  return {
    isAdmin: actor.role === 'admin',
    teams: teams.filter((t) => allowed.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    invitations,
    now: Date.now(),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const read = await readForm(request)
  if (read.invalid) return read.invalid
  const form = Object.fromEntries(read.form)
  if (form.intent === 'revoke' && typeof form.invitationId === 'string') {
    await revokeInvitation(context.db, actor, form.invitationId)
    return { values: {} as Record<string, string>, errors: {} as Record<string, string>, link: null, done: 'Invitation withdrawn.' }
  }
  const values = { email: String(form.email ?? ''), teamId: String(form.teamId ?? ''), role: String(form.role ?? 'member') }
  const parsed = invitationSchema.safeParse(values)
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error.issues), link: null }
  const result = await createInvitation(context.db, actor, parsed.data)
  if (!result.ok) return { values, errors: { [result.field]: result.error } as Record<string, string>, link: null }
  const link = new URL(`/invite/${result.token}`, request.url).toString()
  return { values: { email: '', teamId: values.teamId, role: 'member' }, errors: {} as Record<string, string>, link, done: null }
}

function statusOf(inv: { acceptedAt: string | Date | null; revokedAt: string | Date | null; expiresAt: string | Date }, now: number) {
  if (inv.acceptedAt) return <span className="badge badge--good">Accepted</span>
  if (inv.revokedAt) return <span className="badge">Withdrawn</span>
  if (new Date(inv.expiresAt).getTime() <= now) return <span className="badge badge--warn">Expired</span>
  return <span className="badge badge--accent">Waiting</span>
}

export default function InvitationsPage() {
  const { teams, invitations, isAdmin, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Invite someone</h1>
        <p>The invitation link works once and expires after 7 days. Send it to the new hire yourself.</p>
      </header>
      {actionData?.link ? (
        <div className="form-success" role="status">
          <p>
            <strong>Invitation created.</strong> Send this link to them (it is shown only now):
          </p>
          <p>
            <input aria-label="Invitation link" readOnly value={actionData.link} data-testid="invite-link" onFocus={(e) => e.target.select()} />
          </p>
        </div>
      ) : null}
      {actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}
      <div className="card">
        <Form method="post" className="form" noValidate key={actionData?.link ?? 'new'}>
          <Field label="E-mail" name="email" type="email" defaultValue={values.email ?? ''} error={errors.email} required />
          <SelectField
            label="Team"
            name="teamId"
            defaultValue={values.teamId}
            error={errors.teamId}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
          />
          {isAdmin ? (
            <SelectField
              label="Role"
              name="role"
              defaultValue={values.role ?? 'member'}
              error={errors.role}
              options={[
                { value: 'member', label: 'Member' },
                { value: 'manager', label: 'Manager' },
                { value: 'admin', label: 'Admin' },
              ]}
            />
          ) : null}
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Create invitation
          </button>
        </Form>
      </div>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Invitations</h2>
        {invitations.length === 0 ? (
          <p className="empty">No invitations yet. The ones you create appear here, with whether they have been used.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">Team</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => (
                  <tr key={inv.id}>
                    <td>{inv.email}</td>
                    <td>{inv.teamName}</td>
                    <td>{inv.role}</td>
                    <td>{statusOf(inv, now)}</td>
                    <td>
                      {!inv.acceptedAt && !inv.revokedAt ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={inv.id} />
                          <button type="submit" className="button--quiet">
                            Withdraw<span className="visually-hidden"> invitation for {inv.email}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
