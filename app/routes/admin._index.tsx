import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { Field, fieldErrors } from '~/components/form-field'
import { changeRole, deactivatePerson, listPeople, reactivatePerson } from '~/org/people.server'
import { ROLES } from '~/org/roles'
import { createTeam, listTeams, newTeamSchema } from '~/org/teams.server'
import { errorTitle } from '~/components/error-boundary'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'People and teams · Admin · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const [people, teams] = await Promise.all([listPeople(context.db, admin), listTeams(context.db, admin)])
  return { people, teams, me: admin.id }
}

const intentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add-team'), name: z.string(), customerFacing: z.literal('on').optional() }),
  z.object({ intent: z.literal('change-role'), userId: z.string().uuid(), role: z.enum(ROLES) }),
  z.object({ intent: z.literal('deactivate'), userId: z.string().uuid() }),
  z.object({ intent: z.literal('reactivate'), userId: z.string().uuid() }),
])

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const parsed = intentSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('That request was not understood.', { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'add-team': {
      const team = newTeamSchema.safeParse({ name: input.name, customerFacing: input.customerFacing === 'on' })
      if (!team.success) return { intent: input.intent, name: input.name, errors: fieldErrors(team.error.issues) }
      const result = await createTeam(context.db, admin, team.data)
      if (!result.ok) return { intent: input.intent, name: input.name, errors: { name: result.error } }
      return { intent: input.intent, name: '', errors: {}, done: `Team “${result.team.name}” added.` }
    }
    case 'change-role':
      await changeRole(context.db, admin, input.userId, input.role)
      return { intent: input.intent, errors: {}, done: 'Role updated.' }
    case 'deactivate':
      await deactivatePerson(context.db, admin, input.userId)
      return { intent: input.intent, errors: {}, done: 'Person deactivated; their sessions have ended.' }
    case 'reactivate':
      await reactivatePerson(context.db, admin, input.userId)
      return { intent: input.intent, errors: {}, done: 'Person reactivated.' }
  }
}

export default function AdminPage() {
  const { people, teams, me } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const teamErrors: Record<string, string> = actionData?.intent === 'add-team' ? actionData.errors : {}
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Admin</h1>
        <p>People, teams and invitations of your organization.</p>
        <p className="row">
          <Link className="button" to="/admin/invitations">
            Invite someone
          </Link>
          <Link className="button button--secondary" to="/admin/scenarios">
            Scenarios waiting for approval
          </Link>
          <Link className="button button--secondary" to="/admin/teams">
            Teams and managers
          </Link>
          <Link className="button button--secondary" to="/admin/settings">
            Settings
          </Link>
          <Link className="button button--secondary" to="/admin/outbox">
            Outbox
          </Link>
        </p>
      </header>
      {actionData && 'done' in actionData && actionData.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">People</th>
                <th scope="col">Faces customers</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.people}</td>
                  <td>{t.customerFacing ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form
          method="post"
          className="form form--inline"
          style={{ marginTop: '1rem' }}
          noValidate
          key={actionData && 'done' in actionData ? actionData.done : 'add-team'}
        >
          <input type="hidden" name="intent" value="add-team" />
          <Field
            label="New team name"
            name="name"
            defaultValue={actionData?.intent === 'add-team' ? actionData.name : ''}
            error={teamErrors.name}
          />
          <label className="row small">
            <input type="checkbox" name="customerFacing" /> Faces customers directly
          </label>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Add team
          </button>
        </Form>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People ({people.length})</h2>
        <div className="table-wrap">
          <table className="table--cards">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Teams</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <strong>{p.name}</strong>
                    <br />
                    <span className="small muted">{p.email}</span>
                  </td>
                  <td className="small" data-label="Teams">{p.teams.join(', ') || '—'}</td>
                  <td data-label="Role">
                    <Form method="post" className="row">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="userId" value={p.id} />
                      <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                        Role of {p.name}
                      </label>
                      <select id={`role-${p.id}`} name="role" defaultValue={p.role} style={{ width: 'auto' }}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button--quiet">
                        Save<span className="visually-hidden"> role of {p.name}</span>
                      </button>
                    </Form>
                  </td>
                  <td data-label="Status">
                    {p.deactivatedAt ? (
                      <Form method="post" className="row">
                        <span className="badge badge--bad">Deactivated</span>
                        <input type="hidden" name="intent" value="reactivate" />
                        <input type="hidden" name="userId" value={p.id} />
                        <button type="submit" className="button--quiet">
                          Reactivate<span className="visually-hidden"> {p.name}</span>
                        </button>
                      </Form>
                    ) : p.id === me ? (
                      <span className="badge badge--good">You</span>
                    ) : (
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          // Signs them out everywhere at once: worth a second look (without JavaScript it just submits).
                          if (!window.confirm(`Deactivate ${p.name}? They are signed out at once and cannot sign in until reactivated.`)) event.preventDefault()
                        }}
                      >
                        <input type="hidden" name="intent" value="deactivate" />
                        <input type="hidden" name="userId" value={p.id} />
                        <button type="submit" className="button--danger">
                          Deactivate<span className="visually-hidden"> {p.name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
