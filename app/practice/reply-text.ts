// Client-safe: the reply text as it is stored and measured. The live counter and the server's
// length check both use it, so the counter never shows a number the error message disagrees with.
export function normaliseReplyText(raw: string): string {
  return raw.replace(/\r\n/g, '\n').trim()
}
