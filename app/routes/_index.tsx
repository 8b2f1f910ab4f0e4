import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { isStaffLead, requireUser } from '~/auth/guards.server'
import { PersonalTrendCard } from '~/insights/components'
import { personalTrendRead } from '~/insights/insights.server'
import { NextUpCard, OnboardingSummaryCard } from '~/lessons/next-up-card'
import { nextUpRead, teamOnboardingRead } from '~/lessons/progress.server'
import { teamsOfRead } from '~/org/teams.server'
import { nothingToRead, readTogether } from '~/query/json-rows.server'
import { createServerTiming } from '~/http/server-timing.server'
import { reviewsWaitingFor } from '~/reviews/allocation.server'
import { errorTitle } from '~/components/error-boundary'
import { myOpenActionsRead } from '~/meetings/action-items.server'
import { MyActionItems } from '~/meetings/components/open-action-items'
import { NextDrillCard } from '~/drills/components/drill-ui'
import { homeNextDrill } from '~/drills/drills.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Home · Rapport' }]

export { serverTimingHeaders as headers } from '~/http/server-timing.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const timing = createServerTiming()
  const waiting = timing.time('reviews-waiting', () => reviewsWaitingFor(context.db, user))
  // The person's own teams, path, trend and actions (and, for leads, their teams' onboarding):
  // independent reads, sent in one round trip.
  const mine = timing.time('mine', () =>
    readTogether(context.db, {
      teams: teamsOfRead(context.db, user),
      nextUp: nextUpRead(context.db, user),
      myTrend: personalTrendRead(context.db, user, { reviewsWaiting: waiting }),
      myActions: myOpenActionsRead(context.db, user),
      onboarding: isStaffLead(user) ? teamOnboardingRead(context.db, user) : nothingToRead(),
    }),
  )
  const [{ teams, nextUp, myTrend, myActions, onboarding }, reviewsWaiting, nextDrill] = await Promise.all([
    mine,
    waiting,
    timing.time('next-drill', () => homeNextDrill(context.db, user)),
  ])
  return data(
    { user: { name: user.name, role: user.role }, teams, nextUp, onboarding: onboarding?.summary ?? null, myTrend, reviewsWaiting, myActions, nextDrill },
    { headers: timing.headers() },
  )
}

export default function Home() {
  const { user, teams, nextUp, onboarding, myTrend, reviewsWaiting, myActions, nextDrill } = useLoaderData<typeof loader>()
  const firstName = user.name.split(' ')[0]
  const led = teams.filter((t) => t.role === 'manager')
  const joined = teams.filter((t) => t.role !== 'manager')
  return (
    <div className="stack">
      <header className="page-header">
        <h1>
          Hello, {firstName}
        </h1>
        <p>
          {led.length && joined.length ? (
            <>
              You lead <TeamNames teams={led} /> and are in <TeamNames teams={joined} />.
            </>
          ) : led.length ? (
            <>
              You lead <TeamNames teams={led} />.
            </>
          ) : joined.length ? (
            <>
              You are in <TeamNames teams={joined} />.
            </>
          ) : (
            'You are not in a team yet. Ask your manager or an admin to add you to one.'
          )}
        </p>
      </header>
      <NextDrillCard {...nextDrill} />
      <NextUpCard nextUp={nextUp} />
      <MyActionItems items={myActions} />
      <section aria-labelledby="reviews-waiting" className="card reviews-waiting">
        <h2 id="reviews-waiting">Reviews waiting for you</h2>
        <p>
          {reviewsWaiting === 0
            ? 'No colleague’s reply is waiting for you right now.'
            : `${reviewsWaiting === 99 ? '99+' : reviewsWaiting} ${reviewsWaiting === 1 ? 'reply is' : 'replies are'} waiting for a review from you.`}
        </p>
        {reviewsWaiting > 0 ? (
          <p>
            <Link className="button button--secondary" to="/reviews">
              Review a reply
            </Link>
          </p>
        ) : null}
      </section>
      {onboarding ? <OnboardingSummaryCard summary={onboarding} /> : null}
      <PersonalTrendCard trend={myTrend} />
      {led.length ? (
        <section aria-labelledby="your-teams" className="card">
          <h2 id="your-teams">Teams you lead</h2>
          <ul>
            {led.map((t) => (
              <li key={t.id}>
                <Link to={`/insights/teams/${t.slug}`}>{t.name}</Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/admin/invitations">Invite someone to your team</Link>
          </p>
        </section>
      ) : null}
    </div>
  )
}

/** "Support", "Support and Sales", "Support, Sales and Finance", in bold. */
function TeamNames({ teams }: { teams: { id: string; name: string }[] }) {
  return (
    <>
      {teams.map((t, i) => (
        <span key={t.id}>
          {i > 0 ? (i === teams.length - 1 ? ' and ' : ', ') : null}
          <strong>{t.name}</strong>
        </span>
      ))}
    </>
  )
}
