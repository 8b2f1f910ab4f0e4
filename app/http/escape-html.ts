// Text placed into HTML that we build as strings (e-mail, problem pages, the import preview).
// Client-safe: the import preview is built in the browser too.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch])
}
