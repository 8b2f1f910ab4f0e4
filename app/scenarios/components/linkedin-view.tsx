import { Avatar, TurnNote, authorOf, type ChannelViewProps } from './conversation-parts'

/** A direct message on a professional network: profile header, then the messages. */
export function LinkedinView({ scenario }: ChannelViewProps) {
  const headline = scenario.customer.persona.split(/(?<=[.!?])\s/)[0]
  return (
    <div className="dm">
      <header className="dm__profile">
        <Avatar name={scenario.customer.name} />
        <div>
          <p className="dm__name">{scenario.customer.name}</p>
          <p className="dm__headline">{headline}</p>
        </div>
        <span className="dm__kind">Direct message</span>
      </header>
      <ol className="dm__messages">
        {scenario.conversation.map((turn, index) =>
          turn.role === 'note' ? (
            <li key={index}>
              <TurnNote turn={turn} />
            </li>
          ) : (
            <li key={index} className={`dm-message dm-message--${turn.role}`}>
              <Avatar name={authorOf(turn, scenario)} tone={turn.role === 'customer' ? 'customer' : 'agent'} />
              <div>
                <p className="dm-message__meta">
                  <strong>{authorOf(turn, scenario)}</strong>
                  {turn.at ? <span className="muted"> · {turn.at}</span> : null}
                </p>
                <p className="dm-message__text">{turn.text}</p>
              </div>
            </li>
          ),
        )}
      </ol>
    </div>
  )
}
