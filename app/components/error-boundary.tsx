import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const messages: Record<number, { title: string; body: string; page: string }> = {
  400: { title: 'That did not look right', body: 'Something in the request was not valid.', page: 'Something was not right' },
  403: { title: 'Not for you, sorry', body: 'If you think you need this page, ask your manager or an admin.', page: 'No access' },
  404: { title: 'We could not find that page', body: 'The link may be old or mistyped.', page: 'Page not found' },
  409: { title: 'That already exists', body: 'Reload the page to see the latest state.', page: 'Already there' },
  503: {
    title: 'Rapport is catching its breath',
    body: 'Our database is not answering right now. What was already saved is safe; a form you just sent was not saved, so please send it again in a few seconds.',
    page: 'Back in a moment',
  },
}

// The bare defaults of forbidden()/notFound() and of Remix's own 404 add nothing to the title above them.
const UNINFORMATIVE = new Set(['Not found', 'Not Found', 'Forbidden', 'We could not find that.', 'You do not have access to this.'])

function statusOf(error: unknown) {
  return isRouteErrorResponse(error) ? error.status : 500
}

/** The <title> of an error page, for a route's `meta` when it receives an `error`. */
export function errorTitle(error: unknown) {
  return `${messages[statusOf(error)]?.page ?? 'Something went wrong'} · Rapport`
}

/** The one general error boundary: a friendly page per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = statusOf(error)
  const known = messages[status]
  const detail =
    isRouteErrorResponse(error) && typeof error.data === 'string' && status < 500 && !UNINFORMATIVE.has(error.data.trim())
      ? error.data
      : null
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{known?.title ?? 'Something went wrong on our side'}</h1>
      {detail ? <p>{detail}</p> : null}
      <p className={detail ? 'muted' : undefined}>{known?.body ?? 'Please try again in a moment. The problem has been logged.'}</p>
      <p className="error-page__links">
        <Link to="/">Go to your home page</Link>
        <Link to="/lessons">Browse lessons</Link>
        <Link to="/scenarios">Browse scenarios</Link>
      </p>
    </section>
  )
}
