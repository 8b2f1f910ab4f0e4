import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { ConversationView } from '~/scenarios/components/conversation-view'
import { PromptList } from '~/scenarios/components/prompt-list'
import { channelLabel, difficultyLabel, moodLabel, moodTone, teamLabel } from '~/scenarios/components/scenario-labels'
import { getScenario } from '~/scenarios/library.server'
import { PracticePanel } from '~/practice/components/practice-panel'
import { loadPractice } from '~/practice/practice.server'
import { createServerTiming } from '~/http/server-timing.server'
import { cachedUntilNextWrite } from '~/http/page-cache'
export { practiceAction as action } from '~/practice/practice-action.server'
export { practiceShouldRevalidate as shouldRevalidate } from '~/practice/practice-revalidate'
export { serverTimingHeaders as headers } from '~/http/server-timing.server'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `${data.scenario.title} · Scenarios · Rapport` : errorTitle(error) },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const timing = createServerTiming()
  const scenario = await timing.time('scenario', () => getScenario(context.db, user, params.slug ?? ''))
  // Drafts and rejected imports are read-only: only approved scenarios take replies.
  const practice =
    scenario.status === 'approved' ? await timing.time('practice', () => loadPractice(context.db, user, scenario.slug), 'attempts, draft, earlier replies') : null
  return data({ scenario, practice }, { headers: timing.headers() })
}

export default function ScenarioPage() {
  const { scenario, practice } = useLoaderData<typeof loader>()
  const { customer } = scenario
  return (
    <article className="scenario" aria-labelledby="scenario-title">
      <p className="scenario__crumbs small">
        <Link to="/scenarios">Scenarios</Link> <span aria-hidden="true">/</span> {channelLabel(scenario.channel)}
      </p>
      <header className="page-header scenario__header">
        {scenario.status !== 'approved' ? (
          <p className="callout callout--warning">
            {scenario.status === 'draft'
              ? 'This imported scenario is a draft: only managers and admins can see it until someone other than its importer approves it.'
              : 'This imported scenario was rejected and is not in the library.'}
          </p>
        ) : null}
        <h1 id="scenario-title">{scenario.title}</h1>
        <p>{scenario.summary}</p>
        <p className="row scenario__badges">
          <span className="badge badge--accent">{channelLabel(scenario.channel)}</span>
          <span className={`badge badge--${moodTone(customer.mood)}`}>
            <span className="visually-hidden">Mood: </span>
            {moodLabel(customer.mood)}
          </span>
          <span className="badge">
            <span className="visually-hidden">Difficulty: </span>
            {difficultyLabel(scenario.difficulty)}
          </span>
          <span className="small muted">For {scenario.teams.map(teamLabel).join(', ')}</span>
          {scenario.source === 'imported' ? <span className="badge">From a real conversation, anonymised</span> : null}
        </p>
      </header>

      <div className="scenario__layout">
        <section className="scenario__conversation" aria-labelledby="conversation-heading">
          <h2 id="conversation-heading">The conversation so far</h2>
          <ConversationView scenario={scenario} />
        </section>

        <aside className="scenario__side" aria-label="About the customer">
          <section className="scenario-panel" aria-labelledby="customer-heading">
            <h2 id="customer-heading">The customer</h2>
            <p className="scenario-panel__name">
              {customer.name}{' '}
              <span className={`badge badge--${moodTone(customer.mood)}`}>
                <span className="visually-hidden">feels </span>
                {moodLabel(customer.mood)}
              </span>
            </p>
            <p>{customer.persona}</p>
          </section>
          {scenario.context.length > 0 ? (
            <section className="scenario-panel" aria-labelledby="context-heading">
              <h2 id="context-heading">What we already know</h2>
              <ul className="scenario-panel__context">
                {scenario.context.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {scenario.variants.length > 0 ? (
            <section className="scenario-panel" aria-labelledby="variants-heading">
              <h2 id="variants-heading">Same customer, different moment</h2>
              {scenario.variant ? <p className="small muted">This one: {scenario.variant.label}.</p> : null}
              <ul className="scenario-panel__variants">
                {scenario.variants.map((variant) => (
                  <li key={variant.slug}>
                    <Link to={`/scenarios/${variant.slug}`}>{variant.label}</Link>
                    <span className="small muted">
                      {' '}
                      · {moodLabel(variant.mood)}, {channelLabel(variant.channel).toLowerCase()}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>

      <section className="scenario__prompts" aria-labelledby="prompts-heading">
        <h2 id="prompts-heading">{scenario.prompts.length === 1 ? 'What you are asked' : 'What you are asked, step by step'}</h2>
        {practice ? <PracticePanel practice={practice} /> : <PromptList prompts={scenario.prompts} />}
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
