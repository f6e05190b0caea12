import { describe, expect, it } from 'vitest'
import { isPresenterMode, presenterUrl } from './presenter.ts'

describe('presenterUrl', () => {
  it('puts the token back for the new tab (the address bar no longer holds it) and switches presenter mode on', () => {
    const url = new URL(presenterUrl('abc.def', 'https://wt.example/b/board-123456'))
    expect(url.pathname).toBe('/b/board-123456')
    expect(url.searchParams.get('token')).toBe('abc.def')
    expect(isPresenterMode(url.search)).toBe(true)
  })
})
