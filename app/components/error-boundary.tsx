import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const messages: Record<number, { title: string; body: string }> = {
  400: { title: 'That did not look right', body: 'Something in the request was not valid.' },
  403: { title: 'Not for you, sorry', body: 'You do not have access to this page. If you think you should, ask an admin.' },
  404: { title: 'We could not find that page', body: 'The link may be old or mistyped.' },
}

/** The one general error boundary: a friendly page per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = messages[status]
  const detail = isRouteErrorResponse(error) && typeof error.data === 'string' && status < 500 ? error.data : null
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{known?.title ?? 'Something went wrong on our side'}</h1>
      <p>{detail ?? known?.body ?? 'Please try again in a moment. The problem has been logged.'}</p>
      <p className="error-page__links">
        <Link to="/">Go to your home page</Link>
        <Link to="/lessons">Browse lessons</Link>
        <Link to="/scenarios">Browse scenarios</Link>
      </p>
    </section>
  )
}
