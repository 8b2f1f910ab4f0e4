import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { safeRedirect, requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { getNotification, listNotifications, markNotificationsRead } from '~/notifications/notifications.server'
import { formatDateTime, formatRelative } from '~/time/zoned-time'
import { readForm } from '~/http/form.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Notifications · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const items = await listNotifications(context.db, user)
  // In the organization's time zone, and relative: "3 hours ago" with the full date beside it.
  const zone = user.timeZone ?? 'UTC'
  const now = new Date()
  return {
    items: items.map((item) => ({ ...item, when: formatRelative(item.createdAt, now), whenExact: formatDateTime(item.createdAt, zone) })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  if (form.get('intent') === 'read-all') {
    await markNotificationsRead(context.db, user)
    return redirect('/notifications')
  }
  // Opening a notification marks it read and follows its link.
  const id = String(form.get('id') ?? '')
  const item = /^[0-9a-f-]{36}$/.test(id) ? await getNotification(context.db, user, id) : null
  if (!item) return redirect('/notifications')
  await markNotificationsRead(context.db, user, [item.id])
  return redirect(safeRedirect(item.href, '/notifications'))
}

export default function NotificationsPage() {
  const { items } = useLoaderData<typeof loader>()
  const unread = items.filter((item) => !item.readAt).length
  return (
    <div className="stack notifications-page">
      <header className="page-header row notifications-page__header">
        <div>
          <h1>Notifications</h1>
          <p>{unread ? `${unread} unread` : 'You are all caught up.'}</p>
        </div>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button--secondary">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </header>
      {items.length === 0 ? (
        <p className="empty">Nothing yet. You will hear here when your replies have their reviews.</p>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={`notification${item.readAt ? '' : ' notification--unread'}`}>
              <Form method="post" className="notification__form">
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" className="notification__open">
                  {item.readAt ? null : <span className="visually-hidden">Unread: </span>}
                  {item.title}
                </button>
              </Form>
              <span className="notification__when small muted" title={item.whenExact}>{item.when}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
