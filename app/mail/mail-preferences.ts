// The switches people have for non-essential mail, and which kinds of mail each one turns off.
// Shared by the account page (its checkboxes) and the mail code (preferences.server.ts).
export const MAIL_PREFERENCES = {
  emailReminders: { label: 'Reminders about drills that are due', kinds: ['drill-reminder', 'drill-digest'] },
  emailMeetings: { label: 'My team’s review meetings: the notice before and the summary after', kinds: ['meeting-upcoming', 'meeting-summary'] },
  emailDigest: { label: 'A daily digest of what waits for me', kinds: ['digest'] },
} as const

export type MailPreference = keyof typeof MAIL_PREFERENCES
export const MAIL_PREFERENCE_NAMES = Object.keys(MAIL_PREFERENCES) as MailPreference[]

/** The switch that turns off a kind of mail, or null when the kind is essential or unknown. */
export function preferenceOf(kind: string): MailPreference | null {
  for (const name of MAIL_PREFERENCE_NAMES) if ((MAIL_PREFERENCES[name].kinds as readonly string[]).includes(kind)) return name
  return null
}
