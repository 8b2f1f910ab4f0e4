// The words of drill e-mails (rendered by the app's one mail template): the due time in the
// organization's time zone and one link to the drill.
import { DateTime } from 'luxon'
import type { MailContent } from '~/mail/templates.server'

export const formatDueTime = (dueAt: Date, zone: string) =>
  DateTime.fromJSDate(dueAt, { zone }).setLocale('en-GB').toFormat("cccc d LLLL 'at' HH:mm")

const firstName = (name: string) => name.split(' ')[0]

export type DrillMailKind = 'assigned' | 'due-soon' | 'overdue' | 'nudge'

export function drillMail(
  reminder: { kind: DrillMailKind; drillId: string; title: string; dueAt: Date | null },
  { name, zone }: { name: string; zone: string },
): MailContent {
  const due = reminder.dueAt ? formatDueTime(reminder.dueAt, zone) : null
  const words: Record<DrillMailKind, [string, string]> = {
    assigned: [`New drill: ${reminder.title}`, `You have a new drill, “${reminder.title}”, due ${due}.`],
    'due-soon': [`Due soon: ${reminder.title}`, `Your drill “${reminder.title}” is due ${due}.`],
    overdue: [`Overdue: ${reminder.title}`, `Your drill “${reminder.title}” was due ${due}. It still counts when you finish it now.`],
    nudge: [`A reminder: ${reminder.title}`, `Your manager sent a reminder about your drill “${reminder.title}”${due ? `, due ${due}` : ''}.`],
  }
  const [subject, body] = words[reminder.kind]
  return {
    kind: 'drill-reminder',
    essential: false,
    subject,
    heading: subject,
    paragraphs: [`Hello ${firstName(name)},`, body],
    action: { label: 'Open the drill', path: `/drills/${reminder.drillId}` },
  }
}

export function drillDigestMail(digest: { items: { drillId: string; title: string; dueAt: Date }[] }, { name, zone }: { name: string; zone: string }): MailContent {
  const count = digest.items.length
  return {
    kind: 'drill-digest',
    essential: false,
    subject: `This week: ${count} ${count === 1 ? 'drill' : 'drills'} due`,
    heading: 'Drills due this week',
    paragraphs: [`Hello ${firstName(name)}, here is what is due this week.`],
    items: digest.items.map((item) => ({ text: `${item.title}, due ${formatDueTime(item.dueAt, zone)}`, path: `/drills/${item.drillId}` })),
    action: { label: 'See all your drills', path: '/drills' },
  }
}
