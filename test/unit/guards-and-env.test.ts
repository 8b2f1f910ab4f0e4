import { describe, expect, it } from 'vitest'
import { requireRole, requireUser, safeRedirect } from '~/auth/guards.server'
import type { SessionUser } from '~/auth/session.server'
import { EnvError, parseEnv } from '~/env.server'

const member: SessionUser = {
  id: '00000000-0000-0000-0000-000000000001',
  organizationId: '00000000-0000-0000-0000-000000000002',
  email: 'm@example.test',
  name: 'M',
  role: 'member',
  joinedAt: new Date(),
}
const request = new Request('http://localhost/admin?tab=people')

async function thrown(fn: () => unknown): Promise<Response> {
  try {
    fn()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}

describe('guards', () => {
  it('redirects an anonymous visitor to login, remembering where they were going', async () => {
    const response = await thrown(() => requireUser({ auth: null }, request))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%3Ftab%3Dpeople')
  })

  it('returns the signed-in person', () => {
    expect(requireUser({ auth: { user: member, sessionId: 'x' } }, request)).toBe(member)
  })

  it('answers 403 to a member asking for an admin page', async () => {
    const response = await thrown(() => requireRole({ auth: { user: member, sessionId: 'x' } }, request, ['admin']))
    expect(response.status).toBe(403)
    expect(requireRole({ auth: { user: { ...member, role: 'admin' }, sessionId: 'x' } }, request, ['admin']).role).toBe('admin')
  })

  it('only redirects within the site after login', () => {
    expect(safeRedirect('/lessons')).toBe('/lessons')
    expect(safeRedirect('https://evil.test')).toBe('/')
    expect(safeRedirect('//evil.test')).toBe('/')
    expect(safeRedirect(null)).toBe('/')
  })

  it('keeps tab, newline, backslash and encoded variants on the site, as a browser would resolve them', () => {
    const offSite = ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\\evil.example', '\\/evil.example',
      '/\\/evil.example', '/\t\\evil.example', ' //evil.example', 'javascript:alert(1)', 'http:evil.example', '/ /\t/evil.example'.trim()]
    for (const target of offSite) {
      const safe = safeRedirect(target)
      // Whatever comes back must resolve to our own origin in a browser.
      expect(new URL(safe, 'https://rapport.example').origin, JSON.stringify(target)).toBe('https://rapport.example')
    }
    expect(safeRedirect('/\t/evil.example')).toBe('/')
    expect(safeRedirect('/\\evil.example')).toBe('/')
    // Encoded characters stay encoded: a path, not a host.
    expect(safeRedirect('/%09/evil.example')).toBe('/%09/evil.example')
    expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
    expect(safeRedirect('/%5Cevil.example')).toBe('/%5Cevil.example')
    expect(safeRedirect('/scenarios?team=support#practice')).toBe('/scenarios?team=support#practice')
  })
})

describe('environment', () => {
  it('applies defaults', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.PGLITE_DIR).toBe('.data/pglite')
    expect(env.SESSION_SECURE).toBe('auto')
  })

  it('names the bad variable in one line', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError)
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/^Invalid environment: PORT="eighty"/)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => parseEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
  })
})
