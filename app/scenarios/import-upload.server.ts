// Reading an uploaded conversation file into an import source. The file is read in memory and
// never written anywhere; what comes back round-trips through the import page only.
import type { ImportSource } from './import-anonymise.server'

export const MAX_UPLOAD_BYTES = 1_000_000
export const UPLOAD_EXTENSIONS = ['.txt', '.eml', '.jsonl'] as const

export type UploadResult =
  | { ok: true; source: ImportSource; subject: string | null }
  | { ok: false; error: string }

function extensionOf(name: string) {
  const dot = name.lastIndexOf('.')
  return dot === -1 ? '' : name.slice(dot).toLowerCase()
}

/** A `.txt` transcript, an `.eml` message (its text body and subject) or `.jsonl` messages. */
export async function readUpload(file: File): Promise<UploadResult> {
  const extension = extensionOf(file.name)
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension) && extension !== '.ndjson') {
    return { ok: false, error: 'Upload a .txt, .eml or .jsonl file.' }
  }
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: 'That file is larger than 1 MB; split it or paste the part you need.' }
  if (file.size === 0) return { ok: false, error: 'That file is empty.' }

  if (extension === '.eml') {
    try {
      // Loaded with the first e-mail upload rather than at every start.
      const { simpleParser } = await import('mailparser')
      const mail = await simpleParser(Buffer.from(await file.arrayBuffer()), { skipImageLinks: true, skipTextToHtml: true })
      const text = (mail.text ?? '').trim()
      if (!text) return { ok: false, error: 'That e-mail has no text body we can read.' }
      const sender = mail.from?.value[0]?.name?.trim() || null
      return { ok: true, source: { format: 'email', raw: text, sender }, subject: mail.subject?.trim() || null }
    } catch {
      // The parser's message may quote the message itself: report without it.
      return { ok: false, error: 'That .eml file could not be read as an e-mail.' }
    }
  }
  const text = await file.text()
  return { ok: true, source: { format: extension === '.txt' ? 'text' : 'jsonl', raw: text }, subject: null }
}
