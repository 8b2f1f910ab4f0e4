// The page sent when a request is answered before Remix can render one (a malformed request, the
// database being unreachable, an unexpected error): plain HTML that needs nothing but itself.
import type { Request, Response } from 'express'
import { escapeHtml } from './escape-html'

const TITLES: Record<number, string> = {
  400: 'That did not look right',
  403: 'Not for you, sorry',
  404: 'We could not find that page',
  411: 'That did not look right',
  413: 'That was too much at once',
  415: 'That did not look right',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
  503: 'Rapport is catching its breath',
}

// The app's stylesheet (its URL carries a content hash), so these pages look like the others.
let stylesheetHref: string | undefined
export function setProblemPageStylesheet(href: string | undefined) {
  stylesheetHref = href
}

export function problemHtml(status: number, message: string) {
  const title = TITLES[status] ?? 'Something went wrong'
  const stylesheet = stylesheetHref ? `<link rel="stylesheet" href="${escapeHtml(stylesheetHref)}">` : ''
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Rapport</title>${stylesheet}</head>
<body><main id="main">
<section class="error-page" aria-labelledby="error-title">
<p class="error-page__status">${status}</p>
<h1 id="error-title">${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="error-page__links"><a href="/">Go to your home page</a></p>
</section>
</main></body></html>
`
}

/** Answers with a friendly page (or plain text to a script or a Remix data request). */
export function sendProblemPage(req: Request, res: Response, status: number, message: string, headers: Record<string, string> = {}) {
  if (res.headersSent) return res.end()
  res.status(status).set({ 'Cache-Control': 'no-store', ...headers })
  const wantsHtml = !req.path.endsWith('.data') && (req.get('accept') ?? '').includes('text/html')
  if (wantsHtml) res.type('html').send(problemHtml(status, message))
  else res.type('text/plain').send(`${message}\n`)
}
