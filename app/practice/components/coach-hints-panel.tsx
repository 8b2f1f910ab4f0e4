import type { CoachHint } from '../coach-hints'

/** The coach hints for a reply: live beside the reply box, and as stored on the feedback page. */
export function CoachHints({
  hints,
  empty,
  heading = 'Coach hints',
  level = 4,
}: {
  hints: CoachHint[]
  empty?: boolean
  heading?: string
  level?: 2 | 3 | 4
}) {
  const Heading = `h${level}` as const
  return (
    <aside className="coach" aria-labelledby="coach-heading">
      <Heading id="coach-heading">{heading}</Heading>
      <p className="coach__note">Suggestions to consider. They never block you and are never part of a score: people judge empathy, not the machine.</p>
      {empty ? (
        <p className="coach__empty">Start writing and suggestions appear here.</p>
      ) : hints.length === 0 ? (
        <p className="coach__empty">Nothing to suggest. Read it once more as the customer would.</p>
      ) : (
        <ul className="coach__list">
          {hints.map((hint) => (
            <li key={hint.id} className="coach__hint">
              <p className="coach__title">{hint.title}</p>
              <p className="coach__why">{hint.why}</p>
              {hint.evidence?.length ? (
                <p className="coach__evidence">
                  <span className="visually-hidden">Found: </span>
                  {hint.evidence.map((e) => `“${e}”`).join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
