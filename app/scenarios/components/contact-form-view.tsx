import type { ConversationTurn } from '../scenario-schema'
import { TurnNote, authorOf, type ChannelViewProps } from './conversation-parts'

/** "Field: value" lines of a form submission; anything else belongs to the message. */
function fieldsOf(turn: ConversationTurn): Array<[string, string]> {
  const fields: Array<[string, string]> = []
  for (const line of turn.text.split('\n')) {
    const match = /^([A-Z][\w '’-]{0,30}):\s+(.*)$/.exec(line)
    if (match) fields.push([match[1], match[2]])
    else if (line.trim() && fields.length > 0) fields[fields.length - 1][1] += `\n${line}`
    else if (line.trim()) fields.push(['Message', line])
  }
  return fields
}

/** Each submission of the website's contact form, as the inbox receives it. */
export function ContactFormView({ scenario }: ChannelViewProps) {
  return (
    <div className="submissions">
      {scenario.conversation.map((turn, index) => {
        if (turn.role === 'note') return <TurnNote key={index} turn={turn} />
        const fields = fieldsOf(turn)
        const form = fields.find(([name]) => name === 'Form')?.[1]
        return (
          <article key={index} className={`submission submission--${turn.role}`} aria-label={`Form submission from ${authorOf(turn, scenario)}`}>
            <header className="submission__header">
              <p className="submission__title">{form ?? 'Contact form'}</p>
              {turn.at ? <p className="submission__at">Submitted {turn.at}</p> : null}
            </header>
            <dl className="submission__fields">
              <div>
                <dt>Name</dt>
                <dd>{authorOf(turn, scenario)}</dd>
              </div>
              {fields
                .filter(([name]) => name !== 'Form')
                .map(([name, value], i) => (
                  <div key={i}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </article>
        )
      })}
    </div>
  )
}
