import { useRouteLoaderData } from '@remix-run/react'

/** The signed-in person's organization time zone (from the root loader), for components that show dates. */
export function useTimeZone(): string {
  const data = useRouteLoaderData('root') as { timeZone?: string } | undefined
  return data?.timeZone ?? 'UTC'
}
