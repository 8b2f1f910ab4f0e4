import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/auth/guards.server'
import { requireMeetingAccess } from '~/meetings/access.server'
import { meetingEventStream } from '~/meetings/event-stream.server'

/** The meeting's live state as server-sent events (text/event-stream). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const { meeting } = await requireMeetingAccess(context.db, user, params.id ?? '')
  return meetingEventStream(context.database, user, meeting.id, request.signal)
}
