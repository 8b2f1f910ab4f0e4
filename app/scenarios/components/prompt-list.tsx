import type { ScenarioPrompt } from '../scenario-schema'

/**
 * The scenario's prompts, in order. A placeholder for the practice flow (which adds the reply
 * box and walks the choices); until then people can read what they will be asked.
 */
export function PromptList({ prompts }: { prompts: readonly ScenarioPrompt[] }) {
  const position = new Map(prompts.map((prompt, index) => [prompt.id, index + 1]))
  return (
    <ol className="prompt-list">
      {prompts.map((prompt, index) => (
        <li key={prompt.id} className="prompt-list__item" id={`prompt-${prompt.id}`}>
          <p className="prompt-list__step">
            Step {index + 1} · {prompt.kind === 'reply' ? 'Your reply' : 'Your choice'}
          </p>
          <p className="prompt-list__text">{prompt.text}</p>
          {prompt.kind === 'reply' && prompt.maxLength ? (
            <p className="prompt-list__limit">Up to {prompt.maxLength} characters.</p>
          ) : null}
          {prompt.kind === 'choice' ? (
            <ul className="prompt-list__options">
              {prompt.options.map((option) => (
                <li key={option.id}>
                  {option.label}
                  {option.next ? <span className="muted small"> → step {position.get(option.next)}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {prompt.guidance ? <p className="prompt-list__guidance">{prompt.guidance}</p> : null}
        </li>
      ))}
    </ol>
  )
}
