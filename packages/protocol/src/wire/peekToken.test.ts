import { toBase64UrlEncoded } from 'lib0/buffer'
import { encodeUtf8 } from 'lib0/string'
import { describe, expect, it } from 'vitest'
import { peekToken } from './peekToken.ts'

const base64url = (text: string) => toBase64UrlEncoded(encodeUtf8(text))
const body = (payload: unknown) => base64url(JSON.stringify(payload))
const payload = { v: 1, b: 'board-123456', r: 'participant', iat: 1_700_000_000, exp: 1_700_086_400, g: 2 }

describe('peekToken', () => {
  it('reads what a token claims without its signature being checked', () => {
    expect(peekToken(`${body(payload)}.not-a-real-signature`)).toEqual(payload)
  })

  it('rounds a fractional expiry down, as the verifier does', () => {
    expect(peekToken(`${body({ ...payload, exp: 1_700_086_400.5 })}.sig`)?.exp).toBe(1_700_086_400)
  })

  it('gives null for anything that is not a token', () => {
    for (const token of [
      '',
      'abc',
      `${body(payload)}`,
      `${body(payload)}.sig.extra`,
      '!!!.sig',
      `${base64url('not json')}.sig`,
      `${body({ ...payload, r: 'admin' })}.sig`,
      `${body(null)}.sig`,
      `${body(payload)}.${'x'.repeat(3000)}`,
    ])
      expect(peekToken(token)).toBeNull()
  })
})
