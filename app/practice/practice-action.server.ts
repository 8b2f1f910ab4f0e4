// The action behind the reply box on /scenarios/:slug (the route re-exports it). Thin: it reads the
// form, calls the practice domain and shapes the answer; every rule lives in practice.server.ts.
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/auth/guards.server'
import { chooseOption, saveDraft, startAttempt, submitReply } from './practice.server'
import { readForm } from '~/http/form.server'

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '')
const optional = (value: FormDataEntryValue | null) => (typeof value === 'string' && value !== '' ? value : undefined)

export type PracticeActionData =
  | { intent: 'save-draft'; ok: true; savedAt: string; attemptId: string }
  | { intent: 'save-draft' | 'submit' | 'choose'; ok: false; promptId: string; errors: Record<string, string>; values: { text?: string } }

export async function practiceAction({ request, context, params }: ActionFunctionArgs): Promise<PracticeActionData | Response> {
  const user = requireUser(context, request)
  const slug = params.slug ?? ''
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const intent = text(form.get('intent'))
  const attemptId = optional(form.get('attemptId'))
  const promptId = text(form.get('promptId'))
  const here = `/scenarios/${slug}`

  if (intent === 'try-again') {
    await startAttempt(context.db, user, slug)
    return redirect(`${here}#practice`)
  }

  if (intent === 'choose') {
    const result = await chooseOption(context.db, user, { slug, attemptId, promptId, optionId: text(form.get('optionId')) })
    if (!result.ok) return { intent, ok: false, promptId, errors: { optionId: result.error }, values: {} }
    return redirect(`${here}?chose=${encodeURIComponent(promptId)}#practice`)
  }

  const body = text(form.get('text'))
  if (intent === 'submit') {
    const result = await submitReply(context.db, user, { slug, attemptId, promptId, text: body })
    if (!result.ok) return { intent, ok: false, promptId, errors: { [result.field]: result.error }, values: { text: body } }
    return redirect(`${here}?submitted=${result.value.replyId}#practice`)
  }

  // Anything else is a draft save: the autosave fetcher, or the "Save draft" button without JavaScript.
  const saved = await saveDraft(context.db, user, { slug, attemptId, promptId, text: body })
  if (!saved.ok) return { intent: 'save-draft', ok: false, promptId, errors: { [saved.field]: saved.error }, values: { text: body } }
  return { intent: 'save-draft', ok: true, savedAt: saved.value.savedAt.toISOString(), attemptId: saved.value.attemptId }
}
