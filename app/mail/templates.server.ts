// The one template module for e-mail. Every message has a plain-text and an HTML part, names the
// organization, and links absolutely (APP_URL). Non-essential mail (reminders, digests) carries a
// preferences link and a List-Unsubscribe header. Never put a password or imported text in here.
//
//   renderMail(content, { organizationName, appUrl }) → { subject, text, html, headers }
//   content = { kind, essential, subject, heading, paragraphs, action?: { label, path }, items?, footnote? }
// Domains write a small function that returns a MailContent (see invitationMail below) and hand it
// to queueMail (outbox.server.ts).
import { escapeHtml } from '~/http/escape-html'

export interface MailContent {
  /** What kind of message this is ('invitation', 'password-reset', 'digest', 'drill-reminder', …). */
  kind: string
  /** Essential mail (invitations, password resets) cannot be turned off and has no unsubscribe link. */
  essential: boolean
  subject: string
  heading: string
  paragraphs: string[]
  /** The main button; `path` is joined to APP_URL. */
  action?: { label: string; path: string }
  /** A list of things (a digest's lines), each optionally linked. */
  items?: { text: string; path?: string }[]
  footnote?: string
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
  headers: Record<string, string>
}

export const PREFERENCES_PATH = '/account#email-preferences'

export function renderMail(
  content: MailContent,
  context: { organizationName: string; appUrl: string; unsubscribePath?: string },
): RenderedMail {
  const link = (path: string) => new URL(path, `${context.appUrl}/`).toString()
  const preferencesUrl = link(PREFERENCES_PATH)
  const unsubscribeUrl = context.unsubscribePath ? link(context.unsubscribePath) : null
  const org = context.organizationName

  const textParts = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])]
  if (content.items?.length) {
    for (const item of content.items) textParts.push(`- ${item.text}${item.path ? `\n  ${link(item.path)}` : ''}`)
    textParts.push('')
  }
  if (content.action) textParts.push(`${content.action.label}: ${link(content.action.path)}`, '')
  if (content.footnote) textParts.push(content.footnote, '')
  textParts.push('—', `Rapport for ${org}`)
  if (!content.essential) textParts.push(`Choose which e-mails you get: ${preferencesUrl}`)
  if (!content.essential && unsubscribeUrl) textParts.push(`Stop e-mails like this one: ${unsubscribeUrl}`)

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f5f2;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;color:#57606a;font-size:14px">Rapport · ${escapeHtml(org)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
  content.items?.length
    ? `<ul>${content.items
        .map((item) => `<li>${item.path ? `<a href="${escapeHtml(link(item.path))}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`)
        .join('')}</ul>`
    : ''
}
${
  content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(link(content.action.path))}" style="background:#2f5d50;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#57606a">Or open this link: ${escapeHtml(link(content.action.path))}</p>`
    : ''
}
${content.footnote ? `<p style="font-size:13px;color:#57606a">${escapeHtml(content.footnote)}</p>` : ''}
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 12px">
<p style="font-size:12px;color:#57606a;margin:0">Rapport for ${escapeHtml(org)}${
    content.essential ? '' : ` · <a href="${escapeHtml(preferencesUrl)}">Choose which e-mails you get</a>`
  }${!content.essential && unsubscribeUrl ? ` · <a href="${escapeHtml(unsubscribeUrl)}">Stop e-mails like this one</a>` : ''}</p>
</div></body></html>`

  const headers: Record<string, string> = {}
  if (!content.essential && unsubscribeUrl) {
    // Mail programs offer "unsubscribe" and POST `List-Unsubscribe=One-Click` to the link (RFC 8058).
    headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  } else if (!content.essential) headers['List-Unsubscribe'] = `<${preferencesUrl}>`
  return { subject: `${content.subject} · ${org}`, text: textParts.join('\n'), html, headers }
}

// ───────────────────────────── the messages ─────────────────────────────

export function invitationMail(input: {
  inviteeName: string | null
  inviterName: string | null
  organizationName: string
  teamName: string
  token: string
  expiresAt: Date
  expiresText: string
}): MailContent {
  const greeting = input.inviteeName ? `Hello ${input.inviteeName},` : 'Hello,'
  const by = input.inviterName ? `${input.inviterName} invited you` : 'You have been invited'
  return {
    kind: 'invitation',
    essential: true,
    subject: `You're invited to Rapport`,
    heading: `Join ${input.organizationName} on Rapport`,
    paragraphs: [
      greeting,
      `${by} to join the ${input.teamName} team on Rapport, where ${input.organizationName} practises replying to customers with warmth and care.`,
      `Choose a password to accept. The link works once and expires ${input.expiresText}.`,
    ],
    action: { label: 'Accept the invitation', path: `/invite/${input.token}` },
    footnote: 'If you were not expecting this, you can ignore this e-mail.',
  }
}

export function passwordResetMail(input: { name: string; token: string }): MailContent {
  return {
    kind: 'password-reset',
    essential: true,
    subject: 'Reset your password',
    heading: 'Reset your Rapport password',
    paragraphs: [
      `Hello ${input.name},`,
      'Someone (hopefully you) asked to reset the password of your Rapport account. The link below works once, for one hour. Setting a new password signs you out everywhere else.',
    ],
    action: { label: 'Choose a new password', path: `/reset-password/${input.token}` },
    footnote: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  }
}

export function digestMail(input: { name: string; items: { text: string; path?: string }[] }): MailContent {
  return {
    kind: 'digest',
    essential: false,
    subject: `Your daily digest: ${input.items.length} thing${input.items.length === 1 ? '' : 's'} waiting`,
    heading: 'What is waiting for you',
    paragraphs: [`Hello ${input.name}, here is what happened since your last digest.`],
    items: input.items,
    action: { label: 'Open your notifications', path: '/notifications' },
  }
}
