import { authorOf, type ChannelViewProps } from './conversation-parts'

/** A call transcript: time, speaker label, words; what happened in between in brackets. */
export function PhoneView({ scenario }: ChannelViewProps) {
  return (
    <div className="transcript">
      <p className="transcript__title">
        <span aria-hidden="true">☎ </span>Call transcript · {scenario.customer.name}
      </p>
      <ol className="transcript__lines">
        {scenario.conversation.map((turn, index) =>
          turn.role === 'note' ? (
            <li key={index} className="transcript__line transcript__line--note">
              <span className="transcript__time">{turn.at ?? ''}</span>
              <p className="transcript__text">[{turn.text}]</p>
            </li>
          ) : (
            <li key={index} className={`transcript__line transcript__line--${turn.role}`}>
              <span className="transcript__time">{turn.at ?? ''}</span>
              <p className="transcript__text">
                <span className="transcript__speaker">{authorOf(turn, scenario)}:</span> {turn.text}
              </p>
            </li>
          ),
        )}
      </ol>
    </div>
  )
}
