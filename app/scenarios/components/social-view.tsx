import { Avatar, authorOf, replyLimit, type ChannelViewProps } from './conversation-parts'
import { handleOf } from './scenario-labels'

/** A public post on our page, with handle, time, length and the replies under it. */
export function SocialView({ scenario }: ChannelViewProps) {
  const limit = replyLimit(scenario)
  const [first, ...rest] = scenario.conversation
  const posts = first && first.role === 'customer' ? [first] : []
  const replies = posts.length > 0 ? rest : scenario.conversation
  return (
    <div className="social">
      {posts.map((turn, index) => {
        const name = authorOf(turn, scenario)
        return (
          <article key={index} className="social-post" aria-label={`Post by ${name}`}>
            <header className="social-post__header">
              <Avatar name={name} />
              <div>
                <p className="social-post__name">{name}</p>
                <p className="social-post__handle">
                  {handleOf(name)}
                  {turn.at ? ` · ${turn.at}` : ''} · posted on our page
                </p>
              </div>
            </header>
            <p className="social-post__text">{turn.text}</p>
            <p className="social-post__count">{turn.text.length} characters</p>
          </article>
        )
      })}
      {replies.length > 0 ? (
        <ol className="social-replies">
          {replies.map((turn, index) => (
            <li key={index} className={`social-reply social-reply--${turn.role}`}>
              {turn.role === 'note' ? (
                <p className="social-reply__note">
                  {turn.at ? <span className="social-reply__at">{turn.at} · </span> : null}
                  {turn.text}
                </p>
              ) : (
                <>
                  <p className="social-reply__who">
                    <strong>{authorOf(turn, scenario)}</strong> <span className="muted">{handleOf(authorOf(turn, scenario))}</span>
                    {turn.at ? <span className="social-reply__at"> · {turn.at}</span> : null}
                  </p>
                  <p className="social-reply__text">{turn.text}</p>
                </>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {limit ? (
        <p className="social__limit">
          Everyone can read your reply. It has room for <strong>{limit}</strong> characters.
        </p>
      ) : null}
    </div>
  )
}
