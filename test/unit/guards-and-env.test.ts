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
