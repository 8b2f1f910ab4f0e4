// `/meetings/:id/events`: server-sent events with the meeting's live state. The first event is the
// current state, so a reconnecting browser resumes at the current step; a comment every 15 s keeps
// proxies from closing an idle stream. `no-transform` keeps the compression middleware from buffering it.
import type { Database } from '#db/client.server'
import { liveHub } from './live-hub.server'
import { liveState, recordAttendance, type LiveState } from './live.server'

export const HEARTBEAT_MS = 15_000

export function sseHeaders() {
  return {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  }
}

const encoder = new TextEncoder()
const stateEvent = (state: LiveState) => `id: ${state.version}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`

export async function meetingEventStream(
  database: Database,
  viewer: { id: string; organizationId: string },
  meetingId: string,
  signal: AbortSignal,
): Promise<Response> {
  const hub = liveHub(database)
  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true
      let lastVersion = -1
      const send = (text: string) => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      const push = (state: LiveState) => {
        if (state.version === lastVersion) return
        lastVersion = state.version
        send(stateEvent(state))
        if (state.status === 'live') void recordAttendance(database.db, viewer, meetingId).catch(() => {})
      }
      const unsubscribe = await hub.subscribe(meetingId, push)
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS)
      heartbeat.unref()
      const unregister = hub.onClose(() => cleanup())
      cleanup = () => {
        if (!open) return
        open = false
        clearInterval(heartbeat)
        unsubscribe()
        unregister()
        try {
          controller.close()
        } catch {
          // already closed by the client
        }
      }
      signal.addEventListener('abort', () => cleanup(), { once: true })
      send('retry: 2000\n\n')
      // Subscribed first, then read: a change in between is either in this read or in a later NOTIFY.
      const state = await liveState(database.db, meetingId)
      if (state) push(state)
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, { headers: sseHeaders() })
}
