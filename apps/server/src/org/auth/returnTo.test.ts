import { describe, expect, it } from 'vitest'
import { safeReturnTo } from './returnTo.ts'

describe('safeReturnTo', () => {
  it('[OA8] keeps paths on this server and turns anything that could leave it into the home page', () => {
    expect(safeReturnTo('/b/abc?token=x#y')).toBe('/b/abc?token=x#y')
    expect(safeReturnTo('/')).toBe('/')
    for (const bad of [
      undefined,
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/%0a/evil.example'.replace('%0a', '\n'),
      'evil.example',
      `/${'x'.repeat(2001)}`,
    ]) {
      expect(safeReturnTo(bad), String(bad)).toBe('/')
    }
  })
})
