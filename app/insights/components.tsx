// Pieces shared by the insights pages and the home page. Client-safe: everything they show arrives
// already decided by the domain (a hidden figure is null there, not hidden here).
import { Form, Link } from '@remix-run/react'
import { Sparkline } from './charts'
import { WHO_SEES_SCORES } from '~/reviews/score-visibility'
import {
  formatChange,
  formatDrillsOnTime,
  formatScore,
  formatShare,
  monthLabel,
  monthParam,
  REASON_TEXT,
  reasonDetail,
  shortMonth,
  type Cci,
  type CciThresholds,
} from './cci'

/** A table that may scroll sideways: focusable and named, so keyboard users can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

/** Criteria as columns, one row per team or per month; a hidden figure reads as `empty`. */
export function CriteriaTable({
  label,
  rowHeader,
  criteria,
  rows,
  empty,
}: {
  label: string
  rowHeader: string
  criteria: { id: string; name: string }[]
  rows: { key: string; label: string; criteria: { criterionId: string; value: number | null }[] | null }[]
  empty: React.ReactNode
}) {
  return (
    <ScrollTable label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {criteria.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {(row.criteria ?? []).map((c) => (
                <td key={c.criterionId}>{c.value === null ? <span className="muted">{empty}</span> : formatScore(c.value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  )
}

/** The definition of the index, as the help text of the dashboard says it. */
export function CciDefinition({ thresholds }: { thresholds: CciThresholds }) {
  return (
    <details className="insights-help">
      <summary>What is the customer-centricity index (CCI)?</summary>
      <div className="prose">
        <p>
          A team’s <strong>customer-centricity index</strong> for a month is the mean score, from 0 to 100, of the replies its
          members wrote to practice scenarios that month and that peers have finished reviewing. Each reply’s score is its
          reviewers’ consensus on the warmth-and-empathy rubric (empathy, warmth and tone, ownership, a clear next step, using
          what we know), weighted as the rubric says, where level 1 counts 0 and level 4 counts 100.
        </p>
        <p>
          Every figure comes with its <strong>n</strong> — reviewed replies, the people who wrote them and the team members who
          reviewed that month — and a 95% band (mean ± 1.96 × standard deviation ÷ √n): the wider the band, the less the month
          tells you. <strong>Participation</strong> is the share of the team’s active members who had a reply reviewed that
          month; <strong>reviews given</strong> counts the reviews the team’s members wrote for others.
        </p>
        <p>
          With fewer than {thresholds.minReplies} reviewed replies, or replies from fewer than {thresholds.minPeople} people, a
          month shows <em>not enough data</em> instead of a number, so a figure never stands for one person. {WHO_SEES_SCORES} You
          see your own trend on your home page. Every team counts — engineering, finance and
          marketing practise the same conversations as support and sales.
        </p>
      </div>
    </details>
  )
}

export function CciValue({ cci, thresholds, size = 'large' }: { cci: Cci; thresholds: CciThresholds; size?: 'large' | 'small' }) {
  if (cci.value === null || cci.reason) {
    return (
      <div className={`cci cci--none cci--${size}`}>
        <span className="cci__value">{cci.reason ? REASON_TEXT[cci.reason] : 'Not enough data'}</span>
        <span className="cci__meta">{reasonDetail(cci, thresholds)}</span>
      </div>
    )
  }
  return (
    <div className={`cci cci--${size}`}>
      <span className="cci__value">
        {formatScore(cci.value)}
        <span className="visually-hidden"> out of 100</span>
      </span>
      <span className="cci__meta">
        95% band {formatScore(cci.low)}–{formatScore(cci.high)} · n = {cci.replies} replies by {cci.people} people
      </span>
    </div>
  )
}

export function ChangeBadge({ change }: { change: number | null }) {
  if (change === null) return <span className="badge">no comparison with last month</span>
  const tone = change >= 1 ? 'badge--good' : change <= -1 ? 'badge--bad' : ''
  const arrow = change >= 1 ? '▲' : change <= -1 ? '▼' : '▶'
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{arrow} </span>
      {formatChange(change)}
      <span className="visually-hidden"> points</span> since last month
    </span>
  )
}

/** The 12 months behind a trend chart, as an accessible table. */
export function TrendTable({
  caption,
  rows,
}: {
  caption: string
  rows: {
    month: string
    cci: Cci
    participation?: number | null
    drills?: { due: number; share: number | null } | null
    reviewsGiven?: number
  }[]
}) {
  const withParticipation = rows.some((r) => r.participation !== undefined)
  const withDrills = rows.some((r) => r.drills !== undefined)
  const withReviews = rows.some((r) => r.reviewsGiven !== undefined)
  return (
    <details className="chart-data">
      <summary>Data table</summary>
      <ScrollTable label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">CCI</th>
              <th scope="col">95% band</th>
              <th scope="col">n replies</th>
              <th scope="col">People</th>
              <th scope="col">Reviewers</th>
              {withParticipation ? <th scope="col">Participation</th> : null}
              {withDrills ? <th scope="col">Drills done on time</th> : null}
              {withReviews ? <th scope="col">Reviews given</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{monthLabel(row.month)}</th>
                <td>{row.cci.value === null ? <span className="muted">{row.cci.reason ? REASON_TEXT[row.cci.reason] : '–'}</span> : formatScore(row.cci.value)}</td>
                <td>{row.cci.value === null ? '–' : `${formatScore(row.cci.low)}–${formatScore(row.cci.high)}`}</td>
                <td>{row.cci.replies}</td>
                <td>{row.cci.people}</td>
                <td>{row.cci.reviewers}</td>
                {withParticipation ? <td>{formatShare(row.participation ?? null)}</td> : null}
                {withDrills ? <td>{formatDrillsOnTime(row.drills ?? null)}</td> : null}
                {withReviews ? <td>{row.reviewsGiven ?? 0}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </details>
  )
}

/** A GET form: works without JavaScript, and the chosen month stays in the URL to share. */
export function MonthPicker({ month, currentMonth, months }: { month: string; currentMonth: string; months: string[] }) {
  return (
    <Form method="get" className="form form--inline month-picker">
      <div className="field">
        <label htmlFor="month">Month</label>
        <select id="month" name="month" defaultValue={monthParam(month)}>
          {months.map((m) => (
            <option key={m} value={monthParam(m)}>
              {monthLabel(m)}
              {m === currentMonth ? ' (so far)' : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button--secondary">
        Show
      </button>
    </Form>
  )
}

export interface PersonalTrendView {
  months: { month: string; score: number | null; replies: number }[]
  totalReplies: number
  latest: { month: string; score: number | null; replies: number } | null
  first: { month: string; score: number | null; replies: number } | null
}

/** Home page: the person's own monthly scores, which only they see. */
export function PersonalTrendCard({ trend }: { trend: PersonalTrendView }) {
  return (
    <section aria-labelledby="your-trend" className="card personal-trend">
      <h2 id="your-trend">Your practice, month by month</h2>
      <p className="small muted">{WHO_SEES_SCORES}</p>
      {trend.latest && trend.latest.score !== null ? (
        <>
          <div className="personal-trend__figures">
            <p className="personal-trend__latest">
              <span className="cci__value">{formatScore(trend.latest.score)}</span>
              <span className="small">
                your mean score in {monthLabel(trend.latest.month)} ({trend.latest.replies} reviewed{' '}
                {trend.latest.replies === 1 ? 'reply' : 'replies'})
                {trend.first && trend.first !== trend.latest && trend.first.score !== null
                  ? `; ${formatChange(trend.latest.score - trend.first.score)} since ${monthLabel(trend.first.month)}`
                  : ''}
              </span>
            </p>
            <Sparkline
              id="personal-trend-chart"
              title="Your mean reply score per month"
              description={`Your monthly mean reply score over the last ${trend.months.length} months; months without reviewed replies are gaps.`}
              values={trend.months.map((m) => m.score)}
            />
          </div>
          <details className="chart-data">
            <summary>Data table</summary>
            <ScrollTable label="Your mean reply score per month">
              <table>
                <caption className="visually-hidden">Your mean reply score per month</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Your score</th>
                    <th scope="col">Reviewed replies</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">
                        {shortMonth(m.month)} {m.month.slice(0, 4)}
                      </th>
                      <td>{formatScore(m.score)}</td>
                      <td>{m.replies}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        </>
      ) : (
        <p>
          Once peers have reviewed your first replies, your monthly trend appears here.{' '}
          <Link to="/scenarios">Practise a scenario</Link>
        </p>
      )}
    </section>
  )
}
