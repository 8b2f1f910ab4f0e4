import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { errorTitle } from '~/components/error-boundary'
import { addToTeam, moveToTeam, removeFromTeam } from '~/org/people.server'
import { renameTeam, setTeamArchived, teamsWithMembers } from '~/org/teams.server'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Teams · Admin · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  return teamsWithMembers(context.db, admin)
}

const uuid = z.string().uuid()
const role = z.enum(['member', 'manager'])
const intentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename'), teamId: uuid, name: z.string().max(200) }),
  z.object({ intent: z.literal('archive'), teamId: uuid }),
  z.object({ intent: z.literal('restore'), teamId: uuid }),
  z.object({ intent: z.literal('add'), teamId: uuid, userId: uuid, role }),
  z.object({ intent: z.literal('set-role'), teamId: uuid, userId: uuid, role }),
  z.object({ intent: z.literal('remove'), teamId: uuid, userId: uuid }),
  z.object({ intent: z.literal('move'), teamId: uuid, userId: uuid, toTeamId: uuid }),
])

type Result = { errors: Record<string, string>; done?: string; teamId?: string; name?: string }

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data<Result>({ errors: { form: 'That request was not understood. Choose a team and a person.' } }, { status: 400 })
  const input = parsed.data
  switch (input.intent) {
    case 'rename': {
      const result = await renameTeam(context.db, admin, input.teamId, input.name)
      if (!result.ok) return data<Result>({ errors: { [`name-${input.teamId}`]: result.error }, teamId: input.teamId, name: input.name }, { status: 400 })
      return data<Result>({ errors: {}, done: 'Team renamed.' })
    }
    case 'archive':
    case 'restore':
      await setTeamArchived(context.db, admin, input.teamId, input.intent === 'archive')
      return data<Result>({ errors: {}, done: input.intent === 'archive' ? 'Team archived; its history stays on the dashboard.' : 'Team restored.' })
    case 'add':
    case 'set-role':
      await addToTeam(context.db, admin, input.userId, input.teamId, input.role)
      return data<Result>({ errors: {}, done: input.intent === 'add' ? 'Added to the team.' : 'Role in the team saved.' })
    case 'remove':
      await removeFromTeam(context.db, admin, input.userId, input.teamId)
      return data<Result>({ errors: {}, done: 'Removed from the team; what they did there still counts for it.' })
    case 'move':
      await moveToTeam(context.db, admin, { userId: input.userId, fromTeamId: input.teamId, toTeamId: input.toTeamId })
      return data<Result>({ errors: {}, done: 'Moved. Their replies until today count for the old team, from now on for the new one.' })
  }
}

export default function AdminTeamsPage() {
  const { teams, people } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const active = teams.filter((t) => !t.archivedAt)
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Teams</h1>
        <p>
          Rename or archive teams, choose who manages each one, and move people between teams. A reply always counts for the teams its
          author was in when writing it, so moving someone changes no past month. <Link to="/admin">Back to admin</Link>
        </p>
      </header>
      {actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}
      {actionData?.errors.form ? (
        <p className="form-error" role="alert">
          {actionData.errors.form}
        </p>
      ) : null}
      {teams.map((team) => {
        const outsiders = people.filter((p) => !team.members.some((m) => m.userId === p.id))
        const nameError = actionData?.errors[`name-${team.id}`]
        return (
          <section key={team.id} className="card stack" aria-labelledby={`team-${team.id}`}>
            <div className="row">
              <h2 id={`team-${team.id}`} style={{ margin: 0 }}>
                {team.name}
              </h2>
              {team.archivedAt ? <span className="badge">Archived</span> : null}
            </div>
            <div className="row">
              <Form method="post" className="row">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="teamId" value={team.id} />
                <label className="visually-hidden" htmlFor={`rename-${team.id}`}>
                  New name for {team.name}
                </label>
                <input
                  id={`rename-${team.id}`}
                  name="name"
                  defaultValue={actionData?.teamId === team.id ? actionData.name : team.name}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `rename-error-${team.id}` : undefined}
                  style={{ width: 'auto' }}
                />
                <button type="submit" className="button--quiet" disabled={busy}>
                  Rename<span className="visually-hidden"> {team.name}</span>
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value={team.archivedAt ? 'restore' : 'archive'} />
                <input type="hidden" name="teamId" value={team.id} />
                <button type="submit" className="button--quiet" disabled={busy}>
                  {team.archivedAt ? 'Restore' : 'Archive'}
                  <span className="visually-hidden"> {team.name}</span>
                </button>
              </Form>
            </div>
            {nameError ? (
              <p id={`rename-error-${team.id}`} className="field__error" role="alert">
                {nameError}
              </p>
            ) : null}
            {team.members.length === 0 ? (
              <p className="muted">Nobody is in this team now.</p>
            ) : (
              <ul className="stack plain-list" role="list">
                {team.members.map((m) => (
                  <li key={m.userId} className="row">
                    <strong>{m.name}</strong>
                    <Form method="post" className="row">
                      <input type="hidden" name="intent" value="set-role" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label className="visually-hidden" htmlFor={`role-${team.id}-${m.userId}`}>
                        Role of {m.name} in {team.name}
                      </label>
                      <select id={`role-${team.id}-${m.userId}`} name="role" defaultValue={m.role} style={{ width: 'auto' }}>
                        <option value="member">member</option>
                        <option value="manager">manager</option>
                      </select>
                      <button type="submit" className="button--quiet" disabled={busy}>
                        Save<span className="visually-hidden"> role of {m.name} in {team.name}</span>
                      </button>
                    </Form>
                    {active.length > 1 ? (
                      <Form method="post" className="row">
                        <input type="hidden" name="intent" value="move" />
                        <input type="hidden" name="teamId" value={team.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <label className="visually-hidden" htmlFor={`move-${team.id}-${m.userId}`}>
                          Move {m.name} to
                        </label>
                        <select id={`move-${team.id}-${m.userId}`} name="toTeamId" style={{ width: 'auto' }}>
                          {active
                            .filter((t) => t.id !== team.id)
                            .map((t) => (
                              <option key={t.id} value={t.id}>
                                {t.name}
                              </option>
                            ))}
                        </select>
                        <button type="submit" className="button--quiet" disabled={busy}>
                          Move<span className="visually-hidden"> {m.name}</span>
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="button--quiet" disabled={busy}>
                        Remove<span className="visually-hidden"> {m.name} from {team.name}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            {!team.archivedAt && outsiders.length ? (
              <Form method="post" className="row">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="teamId" value={team.id} />
                <label htmlFor={`add-${team.id}`}>Add</label>
                <select id={`add-${team.id}`} name="userId" style={{ width: 'auto' }}>
                  {outsiders.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <label className="visually-hidden" htmlFor={`add-role-${team.id}`}>
                  as
                </label>
                <select id={`add-role-${team.id}`} name="role" defaultValue="member" style={{ width: 'auto' }}>
                  <option value="member">as member</option>
                  <option value="manager">as manager</option>
                </select>
                <button type="submit" className="button--secondary" disabled={busy}>
                  Add<span className="visually-hidden"> to {team.name}</span>
                </button>
              </Form>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}
