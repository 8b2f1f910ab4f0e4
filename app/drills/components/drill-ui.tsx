// Small pieces shared by the drill pages and the home page.
import { Link } from '@remix-run/react'
import { formatDateTime, formatDue } from '~/time/zoned-time'
import { STATUS_LABEL, type AssignmentStatus, type Funnel } from '../status'

const BADGE: Record<AssignmentStatus, string> = {
  'not-started': 'badge',
  'in-progress': 'badge badge--accent',
  done: 'badge badge--good',
  late: 'badge badge--warn',
  overdue: 'badge badge--bad',
  exempt: 'badge',
  left: 'badge',
}

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return <span className={BADGE[status]}>{STATUS_LABEL[status]}</span>
}

/** A cycle's funnel in words: assigned · not started · in progress · done on time · late · overdue · exempt. */
export function FunnelFigures({ funnel, label }: { funnel: Funnel; label: string }) {
  const parts: [string, number][] = [
    ['assigned', funnel.assigned],
    ['not started', funnel.notStarted],
    ['in progress', funnel.inProgress],
    ['done on time', funnel.doneOnTime],
    ['late', funnel.late],
    ['overdue', funnel.overdue],
    ['exempt', funnel.exempt],
  ]
  return (
    <ul className="funnel" aria-label={label}>
      {parts.map(([name, n]) => (
        <li key={name}>
          <strong>{n}</strong> {name}
        </li>
      ))}
    </ul>
  )
}

type NextDrill = { drillId: string; title: string; dueAt: string | Date; status: AssignmentStatus; stepsDone: number; stepsTotal: number }

/** The home page's "next up" drill: shown before path steps when something is due. */
export function NextDrillCard({ drill, timeZone, now }: { drill: NextDrill | null; timeZone: string; now: string | Date }) {
  if (!drill) return null
  return (
    <section aria-labelledby="next-drill" className={`card drill-item${drill.status === 'overdue' ? ' drill-item--overdue' : ''}`}>
      <h2 id="next-drill">Next up: a drill</h2>
      <p className="drill-item__meta">
        <StatusBadge status={drill.status} /> {formatDue(drill.dueAt, now)} · {formatDateTime(drill.dueAt, timeZone)} · {drill.stepsDone} of {drill.stepsTotal} steps done
      </p>
      <p>
        <Link className="button" to={`/drills/${drill.drillId}`}>
          Open “{drill.title}”
        </Link>
      </p>
    </section>
  )
}
