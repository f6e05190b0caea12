import { describe, expect, it } from 'vitest'
import { openSqlitePorts } from '../../storage/SqliteBoardStorage.ts'
import { OrganiserSessions } from './OrganiserSessions.ts'

const DAY = 86_400_000

describe('OrganiserSessions', () => {
  it('[OA7] a session slides while used, ends after the idle time unused, and never outlives the cap', async () => {
    const ports = openSqlitePorts(':memory:')
    let now = 1_000_000
    const sessions = new OrganiserSessions(ports.organisers, {
      idleMs: 14 * DAY,
      maxMs: 30 * DAY,
      secure: false,
      now: () => now,
    })
    await ports.organisers.createOrganiser({
      id: 'o1',
      name: 'Anna',
      email: 'anna@example.nl',
      passwordHash: null,
      oidc: null,
      createdAt: now,
    })
    const used = await sessions.create({ id: 'o1' })
    const unused = await sessions.create({ id: 'o1' })
    const start = now
    // Used every 10 days: it lives on past the first 14 days…
    for (const day of [10, 20]) {
      now = start + day * DAY
      expect((await sessions.resolve(used.value))?.organiser.id, `day ${day}`).toBe('o1')
    }
    // …while the one not used since sign-in has ended.
    expect(await sessions.resolve(unused.value)).toBeNull()
    // Used on day 29, it still ends on day 30 (the cap), not 14 days later.
    now = start + 29 * DAY
    const last = await sessions.resolve(used.value)
    expect(last?.session.expiresAt).toBe(start + 30 * DAY)
    now = start + 30 * DAY
    expect(await sessions.resolve(used.value)).toBeNull()
    // A session of an organiser who is gone, and no cookie at all, sign nobody in.
    expect(await sessions.resolve(null)).toBeNull()
    expect(await sessions.resolve('unknown-value')).toBeNull()
    await ports.close()
  })
})
