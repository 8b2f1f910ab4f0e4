import * as React from 'react'
// The bare 'mdx-bundler/client' is a CommonJS folder import that crashes Node's ESM loader.
import { getMDXComponent } from 'mdx-bundler/client/index.js'

// Evaluating a lesson's compiled code (`new Function`) costs more than rendering it: keep the
// component per code string, so each lesson is evaluated once per process (or browser tab).
const evaluated = new Map<string, ReturnType<typeof getMDXComponent>>()
function lessonComponentFor(code: string) {
  let component = evaluated.get(code)
  if (!component) {
    // Bounded: in development every edit of a lesson makes new code.
    if (evaluated.size >= 64) evaluated.delete(evaluated.keys().next().value!)
    component = getMDXComponent(code)
    evaluated.set(code, component)
  }
  return component
}

/** What happened to the last Reflection form sent: saved, or refused (with the text to keep). */
export type ReflectionNotice = { id: string; tone: 'saved' | 'error'; message: string; text?: string }

type LessonContextValue = {
  reflections: Record<string, string>
  reflectionFormAction?: string
  reflectionNotice?: ReflectionNotice | null
  scenarioTitles: Record<string, string>
}

const LessonContext = React.createContext<LessonContextValue>({ reflections: {}, scenarioTitles: {} })

type CalloutProps = { tone?: 'note' | 'tip' | 'warning'; title?: string; children?: React.ReactNode }

const TONE_LABEL: Record<NonNullable<CalloutProps['tone']>, string> = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Watch out',
}

export function Callout({ tone = 'note', title, children }: CalloutProps) {
  return (
    <aside className={`callout callout--${tone}`} aria-label={title ?? TONE_LABEL[tone]}>
      <p className="callout__title">{title ?? TONE_LABEL[tone]}</p>
      <div className="callout__body">{children}</div>
    </aside>
  )
}

export function KeyIdea({ children }: { children?: React.ReactNode }) {
  return (
    <aside className="key-idea" aria-label="Key idea">
      <p className="key-idea__label">Key idea</p>
      <div className="key-idea__body">{children}</div>
    </aside>
  )
}

export function Example({ bad, good, title }: { bad: string; good: string; title?: string }) {
  return (
    <figure className="example">
      {title ? <figcaption className="example__title">{title}</figcaption> : null}
      <div className="example__columns">
        <div className="example__column example__column--cold">
          <p className="example__label">Cold</p>
          <blockquote className="example__text">{bad}</blockquote>
        </div>
        <div className="example__column example__column--warm">
          <p className="example__label">Warm</p>
          <blockquote className="example__text">{good}</blockquote>
        </div>
      </div>
    </figure>
  )
}

/** A private note the reader writes. A plain form, so it saves without JavaScript. */
export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { reflections, reflectionFormAction, reflectionNotice } = React.useContext(LessonContext)
  const fieldId = `reflection-${id}`
  const saved = reflections[id]
  const notice = reflectionNotice?.id === id ? reflectionNotice : null
  const error = notice?.tone === 'error' ? notice : null
  return (
    <form method="post" action={reflectionFormAction} className="reflection" id={`note-${id}`}>
      <input type="hidden" name="intent" value="reflection" />
      <input type="hidden" name="reflectionId" value={id} />
      <label htmlFor={fieldId} className="reflection__prompt">
        {prompt}
      </label>
      <textarea
        id={fieldId}
        name="text"
        rows={4}
        defaultValue={error?.text ?? saved ?? ''}
        className="reflection__text"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : `${fieldId}-hint`}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="reflection__error" role="alert">
          {error.message}
        </p>
      ) : null}
      <p id={`${fieldId}-hint`} className="reflection__hint">
        Only you can see this note.
      </p>
      <div className="reflection__actions">
        <button type="submit" className="reflection__save">
          {saved ? 'Update my note' : 'Save my note'}
        </button>
        {notice?.tone === 'saved' ? (
          <p className="reflection__saved" role="status">
            {notice.message}
          </p>
        ) : null}
      </div>
    </form>
  )
}

export function scenarioLabel(slug: string): string {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function Practice({ scenario }: { scenario: string }) {
  const { scenarioTitles } = React.useContext(LessonContext)
  return (
    <a className="practice-card" href={`/scenarios/${scenario}`}>
      <span className="practice-card__kicker">Practise it</span>
      <span className="practice-card__title">{scenarioTitles[scenario] ?? scenarioLabel(scenario)}</span>
      <span className="practice-card__cta">Open the scenario and write your reply</span>
    </a>
  )
}

export const lessonComponents = { Callout, KeyIdea, Example, Reflection, Practice }

export type LessonBodyProps = {
  code: string
  /** The reader's saved notes, by Reflection id. */
  reflections?: Record<string, string>
  /** Where Reflection forms post; defaults to the current URL. */
  reflectionFormAction?: string
  /** The outcome of the last Reflection form sent, shown beside that form. */
  reflectionNotice?: ReflectionNotice | null
  /** Scenario titles by slug, for the Practice cards (the slug is shown humanised otherwise). */
  scenarioTitles?: Record<string, string>
}

export function LessonBody({
  code,
  reflections = {},
  reflectionFormAction,
  reflectionNotice = null,
  scenarioTitles = {},
}: LessonBodyProps) {
  const Component = lessonComponentFor(code)
  const value = React.useMemo(
    () => ({ reflections, reflectionFormAction, reflectionNotice, scenarioTitles }),
    [reflections, reflectionFormAction, reflectionNotice, scenarioTitles],
  )
  return (
    <LessonContext.Provider value={value}>
      <div className="lesson-body">
        <Component components={lessonComponents} />
      </div>
    </LessonContext.Provider>
  )
}
