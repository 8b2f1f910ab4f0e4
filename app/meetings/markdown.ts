// Client-safe: a meeting as Markdown (`/meetings/:id.md`): the figures it looked at, what was
// discussed, the calibration's spread, the action items and who attended. Calibration votes appear
// only as anonymous counts.
import type { MeetingPage } from './meetings.server'
import { describeOutcome, describeTarget, formatChange, formatScore, formatShare, formatWhen, meetingTitle, monthLabel } from './format'
import { STATUS_TEXT } from './outcome'

const line = (text: string) => text.replace(/\r?\n/g, ' ').trim()

export function meetingMarkdown(
  page: Pick<MeetingPage, 'meeting' | 'team' | 'agenda' | 'steps' | 'discussed' | 'calibration' | 'celebrate' | 'actions' | 'attendance'>,
) {
  const { meeting, team, agenda } = page
  const out: string[] = []
  out.push(`# ${meetingTitle(team.name, meeting.month)}`, '')
  out.push(`- Status: ${meeting.status === 'held' ? 'held' : meeting.status === 'live' ? 'in progress' : 'scheduled'}`)
  out.push(`- When: ${formatWhen(meeting.startedAt ?? meeting.scheduledAt, meeting.timeZone)} (${meeting.timeZone})`)
  out.push(`- Looking at: ${monthLabel(agenda.reviewMonth)}`, '')

  out.push('## Figures', '')
  const cci = agenda.cci.current
  out.push(
    cci.value === null
      ? `- Customer-centricity index: not enough data (n = ${cci.replies})`
      : `- Customer-centricity index: ${formatScore(cci.value)} (n = ${cci.replies}), ${formatChange(agenda.cci.change)} since ${monthLabel(
          agenda.previousMonth,
        )}`,
  )
  if (agenda.criteria.mostImproved)
    out.push(`- Most improved: ${agenda.criteria.mostImproved.name} (${formatChange(agenda.criteria.mostImproved.change)})`)
  if (agenda.criteria.weakest) out.push(`- Weakest: ${agenda.criteria.weakest.name} (${formatScore(agenda.criteria.weakest.value)})`)
  out.push(
    `- Participation: ${formatShare(agenda.participation.share)} (${agenda.participation.practised} of ${
      agenda.participation.activeMembers
    })`,
  )
  if (agenda.hardestScenario)
    out.push(
      `- Hardest scenario: ${agenda.hardestScenario.title} (${formatScore(agenda.hardestScenario.mean)}, n = ${
        agenda.hardestScenario.replies
      })`,
    )
  out.push('')

  if (page.steps.length) {
    out.push('## Agenda', '')
    for (const step of page.steps)
      out.push(`${step.index + 1}. ${line(step.title)}${page.discussed.includes(step.key) ? ' — discussed' : ''}`)
    out.push('')
  }

  if (agenda.lastActions.length) {
    out.push('## Last month’s action items', '')
    for (const action of agenda.lastActions) {
      const outcome = action.outcome ? `; ${describeOutcome(action.outcome)}` : ''
      out.push(
        `- [${action.status === 'done' ? 'x' : ' '}] ${line(action.text)} (${action.ownerName}, due ${action.dueOn}; ${
          STATUS_TEXT[action.status]
        }${outcome})`,
      )
    }
    out.push('')
  }

  if (page.celebrate.length) {
    out.push('## Replies worth celebrating', '')
    for (const reply of page.celebrate)
      out.push(`> ${line(reply.text)}`, `> — ${reply.authorName ?? 'a colleague'}, on “${reply.scenarioTitle}”`, '')
  }

  const calibration = page.calibration
  if (calibration) {
    out.push('## Blind group calibration', '')
    out.push(
      `${calibration.source === 'gold' ? 'A gold example' : 'A reply from another team'} on “${calibration.scenarioTitle}”; ${
        calibration.votes
      } votes.`,
      '',
    )
    if (calibration.results) {
      out.push(`Agreement (share within one level of the median): ${formatShare(calibration.results.overall)}`, '')
      out.push(
        '| Criterion | Level 1 | Level 2 | Level 3 | Level 4 | Median | Within one level | Expert |',
        '|---|---|---|---|---|---|---|---|',
      )
      for (const c of calibration.results.criteria) {
        out.push(`| ${c.name} | ${c.distribution.join(' | ')} | ${c.median ?? '–'} | ${formatShare(c.spread)} | ${c.expert ?? '–'} |`)
      }
      out.push('')
    }
  }

  out.push('## Action items', '')
  if (!page.actions.length) out.push('None recorded.')
  for (const action of page.actions) {
    const target = describeTarget(action.metricName, action.targetChange)
    out.push(
      `- [${action.status === 'done' ? 'x' : ' '}] ${line(action.text)} — owner: ${action.ownerName}, due ${action.dueOn}${
        target ? `, target: ${target}` : ''
      }`,
    )
  }
  out.push('')

  out.push('## Attendance', '')
  out.push(page.attendance.length ? page.attendance.map((a) => a.name).join(', ') : 'Nobody recorded.')
  out.push('')
  return out.join('\n')
}
