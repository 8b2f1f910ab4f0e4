import { Link } from '@remix-run/react'
import type { ActionItemView } from '../action-items.server'
import { describeTarget } from '../format'

/** The team page's list of open action items from its meetings. */
export function OpenActionItems({
  items,
  teamName,
}: {
  items: (Pick<ActionItemView, 'id' | 'meetingId' | 'text' | 'dueOn' | 'metricName' | 'targetChange'> & { ownerName: string | null })[]
  teamName: string
}) {
  return (
    <section className="card" aria-labelledby="open-actions-heading">
      <h2 id="open-actions-heading">Open action items</h2>
      {items.length ? (
        <ul className="action-items">
          {items.map((item) => {
            const target = describeTarget(item.metricName, item.targetChange)
            return (
              <li key={item.id} className="action-item">
                <p className="action-item__text">{item.text}</p>
                <p className="action-item__meta small">
                  {item.ownerName ? `Owner: ${item.ownerName} · ` : ''}Due {item.dueOn}
                  {target ? ` · Target: ${target}` : ''} · <Link to={`/meetings/${item.meetingId}`}>from the meeting</Link>
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="muted">
          {teamName} has no open action items. They are agreed in the monthly <Link to="/meetings">review meeting</Link>.
        </p>
      )}
    </section>
  )
}

/** "Next up" on the home page: the action items someone owns. */
export function MyActionItems({ items }: { items: { id: string; text: string; dueOn: string; meetingId: string; teamName: string }[] }) {
  if (!items.length) return null
  return (
    <section className="card" aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">Your action items</h2>
      <ul className="action-items">
        {items.map((item) => (
          <li key={item.id} className="action-item">
            <p className="action-item__text">{item.text}</p>
            <p className="action-item__meta small">
              {item.teamName} · Due {item.dueOn} · <Link to={`/meetings/${item.meetingId}`}>from the meeting</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
