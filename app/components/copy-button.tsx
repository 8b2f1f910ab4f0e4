import { useState } from 'react'

/** A read-only field with a Copy button; without JavaScript the field can still be selected and copied. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="copy-field">
      <input aria-label={label} readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="button--secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value)
            setCopied(true)
          } catch {
            setCopied(false)
          }
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? 'Link copied to the clipboard.' : ''}
      </span>
    </div>
  )
}
