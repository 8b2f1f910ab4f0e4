import type { ConversationTurn, Scenario } from '../scenario-schema'
import { initialsOf } from './scenario-labels'

/** What every channel view needs from a scenario. */
export type ConversationScenario = Pick<Scenario, 'channel' | 'subject' | 'conversation' | 'customer' | 'prompts'>

export interface ChannelViewProps {
  scenario: ConversationScenario
}

/** Who wrote a turn, as the channel shows it. */
export function authorOf(turn: ConversationTurn, scenario: ConversationScenario): string {
  if (turn.author) return turn.author
  if (turn.role === 'customer') return scenario.customer.name
  if (turn.role === 'agent') return 'Our team'
  return 'Note'
}

export function Avatar({ name, tone = 'customer' }: { name: string; tone?: 'customer' | 'agent' }) {
  return (
    <span className={`avatar avatar--${tone}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  )
}

/** Something that happened around the conversation (a bounce, a hold, a transfer). */
export function TurnNote({ turn, className = '' }: { turn: ConversationTurn; className?: string }) {
  return (
    <div className={`channel-note ${className}`.trim()}>
      <span className="channel-note__label">Note{turn.at ? <span className="channel-note__at"> · {turn.at}</span> : null}</span>
      <p className="channel-note__text">{turn.text}</p>
    </div>
  )
}

/** The longest limit a reply prompt sets, for channels where replies are short and public. */
export function replyLimit(scenario: ConversationScenario): number | null {
  const limits = scenario.prompts.flatMap((prompt) => (prompt.kind === 'reply' && prompt.maxLength ? [prompt.maxLength] : []))
  return limits.length > 0 ? Math.min(...limits) : null
}
