// The words of drill e-mails: plain text, the due time in the organization's time zone, one link.
import { DateTime } from 'luxon'

export interface DrillEmail {
  subject: string
  text: string
}

interface Context {
  name: string
  zone: string
  baseUrl: string
}

export const formatDue = (dueAt: Date, zone: string) =>
  DateTime.fromJSDate(dueAt, { zone }).setLocale('en-GB').toFormat("cccc d LLLL 'at' HH:mm")

const firstName = (name: string) => name.split(' ')[0]

export function drillEmail(
  reminder: { kind: 'assigned' | 'due-soon' | 'overdue' | 'nudge'; drillId: string; title: string; dueAt: Date | null },
  { name, zone, baseUrl }: Context,
): DrillEmail {
  const link = new URL(`/drills/${reminder.drillId}`, baseUrl).toString()
  const due = reminder.dueAt ? formatDue(reminder.dueAt, zone) : null
  const lines: Record<typeof reminder.kind, [string, string]> = {
    assigned: [`New drill: ${reminder.title}`, `You have a new drill, “${reminder.title}”, due ${due}.`],
    'due-soon': [`Due soon: ${reminder.title}`, `Your drill “${reminder.title}” is due ${due}.`],
    overdue: [`Overdue: ${reminder.title}`, `Your drill “${reminder.title}” was due ${due}. It still counts when you finish it now.`],
    nudge: [`A reminder: ${reminder.title}`, `Your manager sent a reminder about your drill “${reminder.title}”.`],
  }
  const [subject, body] = lines[reminder.kind]
  return { subject, text: `Hi ${firstName(name)},\n\n${body}\n\nOpen it here: ${link}\n\n— Rapport\n` }
}

export function digestEmail(
  digest: { items: { title: string; dueAt: Date }[] },
  { name, zone, baseUrl }: Context,
): DrillEmail {
  const list = digest.items.map((item) => `- ${item.title}, due ${formatDue(item.dueAt, zone)}`).join('\n')
  const count = digest.items.length
  return {
    subject: `This week: ${count} ${count === 1 ? 'drill' : 'drills'} due`,
    text: `Hi ${firstName(name)},\n\nDue this week:\n${list}\n\nSee them all: ${new URL('/drills', baseUrl)}\n\n— Rapport\n`,
  }
}
