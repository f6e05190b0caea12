import { describe, expect, it } from 'vitest'
import { parseRoute } from './route.ts'

describe('parseRoute', () => {
  it('reads a short join code typed at /<code>, in any case', () => {
    expect(parseRoute({ pathname: '/abc234', search: '' })).toEqual({ page: 'join', code: 'ABC234' })
    expect(parseRoute({ pathname: '/ABC234/', search: '' })).toEqual({ page: 'join', code: 'ABC234' })
  })

  it('leaves other paths alone: not six characters of the alphabet is home, /b/… is a board', () => {
    expect(parseRoute({ pathname: '/abc10o', search: '' })).toEqual({ page: 'home' })
    expect(parseRoute({ pathname: '/abc2345', search: '' })).toEqual({ page: 'home' })
    expect(parseRoute({ pathname: '/', search: '' })).toEqual({ page: 'home' })
    expect(parseRoute({ pathname: '/b/abcdefgh12345678', search: '?token=t' })).toEqual({
      page: 'board',
      boardId: 'abcdefgh12345678',
      token: 't',
    })
  })
})
