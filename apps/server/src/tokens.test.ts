import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from './errors.ts'
import { TokenSigner } from './tokens.ts'

const SECRET = 'unit-secret-unit-secret-unit-secret-0123'
const BOARD = 'board-abcdef12'

describe('TokenSigner', () => {
  it('[N9] a lifetime in fractional days gives a whole-second expiry that verifies', () => {
    const now = 1_700_000_000_123
    const signer = new TokenSigner(SECRET, 60, () => now)
    for (const days of [0.5, 1 / 7, 0.123, 0.7, 1 / 3, 1e-9, 365]) {
      const payload = signer.verify(signer.sign(BOARD, 'facilitator', 0, days * 86_400))
      expect(Number.isInteger(payload.exp)).toBe(true)
      expect(payload.exp).toBe(Math.floor(now / 1000) + Math.max(1, Math.round(days * 86_400)))
    }
  })

  it('[N9] a token issued earlier with a fractional exp still verifies (rounded down) until then', () => {
    const sign = (payload: object) => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
      return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`
    }
    const token = sign({ v: 1, b: BOARD, r: 'facilitator', iat: 1000, exp: 1000 + 86_400 / 7, g: 0 })
    expect(new TokenSigner(SECRET, 60, () => 13_341_000).verify(token).exp).toBe(13_342)
    const late = () => new TokenSigner(SECRET, 60, () => 13_342_000).verify(token)
    expect(late).toThrow(AppError)
    expect(late).toThrow('token expired')
  })
})
