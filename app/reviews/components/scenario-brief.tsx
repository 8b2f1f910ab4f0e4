import { ConversationView } from '~/scenarios/components/conversation-view'
import { channelLabel, moodLabel, moodTone } from '~/scenarios/components/scenario-labels'
import type { Scenario } from '~/scenarios/scenario-schema'

/** What a reviewer needs to judge a reply: who the customer is, what we knew, what they wrote. */
export function ScenarioBrief({
  scenario,
  promptText,
  headingLevel = 2,
  open = false,
}: {
  scenario: Pick<Scenario, 'title' | 'channel' | 'subject' | 'conversation' | 'customer' | 'prompts' | 'context'>
  promptText?: string | null
  headingLevel?: 2 | 3
  open?: boolean
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <div className="scenario-brief">
      <Heading className="scenario-brief__title">{scenario.title}</Heading>
      <p className="row scenario-brief__badges">
        <span className="badge badge--accent">{channelLabel(scenario.channel)}</span>
        <span className={`badge badge--${moodTone(scenario.customer.mood)}`}>
          {scenario.customer.name} · {moodLabel(scenario.customer.mood)}
        </span>
      </p>
      <details className="scenario-brief__details" open={open}>
        <summary>The customer, what we knew and the conversation</summary>
        <p>{scenario.customer.persona}</p>
        {scenario.context.length ? (
          <>
            <p className="scenario-brief__label">What we already knew</p>
            <ul className="scenario-brief__context">
              {scenario.context.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
        <ConversationView scenario={scenario} />
      </details>
      {promptText ? (
        <p className="scenario-brief__prompt">
          <span className="scenario-brief__label">The writer was asked:</span> {promptText}
        </p>
      ) : null}
    </div>
  )
}
