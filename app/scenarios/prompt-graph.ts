// The prompts of a scenario form a small directed graph: a reply prompt may name the step that
// follows it, and each option of a choice prompt may name the step it leads to. No `next` means
// the scenario ends there. These pure helpers are shared by the schema (to reject broken graphs)
// and by whoever walks a scenario step by step.

export type PromptNode = {
  id: string
  kind: 'reply' | 'choice'
  next?: string
  options?: ReadonlyArray<{ id: string; next?: string }>
}

/** The prompt ids this prompt can lead to, in order, without duplicates. */
export function promptTargets(prompt: PromptNode): string[] {
  const targets =
    prompt.kind === 'choice'
      ? (prompt.options ?? []).map((option) => option.next)
      : [prompt.next]
  return [...new Set(targets.filter((id): id is string => typeof id === 'string'))]
}

/** Ids used by more than one prompt. */
export function duplicatePromptIds(prompts: ReadonlyArray<PromptNode>): string[] {
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const { id } of prompts) {
    if (seen.has(id)) duplicates.add(id)
    seen.add(id)
  }
  return [...duplicates]
}

/** Prompt ids that are not reachable by following `next` links from the first prompt. */
export function unreachablePromptIds(prompts: ReadonlyArray<PromptNode>): string[] {
  if (prompts.length === 0) return []
  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]))
  const reached = new Set<string>([prompts[0].id])
  const queue = [prompts[0].id]
  while (queue.length > 0) {
    const prompt = byId.get(queue.shift()!)
    if (!prompt) continue
    for (const target of promptTargets(prompt)) {
      if (!reached.has(target) && byId.has(target)) {
        reached.add(target)
        queue.push(target)
      }
    }
  }
  return prompts.map((prompt) => prompt.id).filter((id) => !reached.has(id))
}

/**
 * One cycle among the prompts, as the list of ids that form it (first id repeated at the end),
 * or null when the graph has none. Links to unknown prompts are ignored here.
 */
export function findPromptCycle(prompts: ReadonlyArray<PromptNode>): string[] | null {
  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]))
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []

  function visit(id: string): string[] | null {
    state.set(id, 'visiting')
    stack.push(id)
    for (const target of promptTargets(byId.get(id)!)) {
      if (!byId.has(target)) continue
      const seen = state.get(target)
      if (seen === 'visiting') return [...stack.slice(stack.indexOf(target)), target]
      if (seen === undefined) {
        const cycle = visit(target)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(id, 'done')
    return null
  }

  for (const { id } of prompts) {
    if (state.has(id)) continue
    const cycle = visit(id)
    if (cycle) return cycle
  }
  return null
}

/** A scenario branches when at least one choice prompt sends its options to different places. */
export function isBranching(prompts: ReadonlyArray<PromptNode>): boolean {
  return prompts.some((prompt) => {
    if (prompt.kind !== 'choice') return false
    const destinations = new Set((prompt.options ?? []).map((option) => option.next ?? '(end)'))
    return destinations.size > 1
  })
}

/**
 * The prompt that follows `prompt` (for a choice, after picking `optionId`), or null at the end.
 * Throws when a choice prompt is given an option it does not have.
 */
export function nextPromptId(prompt: PromptNode, optionId?: string): string | null {
  if (prompt.kind === 'reply') return prompt.next ?? null
  const option = (prompt.options ?? []).find((candidate) => candidate.id === optionId)
  if (!option) throw new Error(`Prompt "${prompt.id}" has no option "${optionId ?? ''}"`)
  return option.next ?? null
}
