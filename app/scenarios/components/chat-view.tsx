import { Avatar, authorOf, type ChannelViewProps } from './conversation-parts'

/** A live chat window: the customer's bubbles on the left, ours on the right. */
export function ChatView({ scenario }: ChannelViewProps) {
  return (
    <div className="chat-window">
      <div className="chat-window__bar">
        <Avatar name={scenario.customer.name} />
        <div>
          <p className="chat-window__name">{scenario.customer.name}</p>
          <p className="chat-window__status">Live chat on our website</p>
        </div>
      </div>
      <ol className="chat-window__messages">
        {scenario.conversation.map((turn, index) =>
          turn.role === 'note' ? (
            <li key={index} className="chat-event">
              <span>
                {turn.at ? `${turn.at} · ` : ''}
                {turn.text}
              </span>
            </li>
          ) : (
            <li key={index} className={`chat-message chat-message--${turn.role}`}>
              <p className="chat-message__meta">
                <span className="chat-message__author">{authorOf(turn, scenario)}</span>
                {turn.at ? <span className="chat-message__at"> · {turn.at}</span> : null}
              </p>
              <p className="chat-message__bubble">{turn.text}</p>
            </li>
          ),
        )}
      </ol>
    </div>
  )
}
