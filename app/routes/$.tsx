import type { MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'

export const meta: MetaFunction = ({ error }) => [{ title: errorTitle(error) }]

// Any unknown URL: a helpful 404 inside the layout.
export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
