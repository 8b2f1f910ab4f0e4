import { Avatar, authorOf, type ChannelViewProps } from './conversation-parts'

/** Comments under a post on someone's personal blog; notes describe the post itself. */
export function BlogCommentView({ scenario }: ChannelViewProps) {
  return (
    <div className="blog">
      {scenario.conversation.map((turn, index) =>
        turn.role === 'note' ? (
          <div key={index} className="blog__post">
            <p className="blog__post-label">On the blog{turn.at ? ` · ${turn.at}` : ''}</p>
            <p className="blog__post-text">{turn.text}</p>
          </div>
        ) : (
          <article key={index} className={`blog-comment blog-comment--${turn.role}`} aria-label={`Comment by ${authorOf(turn, scenario)}`}>
            <Avatar name={authorOf(turn, scenario)} tone={turn.role === 'customer' ? 'customer' : 'agent'} />
            <div className="blog-comment__body">
              <p className="blog-comment__meta">
                <strong>{authorOf(turn, scenario)}</strong> <span className="muted">commented{turn.at ? ` · ${turn.at}` : ''}</span>
              </p>
              <p className="blog-comment__text">{turn.text}</p>
            </div>
          </article>
        ),
      )}
    </div>
  )
}
