import { percentOf, progressText } from './progress'

type ProgressBarProps = {
  done: number
  total: number
  /** What the bar measures, for screen readers, e.g. "First week progress". */
  label: string
  /** Show "2 of 8 steps · 25%" under the bar (on by default). */
  showText?: boolean
  size?: 'small' | 'large'
}

/** A path's progress as a bar with the same figure in words, so it never relies on the bar alone. */
export function ProgressBar({ done, total, label, showText = true, size = 'large' }: ProgressBarProps) {
  const percent = percentOf(done, total)
  const text = progressText(done, total)
  return (
    <div className={`path-progress path-progress--${size}`}>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {showText ? <p className="path-progress__text">{text}</p> : null}
    </div>
  )
}
