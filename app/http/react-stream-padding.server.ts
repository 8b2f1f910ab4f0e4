import { Transform } from 'node:stream'

// React 18's renderToPipeableStream encodes HTML into 2048-byte views. When a multi-byte character
// (“ ” ’ — …) would straddle the end of a view, it flushes the whole view anyway, so the 1–3 bytes
// it never wrote go out as NUL bytes: garbled text and a hydration mismatch. Fixed upstream in
// React 19 (facebook/react#26228, issue #31134); until then we drop that padding on the way out.

const REACT_VIEW_SIZE = 2048
const MAX_PADDING = 3

/** Removes the NUL padding React 18 leaves at the end of a full 2048-byte view. */
export function trimViewPadding(chunk: Uint8Array): Uint8Array {
  if (chunk.byteLength !== REACT_VIEW_SIZE) return chunk
  let end = chunk.byteLength
  while (end > chunk.byteLength - MAX_PADDING && chunk[end - 1] === 0) end--
  return end === chunk.byteLength ? chunk : chunk.subarray(0, end)
}

/**
 * The stream to pipe React's HTML into: it trims each view with `trimViewPadding`, and passes on
 * what React wrote in one turn of the event loop as one chunk. Remix flushes the response after
 * every chunk (for streamed pages), and with compression each flush ends a deflate block: a page
 * of twenty 2 kB views cost twenty compressor calls and socket writes, and came out larger.
 * Content that React streams later (a suspended part) still leaves on the next turn.
 */
export function createPaddingTrimmer() {
  let held: Uint8Array[] = []
  let releasing = false
  const release = () => {
    releasing = false
    if (held.length === 0) return
    stream.push(held.length === 1 ? held[0] : Buffer.concat(held))
    held = []
  }
  const stream = new Transform({
    transform(chunk: Uint8Array, _encoding, callback) {
      held.push(trimViewPadding(chunk))
      if (!releasing) {
        releasing = true
        setImmediate(release)
      }
      callback()
    },
    flush(callback) {
      release()
      callback()
    },
  })
  return stream
}
