// One hub per process and database: it LISTENs on the meetings channel once and, on each NOTIFY,
// reads the meeting's committed state and hands it to the event streams of that meeting connected
// here. After a lost connection (null payload) it re-reads every meeting it serves.
import type { Database } from '#db/client.server'
import { closeListener, listen } from '#db/listen.server'
import { logger } from '~/observability/logger.server'
import { liveState, MEETING_CHANNEL, type LiveState } from './live.server'

type Subscriber = (state: LiveState) => void

class LiveHub {
  private subscribers = new Map<string, Set<Subscriber>>()
  private listening: Promise<unknown> | null = null
  private closers = new Set<() => void>()

  constructor(private database: Database) {}

  async subscribe(meetingId: string, subscriber: Subscriber) {
    this.listening ??= listen(this.database, MEETING_CHANNEL, (payload) => void this.onNotification(payload)).catch((error) => {
      this.listening = null
      throw error
    })
    await this.listening
    const set = this.subscribers.get(meetingId) ?? new Set()
    set.add(subscriber)
    this.subscribers.set(meetingId, set)
    return () => {
      set.delete(subscriber)
      if (set.size === 0) this.subscribers.delete(meetingId)
    }
  }

  /** Streams register how to end themselves, so a shutdown does not wait for them. */
  onClose(close: () => void) {
    this.closers.add(close)
    return () => this.closers.delete(close)
  }

  async closeAll() {
    for (const close of [...this.closers]) close()
    this.listening = null
    hubs.delete(this.database)
    await closeListener(this.database)
  }

  private async onNotification(payload: string | null) {
    const ids = payload === null ? [...this.subscribers.keys()] : [payload]
    for (const id of ids) {
      const set = this.subscribers.get(id)
      if (!set?.size) continue
      try {
        const state = await liveState(this.database.db, id)
        if (state) for (const subscriber of set) subscriber(state)
      } catch (error) {
        logger.warn({ err: error }, 'could not read a meeting’s live state')
      }
    }
  }
}

// Held on globalThis: the production server and the Remix build each bundle a copy of this module,
// and the server's shutdown must reach the hubs the build's routes opened.
const registry = ((globalThis as { [key: symbol]: unknown })[Symbol.for('rapport.liveHubs')] ??= {
  hubs: new WeakMap<Database, LiveHub>(),
  allHubs: new Set<LiveHub>(),
}) as { hubs: WeakMap<Database, LiveHub>; allHubs: Set<{ closeAll(): Promise<void> }> }
const { hubs, allHubs } = registry

export function liveHub(database: Database) {
  let hub = hubs.get(database)
  if (!hub) {
    hub = new LiveHub(database)
    hubs.set(database, hub)
    allHubs.add(hub)
  }
  return hub
}

/** Ends every open event stream of this process (on shutdown; browsers reconnect to another instance). */
export async function closeLiveStreams() {
  await Promise.all([...allHubs].map((hub) => hub.closeAll()))
  allHubs.clear()
}
