import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, PASSWORD_COST, verifyPassword } from './passwords.ts'

describe('passwords', () => {
  it('[OA1] hashes with scrypt, a salt per password and the cost in the hash; verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery staple')
    const b = await hashPassword('correct horse battery staple')
    expect(a).toMatch(/^scrypt\$16\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
    expect(needsRehash(a)).toBe(false)
  })

  it('[OA1] verifies a hash of a lower cost and says it needs a rehash; refuses malformed or oversized hashes unread', async () => {
    const cheap = await hashPassword('pw', { logN: 10, r: 8, p: 1 })
    expect(await verifyPassword('pw', cheap)).toBe(true)
    expect(needsRehash(cheap)).toBe(true)
    expect(PASSWORD_COST.logN).toBeGreaterThanOrEqual(16)
    const [, , r, p, salt, key] = cheap.split('$')
    for (const bad of [
      '',
      'plain',
      `bcrypt$10$${r}$${p}$${salt}$${key}`,
      `scrypt$30$${r}$${p}$${salt}$${key}`,
      `scrypt$10$999$${p}$${salt}$${key}`,
      `scrypt$10$${r}$${p}$${salt}$AAAA`,
      `scrypt$x$${r}$${p}$${salt}$${key}`,
    ]) {
      expect(await verifyPassword('pw', bad), bad).toBe(false)
    }
  })
})
