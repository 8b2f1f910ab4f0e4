import { Avatar, TurnNote, authorOf, type ChannelViewProps } from './conversation-parts'

/** An e-mail thread: each message with its From / To / Subject / Date header, oldest first. */
export function EmailView({ scenario }: ChannelViewProps) {
  const subject = scenario.subject ?? '(no subject)'
  return (
    <div className="email-thread">
      {scenario.conversation.map((turn, index) => {
        if (turn.role === 'note') return <TurnNote key={index} turn={turn} className="email-thread__note" />
        const from = authorOf(turn, scenario)
        const to = turn.role === 'customer' ? 'Our team' : scenario.customer.name
        const replying = scenario.conversation.slice(0, index).some((t) => t.role !== 'note')
        return (
          <article key={index} className={`email email--${turn.role}`} aria-label={`E-mail from ${from}`}>
            <header className="email__header">
              <p className="email__subject">{replying && !/^re:/i.test(subject) ? `Re: ${subject}` : subject}</p>
              <div className="email__people">
                <Avatar name={from} tone={turn.role === 'customer' ? 'customer' : 'agent'} />
                <dl className="email__meta">
                  <div>
                    <dt>From</dt>
                    <dd>{from}</dd>
                  </div>
                  <div>
                    <dt>To</dt>
                    <dd>{to}</dd>
                  </div>
                  {turn.at ? (
                    <div>
                      <dt>Date</dt>
                      <dd>{turn.at}</dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            </header>
            <div className="email__body">{turn.text}</div>
          </article>
        )
      })}
    </div>
  )
}
