import { useEffect, type RefObject } from 'react'

// The first thing a failed submission marks: a form-level message or an invalid field / radio group.
const FIRST_ERROR = '.form-error, [aria-invalid="true"], .rubric-criterion--invalid input'

/**
 * After a submission comes back with errors, moves focus (and the view) to the first of them, so
 * keyboard and screen-reader users are not left on a submit button below a long form.
 * `result` is the action data; a new object means a new submission.
 */
export function useFocusFirstError(form: RefObject<HTMLElement | null>, result: unknown, hasErrors: boolean) {
  useEffect(() => {
    if (!result || !hasErrors || !form.current) return
    const target = form.current.querySelector<HTMLElement>(FIRST_ERROR)
    if (!target) return
    if (!target.matches('input, select, textarea, button')) target.tabIndex = -1
    target.focus()
  }, [form, result, hasErrors])
}
