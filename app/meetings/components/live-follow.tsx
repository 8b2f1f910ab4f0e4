import { useEffect, useRef, useState } from 'react'
import { useRevalidator } from '@remix-run/react'
import type { LiveState } from '../live.server'

/**
 * Follows the meeting's event stream: keeps the latest live state and reloads the page's data
 * whenever the state's version moves past what the page shows (the browser reconnects by itself,
 * and the first event after a reconnect is the current state).
 */
export function useLiveFollow(meetingId: string, initial: LiveState) {
  const [state, setState] = useState(initial)
  const [connected, setConnected] = useState(false)
  const revalidator = useRevalidator()
  const shownVersion = useRef(initial.version)
  shownVersion.current = initial.version
  const revalidate = useRef(revalidator.revalidate)
  revalidate.current = revalidator.revalidate

  useEffect(() => setState(initial), [initial])

  useEffect(() => {
    if (initial.status === 'held') return
    const source = new EventSource(`/meetings/${meetingId}/events`)
    source.addEventListener('open', () => setConnected(true))
    source.addEventListener('error', () => setConnected(false))
    source.addEventListener('state', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as LiveState
      setState(next)
      if (next.version !== shownVersion.current) revalidate.current()
    })
    return () => source.close()
  }, [meetingId, initial.status])

  return { state, connected }
}
