import { Link } from '@remix-run/react'

/** The page for a one-time link (setup, invitation, password reset) that is used, expired or unknown. */
export function UnusableLink({ explanation, to = '/login', label = 'Go to sign in' }: { explanation: string; to?: string; label?: string }) {
  return (
    <div className="auth">
      <h1>This link cannot be used</h1>
      <p>{explanation}</p>
      <p>
        <Link to={to}>{label}</Link>
      </p>
    </div>
  )
}
