// Client-safe and pure: walking an attempt through a scenario's prompt graph. An attempt stores the
// steps taken in order (a reply submitted, an option chosen); the prompt to answer now follows.
import { nextPromptId, type PromptNode } from '~/scenarios/prompt-graph'

export interface AttemptStep {
  promptId: string
  optionId?: string
  replyId?: string
  at: string
}

export function parseSteps(value: unknown): AttemptStep[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (step): step is AttemptStep =>
      typeof step === 'object' && step !== null && typeof (step as AttemptStep).promptId === 'string',
  )
}

/**
 * The prompt waiting for an answer after `steps`, or null when the attempt reached the end.
 * Steps that do not follow the graph (a scenario edited since) end the walk where they diverge.
 */
export function currentPromptId(prompts: ReadonlyArray<PromptNode>, steps: ReadonlyArray<AttemptStep>): string | null {
  if (prompts.length === 0) return null
  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]))
  let current: string | null = prompts[0].id
  for (const step of steps) {
    if (current === null || step.promptId !== current) break
    const prompt = byId.get(current)
    if (!prompt) return null
    try {
      current = nextPromptId(prompt, step.optionId)
    } catch {
      return null
    }
  }
  return current
}
