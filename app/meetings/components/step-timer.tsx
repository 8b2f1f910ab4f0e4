import { useEffect, useState } from 'react'

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`

/** Time spent on the current step against its planned minutes; without JavaScript, when it started. */
export function StepTimer({ startedAt, minutes }: { startedAt: string | null; minutes: number | null }) {
  const [now, setNow] = useState<number | null>(null)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [startedAt])
  if (!startedAt || minutes === null) return null
  const started = new Date(startedAt)
  if (now === null) {
    return (
      <p className="step-timer small">
        Step started at <time dateTime={startedAt}>{started.toISOString().slice(11, 16)} UTC</time> · planned {minutes} min
      </p>
    )
  }
  const elapsed = Math.max(0, (now - started.getTime()) / 1000)
  const over = elapsed > minutes * 60
  return (
    <p className={`step-timer${over ? ' step-timer--over' : ''}`}>
      <span className="step-timer__clock" aria-hidden="true">
        {mmss(elapsed)} / {minutes}:00
      </span>
      <span className="visually-hidden">
        {Math.floor(elapsed / 60)} of {minutes} planned minutes on this step
      </span>
      {over ? <span className="badge badge--warn">over time</span> : null}
    </p>
  )
}
