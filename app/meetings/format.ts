// Client-safe wording shared by the meeting pages, the Markdown export and the e-mails.
import { formatChange, formatScore, formatShare, monthLabel } from '~/insights/cci'
import { OUTCOME_TEXT, type ActionOutcome } from './outcome'

export const meetingTitle = (teamName: string, month: string) => `${teamName} · ${monthLabel(month)} review meeting`

/** "Tue 1 Dec 2026, 10:00" in the given time zone. */
export function formatWhen(iso: string, timeZone = 'UTC') {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso))
}

export function describeTarget(metricName: string | null, targetChange: number | null) {
  if (!metricName || targetChange === null) return null
  return `${metricName} ${formatChange(targetChange).replace('.0', '')} by next month`
}

export function describeOutcome(outcome: ActionOutcome) {
  const base = OUTCOME_TEXT[outcome.state]
  if (outcome.state === 'met' || outcome.state === 'not-met') {
    const detail = `${formatScore(outcome.baseline)} → ${formatScore(outcome.latest)}, ${formatChange(outcome.change)}`
    return `${base}${outcome.final ? '' : ' so far'} (${detail})`
  }
  return base
}

export { formatChange, formatScore, formatShare, monthLabel }
