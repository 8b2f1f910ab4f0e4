import { Link } from '@remix-run/react'
import type { Channel, Difficulty, Mood, TeamTag } from '../scenario-schema'
import { channelLabel, difficultyLabel, moodLabel, moodTone, teamLabel } from './scenario-labels'

export interface ScenarioCardData {
  slug: string
  title: string
  summary: string
  channel: Channel
  mood: Mood
  difficulty: Difficulty
  teams: TeamTag[]
  customerName: string
  source: 'authored' | 'imported'
  variant: { label: string; others: Array<{ slug: string; title: string; label: string }> } | null
}

/** One scenario in the library grid. */
export function ScenarioCard({ scenario, replies = 0 }: { scenario: ScenarioCardData; replies?: number }) {
  return (
    <article className="scenario-card" data-channel={scenario.channel}>
      <p className="scenario-card__channel">
        <span className={`channel-dot channel-dot--${scenario.channel}`} aria-hidden="true" />
        {channelLabel(scenario.channel)}
        {scenario.source === 'imported' ? <span className="badge badge--accent">From a real conversation</span> : null}
        {replies > 0 ? (
          <span className="badge badge--good scenario-card__done">
            <span aria-hidden="true">✓ </span>
            {replies === 1 ? 'You replied' : `You replied ${replies} times`}
          </span>
        ) : null}
      </p>
      <h2 className="scenario-card__title">
        <Link to={`/scenarios/${scenario.slug}`}>{scenario.title}</Link>
      </h2>
      <p className="scenario-card__summary">{scenario.summary}</p>
      <p className="scenario-card__badges">
        <span className={`badge badge--${moodTone(scenario.mood)}`}>
          <span className="visually-hidden">Mood: </span>
          {moodLabel(scenario.mood)}
        </span>
        <span className="badge">
          <span className="visually-hidden">Difficulty: </span>
          {difficultyLabel(scenario.difficulty)}
        </span>
      </p>
      <p className="scenario-card__teams small muted">For {scenario.teams.map(teamLabel).join(', ')}</p>
      {scenario.variant ? (
        <p className="scenario-card__variant small">
          <span aria-hidden="true">↔ </span>
          Variant “{scenario.variant.label}”
          {scenario.variant.others.length > 0 ? (
            <>
              {' '}
              of{' '}
              {scenario.variant.others.map((other, i) => (
                <span key={other.slug}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/scenarios/${other.slug}`}>{other.label}</Link>
                </span>
              ))}
            </>
          ) : null}
        </p>
      ) : null}
    </article>
  )
}
