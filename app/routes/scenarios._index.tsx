import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { requireUser, isStaffLead } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { repliesPerScenario } from '~/practice/practice.server'
import { ScenarioCard } from '~/scenarios/components/scenario-card'
import { listScenarios, scenarioFiltersSchema } from '~/scenarios/library.server'
import { CHANNELS, DIFFICULTIES, MOODS, TEAMS_TAGS } from '~/scenarios/scenario-schema'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Scenarios · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const filters = scenarioFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [scenarios, practised] = await Promise.all([listScenarios(context.db, user, filters), repliesPerScenario(context.db, user)])
  return { scenarios, practised, filters, canImport: isStaffLead(user) }
}

const FILTERS = [
  { name: 'channel', label: 'Channel', all: 'All channels', options: CHANNELS },
  { name: 'mood', label: 'Mood', all: 'Any mood', options: MOODS },
  { name: 'team', label: 'Team', all: 'All teams', options: TEAMS_TAGS },
  { name: 'difficulty', label: 'Difficulty', all: 'Any difficulty', options: DIFFICULTIES },
] as const

export default function ScenarioLibrary() {
  const { scenarios, practised, filters, canImport } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const filtered = Object.values(filters).some(Boolean)
  return (
    <div className="stack scenario-library">
      <header className="page-header">
        <h1>Scenarios</h1>
        <p>
          Real customer situations, made safe to practise on. Read the conversation the way it arrived, get to know the
          customer, then decide what you would say.
        </p>
        {canImport ? (
          <p className="row">
            <Link className="button button--secondary" to="/scenarios/import">
              Import a real conversation
            </Link>
            <Link to="/admin/scenarios">Drafts waiting for approval</Link>
          </p>
        ) : null}
      </header>

      <Form method="get" className="scenario-filters" aria-label="Filter scenarios">
        {FILTERS.map((filter) => (
          <div className="field" key={filter.name}>
            <label htmlFor={`filter-${filter.name}`}>{filter.label}</label>
            <select id={`filter-${filter.name}`} name={filter.name} defaultValue={filters[filter.name] ?? ''}>
              <option value="">{filter.all}</option>
              {Object.entries(filter.options).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field scenario-filters__search">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ''} placeholder="refund, outage, Farah…" />
        </div>
        <div className="scenario-filters__actions">
          <button type="submit">Show scenarios</button>
          {filtered ? (
            <Link to="/scenarios" className="button button--quiet">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="scenario-count" role="status" aria-busy={navigation.state === 'loading'}>
        {scenarios.length === 1 ? '1 scenario' : `${scenarios.length} scenarios`}
        {filtered ? ' match your filters' : ''}
      </p>

      {scenarios.length > 0 ? (
        <ul className="scenario-grid" aria-label="Scenarios">
          {scenarios.map((scenario) => (
            <li key={scenario.slug}>
              <ScenarioCard scenario={scenario} replies={practised[scenario.slug] ?? 0} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty">
          <p>No scenario matches these filters.</p>
          <Link to="/scenarios">Show all scenarios</Link>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
