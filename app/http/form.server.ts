// The one way actions read a posted form. Transport problems (not a form at all, a broken
// multipart body) are refused with a 400 response; text we cannot store — a NUL byte, or a field
// longer than any of our forms allows — is answered 400 *with what was typed*, so the page can show
// the message beside the form instead of losing it.
import { data } from '@remix-run/node'

/** No field of any form is longer than this (replies are 5,000; an import's pasted text up to 1 MB). */
export const MAX_FIELD_LENGTH = 20_000

export type InvalidForm = { formError: string; errors: Record<string, string>; values: Record<string, string> }

export interface ReadFormOptions {
  /** Longest value per field name, when a field may be longer (or must be shorter) than MAX_FIELD_LENGTH. */
  maxLength?: Record<string, number>
}

export async function readForm(request: Request, options: ReadFormOptions = {}) {
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    throw new Response('That form could not be read. Please send it again from the page.', { status: 400, statusText: 'Bad Request', headers: { 'X-Form-Error': error instanceof Error ? error.name : 'unreadable' } })
  }
  const values: Record<string, string> = {}
  let problem: { field: string; message: string } | null = null
  for (const [name, value] of form) {
    if (name.includes('\0')) {
      problem ??= { field: 'form', message: 'The form held a character we cannot store (a NUL byte).' }
      continue
    }
    if (typeof value !== 'string') continue
    const limit = options.maxLength?.[name] ?? MAX_FIELD_LENGTH
    // Keep what was typed (cut to a size worth sending back) so the page can show it again.
    values[name] = value.slice(0, Math.max(limit, MAX_FIELD_LENGTH)).replaceAll('\0', '')
    if (value.includes('\0')) problem ??= { field: name, message: 'This holds a character we cannot store (a NUL byte); remove it and try again.' }
    else if (value.length > limit) problem ??= { field: name, message: `This is ${value.length.toLocaleString('en')} characters long; the most we keep is ${limit.toLocaleString('en')}.` }
  }
  // Typed `never` so that every route's action data keeps its own type. At run time it carries
  // { formError, errors, values }: `errors` keyed by field name and `values` as the routes' own
  // answers are, so a page shows the message beside the field and can show the text again.
  const invalid = (problem
    ? data<InvalidForm>({ formError: problem.message, errors: { [problem.field]: problem.message }, values }, { status: 400 })
    : null) as null | never
  return { form, invalid, problem }
}
