import { Link } from '@remix-run/react'
import { ProgressBar } from './progress-bar'
import { STUCK_AFTER_DAYS } from './progress'

type NextUpProps = {
  nextUp: {
    path: { slug: string; title: string }
    step: { position: number; kind: 'lesson' | 'scenario'; title: string; href: string; minutes: number | null } | null
    done: number
    total: number
  } | null
}

/** The home page's "next up": the person's next onboarding step, with their path's progress. */
export function NextUpCard({ nextUp }: NextUpProps) {
  return (
    <section aria-labelledby="next-up" className="card next-up">
      <h2 id="next-up">Next up</h2>
      {nextUp?.step ? (
        <>
          <p className="next-up__kind">
            Step {nextUp.step.position} of {nextUp.total} in <Link to={`/paths/${nextUp.path.slug}`}>{nextUp.path.title}</Link> ·{' '}
            {nextUp.step.kind === 'lesson'
              ? `lesson${nextUp.step.minutes ? `, ${nextUp.step.minutes} min read` : ''}`
              : 'scenario to practise'}
          </p>
          <p className="next-up__title" data-testid="next-up-step">
            <Link to={nextUp.step.href}>{nextUp.step.title}</Link>
          </p>
          <ProgressBar done={nextUp.done} total={nextUp.total} label={`${nextUp.path.title} progress`} />
          <p className="row">
            <Link className="button" to={nextUp.step.href}>
              {nextUp.step.kind === 'lesson' ? 'Read the lesson' : 'Open the scenario'}
            </Link>
            <Link className="button button--secondary" to={`/paths/${nextUp.path.slug}`}>
              See the whole path
            </Link>
          </p>
        </>
      ) : nextUp ? (
        <>
          <p>
            <span aria-hidden="true">✓ </span>You finished <Link to={`/paths/${nextUp.path.slug}`}>{nextUp.path.title}</Link>. Keep
            your hand in by practising a scenario, or pick another path.
          </p>
          <ProgressBar done={nextUp.done} total={nextUp.total} label={`${nextUp.path.title} progress`} />
          <p className="row">
            <Link className="button" to="/scenarios">
              Practise a scenario
            </Link>
            <Link className="button button--secondary" to="/paths">
              Browse paths
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>Read a short lesson, then practise on a real (anonymised) customer situation.</p>
          <p className="row">
            <Link className="button" to="/paths">
              Pick an onboarding path
            </Link>
            <Link className="button button--secondary" to="/lessons">
              Browse lessons
            </Link>
          </p>
        </>
      )}
    </section>
  )
}

type OnboardingSummaryProps = { summary: { enrolled: number; stuck: number; complete: number } }

/** For managers and admins on the home page: how onboarding goes in their teams. */
export function OnboardingSummaryCard({ summary }: OnboardingSummaryProps) {
  return (
    <section aria-labelledby="team-onboarding" className="card">
      <h2 id="team-onboarding">Onboarding in your teams</h2>
      {summary.enrolled === 0 ? (
        <p>Nobody in your teams is on an onboarding path right now.</p>
      ) : (
        <p>
          <strong>{summary.enrolled}</strong> {summary.enrolled === 1 ? 'person is' : 'people are'} on a path
          {summary.stuck ? (
            <>
              ; <strong className="text-warn">{summary.stuck} stuck</strong> for over {STUCK_AFTER_DAYS} days
            </>
          ) : null}
          {summary.complete ? `; ${summary.complete} finished` : ''}.
        </p>
      )}
      <p>
        <Link to="/team/onboarding">See who is where</Link>
      </p>
    </section>
  )
}
