import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { isStaffLead, requireUser } from '~/auth/guards.server'
import { errorTitle, GeneralErrorBoundary } from '~/components/error-boundary'
import { FunnelFigures, StatusBadge } from '~/drills/components/drill-ui'
import drillStyles from '~/drills/components/drills.css'
import { managedDrillsRead, myDrillsRead } from '~/drills/drills.server'
import { actorTimeZone } from '~/drills/organization-zone.server'
import { completionShare } from '~/drills/status'
import { formatDateTime, formatDue } from '~/time/zoned-time'
import { cachedUntilNextWrite } from '~/http/page-cache'
import { nothingToRead, readTogether } from '~/query/json-rows.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: drillStyles }]
// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Drills · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const now = new Date()
  // One round trip for both lists (then each list's step evidence).
  const [{ mine, managed }, timeZone] = await Promise.all([
    readTogether(context.db, {
      mine: myDrillsRead(context.db, user, now),
      managed: isStaffLead(user) ? managedDrillsRead(context.db, user, now) : nothingToRead(),
    }),
    actorTimeZone(context.db, user),
  ])
  return { mine, managed, timeZone, now: now.toISOString(), canAssign: isStaffLead(user) }
}

type Mine = ReturnType<typeof useLoaderData<typeof loader>>['mine']

function MyList({ items, empty, id, title, timeZone, now }: { items: Mine['due']; empty: string; id: string; title: string; timeZone: string; now: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="drill-list">
          {items.map((item) => (
            <li key={item.cycleId} className={`card drill-item${item.status === 'overdue' ? ' drill-item--overdue' : ''}`}>
              <h3>
                <Link to={`/drills/${item.drillId}`}>{item.title}</Link>
              </h3>
              <p className="drill-item__meta">
                <StatusBadge status={item.status} />{' '}
                {item.doneAt
                  ? `Done ${formatDateTime(item.doneAt, timeZone)}`
                  : `${formatDue(item.dueAt, now)} · ${formatDateTime(item.dueAt, timeZone)}`}{' '}
                · {item.stepsDone} of {item.stepsTotal} {item.stepsTotal === 1 ? 'step' : 'steps'} done
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export default function DrillsPage() {
  const { mine, managed, timeZone, now, canAssign } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Drills</h1>
        <p>
          Practice your manager asked for, with a due time. A drill counts replies written after it opened: fresh practice, not old
          answers. Times are in your organization’s time zone ({timeZone}).
        </p>
        {canAssign ? (
          <p>
            <Link className="button" to="/drills/new">
              Assign a drill
            </Link>
          </p>
        ) : null}
      </header>
      {mine.overdue.length ? (
        <MyList id="overdue" title="Overdue" items={mine.overdue} empty="" timeZone={timeZone} now={now} />
      ) : null}
      <MyList id="due" title="Due" items={mine.due} empty="Nothing due for you right now." timeZone={timeZone} now={now} />
      <MyList id="done" title="Done" items={mine.done} empty="The drills you finish show here." timeZone={timeZone} now={now} />
      {managed ? (
        <section aria-labelledby="assigned">
          <h2 id="assigned">Drills you follow</h2>
          {managed.length === 0 ? (
            <p className="empty">No drills yet for your teams. Assign one: a scenario or two, a team and a due time.</p>
          ) : (
            <ul className="drill-list">
              {managed.map((drill) => {
                const share = completionShare(drill.funnel)
                return (
                  <li key={drill.id} className="card drill-item">
                    <h3>
                      <Link to={`/drills/${drill.id}`}>{drill.title}</Link>
                    </h3>
                    <p className="drill-item__meta">
                      {drill.cycle
                        ? `${drill.recurrence ? `${drill.recurrence} · cycle ${drill.cycle.sequence} · ` : ''}due ${formatDateTime(drill.cycle.dueAt, timeZone)}`
                        : `Opens ${formatDateTime(drill.opensAt, timeZone)}`}
                      {share !== null ? ` · ${Math.round(share * 100)}% done` : ''}
                    </p>
                    {drill.cycle ? <FunnelFigures funnel={drill.funnel} label={`${drill.title}: where people are`} /> : null}
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
