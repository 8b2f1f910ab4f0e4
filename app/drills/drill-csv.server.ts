// One drill's people × steps table as CSV, exactly what the viewer may see on the page.
import type { Db } from '#db/client.server'
import type { Actor } from '~/org/teams.server'
import { csvLine } from './csv'
import { drillTable } from './drills.server'
import { wallClock } from './schedule'

export async function drillCsv(db: Db, actor: Actor, drillId: string, options: { teamId?: string; sequence?: number; now?: Date } = {}) {
  const table = await drillTable(db, actor, drillId, options)
  const at = (date: Date | null) => (date ? (({ date: d, time }) => `${d} ${time}`)(wallClock(date, table.timeZone)) : null)
  const header = ['person', 'team', 'status', 'due', 'done', 'extended', 'exempt_reason', ...table.steps.map((s, i) => `step_${i + 1}_${s.kind}: ${s.title}`)]
  const rows = table.rows.map((row) =>
    csvLine([
      row.name,
      row.teamName,
      row.status,
      at(row.dueAt),
      at(row.doneAt),
      row.extended ? 'yes' : 'no',
      row.exemptReason,
      ...row.steps.map((step) => (step.doneAt ? `${step.late ? 'late' : 'done'} ${at(step.doneAt)}` : '')),
    ]),
  )
  const slug = table.drill.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'drill'
  return {
    csv: [csvLine(header), ...rows].join('\r\n') + '\r\n',
    filename: `drill-${slug}${table.cycle ? `-cycle-${table.cycle.sequence}` : ''}.csv`,
  }
}
