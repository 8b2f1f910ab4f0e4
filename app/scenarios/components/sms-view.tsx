import { authorOf, replyLimit, type ChannelViewProps } from './conversation-parts'

/** A text-message thread on a phone screen. */
export function SmsView({ scenario }: ChannelViewProps) {
  const limit = replyLimit(scenario)
  return (
    <div className="sms-phone">
      <div className="sms-phone__bar">
        <p className="sms-phone__name">{scenario.customer.name}</p>
        <p className="sms-phone__kind">Text message</p>
      </div>
      <ol className="sms-phone__messages">
        {scenario.conversation.map((turn, index) =>
          turn.role === 'note' ? (
            <li key={index} className="sms-event">
              {turn.at ? <span className="sms-event__at">{turn.at}</span> : null}
              <span>{turn.text}</span>
            </li>
          ) : (
            <li key={index} className={`sms-message sms-message--${turn.role}`}>
              <span className="visually-hidden">{authorOf(turn, scenario)}: </span>
              <p className="sms-message__bubble">{turn.text}</p>
              {turn.at ? <p className="sms-message__at">{turn.at}</p> : null}
            </li>
          ),
        )}
      </ol>
      {limit ? <p className="sms-phone__hint">Replies here are text messages: keep yours under {limit} characters.</p> : null}
    </div>
  )
}
