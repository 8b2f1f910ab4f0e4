import type { RubricCriterion } from '../rubric-schema'

/**
 * One rubric criterion as a radio group: the legend asks the criterion's question, each level is
 * a labelled radio with its descriptor. `compact` keeps the descriptors in a disclosure (for the
 * calibration page, which scores three replies at once).
 */
export function RubricFieldset({
  criterion,
  name,
  idPrefix,
  defaultValue,
  error,
  compact = false,
  children,
}: {
  criterion: RubricCriterion
  name: string
  idPrefix: string
  defaultValue?: number
  error?: string
  compact?: boolean
  children?: React.ReactNode
}) {
  const errorId = `${idPrefix}-error`
  const questionId = `${idPrefix}-question`
  return (
    <fieldset
      className={`rubric-criterion${compact ? ' rubric-criterion--compact' : ''}${error ? ' rubric-criterion--invalid' : ''}`}
      aria-describedby={[questionId, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend className="rubric-criterion__legend">
        {criterion.name} <span className="rubric-criterion__weight">{Math.round(criterion.weight * 100)}% of the score</span>
      </legend>
      <p id={questionId} className="rubric-criterion__question">
        {criterion.question}
      </p>
      <div className="rubric-levels">
        {criterion.levels.map((level) => {
          const id = `${idPrefix}-${level.level}`
          return (
            <label key={level.level} htmlFor={id} className="rubric-level">
              <input id={id} type="radio" name={name} value={level.level} defaultChecked={defaultValue === level.level} required />
              <span className="rubric-level__text">
                <span className="rubric-level__name">
                  <span className="rubric-level__number">{level.level}</span> {level.label}
                </span>
                {compact ? null : <span className="rubric-level__descriptor">{level.descriptor}</span>}
              </span>
            </label>
          )
        })}
      </div>
      {compact ? (
        <details className="rubric-criterion__details">
          <summary>What the levels mean</summary>
          <dl>
            {criterion.levels.map((level) => (
              <div key={level.level}>
                <dt>
                  {level.level} · {level.label}
                </dt>
                <dd>{level.descriptor}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  )
}

/** "3 · Genuine", or "between 2 · Formulaic and 3 · Genuine" for a median that fell between levels. */
export function levelName(criterion: RubricCriterion, value: number): string {
  const at = (n: number) => criterion.levels.find((level) => level.level === n)
  if (Number.isInteger(value)) {
    const level = at(value)
    return level ? `${level.level} · ${level.label}` : String(value)
  }
  const low = at(Math.floor(value))
  const high = at(Math.ceil(value))
  return low && high ? `between ${low.level} · ${low.label} and ${high.level} · ${high.label}` : String(value)
}
