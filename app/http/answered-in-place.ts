// Client-safe (shouldRevalidate runs in the browser). An action may answer with the page's fresh
// data itself: the route then shows that instead of reloading every loader of the page, which
// would cost the browser a second request (and the server a second lookup) after each form.
// Only when the page's own script posted the form (see useHydrated): a form posted without
// JavaScript is answered with a redirect as before, so reloading the page never posts it again.

const IN_PLACE = 'answeredInPlace'

/** Marks an action's answer as holding everything the page shows after it. */
export function answerInPlace<T extends object>(value: T): T & { [IN_PLACE]: true } {
  return { ...value, [IN_PLACE]: true as const }
}

export function answeredInPlace(actionResult: unknown): boolean {
  return typeof actionResult === 'object' && actionResult !== null && (actionResult as Record<string, unknown>)[IN_PLACE] === true
}

/** shouldRevalidate for the routes of a page whose action may answer in place (the root's too). */
export function skipReloadAfterAnswerInPlace({ actionResult, defaultShouldRevalidate }: { actionResult?: unknown; defaultShouldRevalidate: boolean }) {
  return answeredInPlace(actionResult) ? false : defaultShouldRevalidate
}
