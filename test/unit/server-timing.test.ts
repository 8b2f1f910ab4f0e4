import { describe, expect, test } from 'vitest'
import { createServerTiming, formatEntry, serverTimingHeaders } from '~/http/server-timing.server'

/** A clock the test moves by hand, so durations are exact and nothing depends on real time. */
function manualClock() {
  let t = 0
  return { now: () => t, advance: (ms: number) => void (t += ms) }
}

describe('server timing', () => {
  test('each named step and the total appear in the header, in the order they finished', async () => {
    const clock = manualClock()
    const timing = createServerTiming(clock.now)
    const teams = await timing.time('teams', async () => {
      clock.advance(12.34)
      return ['Support']
    })
    await timing.time('trend', () => {
      clock.advance(3)
      return 1
    }, 'personal trend')
    clock.advance(1)
    expect(teams).toEqual(['Support'])
    expect(timing.header()).toBe('teams;dur=12.3, trend;dur=3;desc="personal trend", total;dur=16.3')
    expect(timing.headers()).toEqual({ 'Server-Timing': timing.header() })
  })

  test('a step that throws is still recorded and the error reaches the caller', async () => {
    const clock = manualClock()
    const timing = createServerTiming(clock.now)
    const failure = new Error('database down')
    await expect(
      timing.time('rollups', async () => {
        clock.advance(5)
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(timing.entries()).toEqual([{ name: 'rollups', duration: 5, description: undefined }])
  })

  test('names become valid tokens and descriptions valid quoted strings', () => {
    expect(formatEntry({ name: 'next up', duration: 1, description: 'say "hi" \\ café' })).toBe('next-up;dur=1;desc="say hi  caf?"')
    expect(formatEntry({ name: '', duration: -2 })).toBe('step;dur=0')
  })

  test('the route headers export passes the loader’s Server-Timing through and keeps the parent’s headers', () => {
    const loaderHeaders = new Headers({ 'Server-Timing': 'db;dur=2' })
    const parentHeaders = new Headers({ 'Cache-Control': 'private' })
    const headers = new Headers(
      serverTimingHeaders({ loaderHeaders, parentHeaders, actionHeaders: new Headers(), errorHeaders: undefined }),
    )
    expect(headers.get('Server-Timing')).toBe('db;dur=2')
    expect(headers.get('Cache-Control')).toBe('private')
    const none = new Headers(
      serverTimingHeaders({ loaderHeaders: new Headers(), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined }),
    )
    expect(none.has('Server-Timing')).toBe(false)
  })
})
