import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/auth/guards.server'
import { meetingMarkdown } from '~/meetings/markdown'
import { getMeetingPage } from '~/meetings/meetings.server'

/** `/meetings/:id.md`: the meeting as Markdown, for the team's notes. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const page = await getMeetingPage(context.db, user, params.id ?? '')
  return new Response(meetingMarkdown(page), {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `inline; filename="meeting-${page.team.slug}-${page.meeting.month.slice(0, 7)}.md"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
