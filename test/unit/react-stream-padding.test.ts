import { PassThrough, Writable } from 'node:stream'
import { createElement } from 'react'
import { renderToPipeableStream, renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { createPaddingTrimmer, trimViewPadding } from '~/http/react-stream-padding.server'

/** Streams `element` the way entry.server does and returns the raw bytes. */
function streamBytes(element: ReturnType<typeof createElement>, trim: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        parts.push(Buffer.from(chunk))
        callback()
      },
    })
    sink.on('finish', () => resolve(Buffer.concat(parts)))
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const body = trim ? createPaddingTrimmer() : new PassThrough()
        body.pipe(sink)
        pipe(body)
      },
      onError: reject,
    })
  })
}

/** Short text nodes full of curly quotes and dashes, shifted by `offset` ASCII bytes. */
function page(offset: number) {
  const items = Array.from({ length: 400 }, (_, i) => createElement('li', { key: i }, `“${i}” — it’s`))
  return createElement('main', null, createElement('p', null, 'x'.repeat(offset)), createElement('ul', null, items))
}

describe('React 18 stream padding', () => {
  test('streamed HTML has no NUL bytes and matches renderToString, wherever the view boundaries fall', async () => {
    let paddedSomewhere = false
    for (let offset = 0; offset < 8; offset++) {
      const raw = await streamBytes(page(offset), false)
      if (raw.includes(0)) paddedSomewhere = true
      const fixed = await streamBytes(page(offset), true)
      expect(fixed.includes(0), `offset ${offset}`).toBe(false)
      expect(fixed.toString('utf8')).toBe(renderToString(page(offset)))
    }
    // Proves the test reaches the bug it guards against (React 18 pads a view with NULs).
    expect(paddedSomewhere).toBe(true)
  })

  test('only the padding at the end of a full view is removed', () => {
    const full = new Uint8Array(2048).fill(65)
    full.set([0, 0], 2046)
    expect(trimViewPadding(full).byteLength).toBe(2046)
    const shorter = Uint8Array.from([65, 0])
    expect(trimViewPadding(shorter)).toBe(shorter)
    const untouched = new Uint8Array(2048).fill(65)
    expect(trimViewPadding(untouched)).toBe(untouched)
  })
})

describe('React output passed on in one piece per turn', () => {
  test('a page React writes in one go leaves as one chunk, equal to the whole page', async () => {
    const chunks: Buffer[] = []
    await new Promise<void>((resolve, reject) => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(Buffer.from(chunk))
          callback()
        },
      })
      sink.on('finish', resolve)
      const { pipe } = renderToPipeableStream(page(3), {
        onAllReady() {
          const body = createPaddingTrimmer()
          body.pipe(sink)
          pipe(body)
        },
        onError: reject,
      })
    })
    expect(chunks).toHaveLength(1)
    expect(chunks[0].toString('utf8')).toBe(renderToString(page(3)))
  })

  test('what is written on a later turn still leaves on its own', async () => {
    const body = createPaddingTrimmer()
    const seen: string[] = []
    body.on('data', (chunk: Buffer) => seen.push(chunk.toString('utf8')))
    body.write(Buffer.from('a'))
    body.write(Buffer.from('b'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(seen).toEqual(['ab'])
    body.write(Buffer.from('c'))
    await new Promise((resolve) => body.end(resolve))
    expect(seen).toEqual(['ab', 'c'])
  })
})
