import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { offerReply, withdrawReplyOffer } from '~/meetings/offers.server'

const offerForm = z.object({
  replyId: z.string().uuid(),
  intent: z.enum(['offer', 'withdraw']),
  named: z.enum(['yes', 'no']).default('no'),
})

/** The author offers one of their replies to their team's meeting, or withdraws it; back to the reply. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const parsed = offerForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('That offer could not be read.', { status: 400 })
  const { replyId, intent, named } = parsed.data
  if (intent === 'offer') await offerReply(context.db, user, replyId, named === 'yes')
  else await withdrawReplyOffer(context.db, user, replyId)
  return redirect(`/replies/${replyId}`)
}

export const loader = () => redirect('/meetings')
