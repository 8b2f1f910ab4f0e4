import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople } from '../../db/factories'
import { sessions } from '../../db/schema'
import {
  countActiveSessions,
  createSession,
  generateSessionToken,
  invalidateAllSessions,
  invalidateSession,
  readSessionToken,
  SESSION_LIFETIME_MS,
  sessionCookie,
  sessionIdFromToken,
  validateSessionToken,
} from '~/auth/session.server'
import { createTestDatabase } from '../support/test-database'
import { countQueries } from '../../db/query-count.server'
import { markNotificationsRead, notify } from '~/notifications/notifications.server'

const DAY = 86_400_000
let database: Awaited<ReturnType<typeof createTestDatabase>>
let people: Awaited<ReturnType<typeof createOrgWithPeople>>

beforeAll(async () => {
  database = await createTestDatabase()
  people = await createOrgWithPeople(database.db)
})

describe('sessions', () => {
  it('stores only the SHA-256 of the token, never the token itself', async () => {
    const token = generateSessionToken()
    expect(token).toMatch(/^[a-z2-7]{32}$/) // 20 random bytes in base32
    await createSession(database.db, token, people.member.id)
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, people.member.id))
    expect(rows.map((r) => r.id)).toContain(sessionIdFromToken(token))
    expect(rows.map((r) => r.id)).not.toContain(token)
    expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('validates a fresh session without renewing it', async () => {
    const token = generateSessionToken()
    const now = new Date('2026-01-01T00:00:00Z')
    await createSession(database.db, token, people.member.id, now)
    const result = await validateSessionToken(database.db, token, new Date(now.getTime() + DAY))
    expect(result.user?.id).toBe(people.member.id)
    expect(result.renewed).toBe(false)
  })

  it('extends the expiry by 30 days once half the lifetime is used', async () => {
    const token = generateSessionToken()
    const now = new Date('2026-01-01T00:00:00Z')
    await createSession(database.db, token, people.member.id, now)
    const later = new Date(now.getTime() + 16 * DAY)
    const result = await validateSessionToken(database.db, token, later)
    expect(result.renewed).toBe(true)
    expect(result.session?.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS)
    const [row] = await database.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)))
    expect(row.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS)
  })

  it('rejects and deletes an expired session', async () => {
    const token = generateSessionToken()
    const now = new Date('2026-01-01T00:00:00Z')
    await createSession(database.db, token, people.member.id, now)
    const result = await validateSessionToken(database.db, token, new Date(now.getTime() + 31 * DAY))
    expect(result.session).toBeNull()
    const rows = await database.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)))
    expect(rows).toHaveLength(0)
  })

  it('rejects an unknown token', async () => {
    expect((await validateSessionToken(database.db, generateSessionToken())).user).toBeNull()
  })

  it('invalidates one session on logout, and every session of a person on revocation', async () => {
    const [a, b] = [generateSessionToken(), generateSessionToken()]
    const session = await createSession(database.db, a, people.manager.id)
    await createSession(database.db, b, people.manager.id)
    await invalidateSession(database.db, session.id)
    expect((await validateSessionToken(database.db, a)).user).toBeNull()
    expect((await validateSessionToken(database.db, b)).user?.id).toBe(people.manager.id)
    await invalidateAllSessions(database.db, people.manager.id)
    expect(await countActiveSessions(database.db, people.manager.id)).toBe(0)
  })

  it('writes an httpOnly, SameSite=Lax cookie, Secure when asked', () => {
    const expires = new Date('2026-02-01T00:00:00Z')
    const cookie = sessionCookie('tok', expires, { secure: true })
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Secure')
    expect(sessionCookie('tok', expires, { secure: false })).not.toContain('Secure')
    expect(readSessionToken('a=1; rapport_session=tok; b=2')).toBe('tok')
    expect(readSessionToken('a=1')).toBeNull()
  })

  it('counts the person’s own unread notifications in the same single query as the session lookup', async () => {
    const token = generateSessionToken()
    await createSession(database.db, token, people.member.id)
    const note = (userId: string, title: string) => ({ organizationId: people.org.id, userId, kind: 'reply-finalised' as const, title })
    await notify(database.db, [note(people.member.id, 'one'), note(people.member.id, 'two'), note(people.admin.id, 'not theirs')])
    const tally = { queries: 0 }
    const result = await countQueries(tally, () => validateSessionToken(database.db, token))
    expect(tally.queries).toBe(1)
    expect(result.session && result.unreadNotifications).toBe(2)

    await markNotificationsRead(database.db, people.member)
    const after = await validateSessionToken(database.db, token)
    expect(after.session && after.unreadNotifications).toBe(0)
  })
})
