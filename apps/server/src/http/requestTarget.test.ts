import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { decodeComponent, MAX_TARGET_LENGTH, parseRequestTarget } from './requestTarget.ts'
import { createRouter, type Route } from './router.ts'

const codeOf = (run: () => unknown): string | null => {
  try {
    run()
    return null
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

/** Pieces attackers put in paths and queries: broken and overlong %-sequences, NUL, dot segments, separators. */
const nasty = fc.constantFrom(
  '%',
  '%E0',
  '%ZZ',
  '%C0%AF',
  '%E0%80%AF',
  '%F0%80%80%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '\0',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '/',
  '//',
  '?',
  '#',
  '&',
  '=',
  '+',
  '\\',
  'é',
  '\u{1F600}',
  'token=',
  'api',
  'boards',
  'sync',
  'import',
  'links',
  'revoke',
  'rounds',
  'sessions',
  'restore',
  'healthz',
)
const piece = fc.oneof(nasty, fc.string({ maxLength: 8 }), fc.webSegment())
const target = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
  fc.array(piece, { maxLength: 8 }).map((parts) => `/api/boards/${parts.join('/')}`),
  fc.webPath(),
  fc.string({ maxLength: 40 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.slice(u.indexOf('/', 8))),
)
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'BREW', undefined)

describe('request target', () => {
  it('[N1] refuses broken encodings with MALFORMED_REQUEST, never a URIError', () => {
    for (const raw of [
      '/sync/%E0',
      '/%',
      '/%ZZ',
      '/a%C0%AFb',
      '/%E0%80%AF',
      '/%ED%A0%80',
      '/x%00y',
      '/x\0y',
      '/api/boards/abc/session?token=%E0',
      '/api/boards/abc/session?%ZZ=1',
      '/api/boards/abc/session?token=a&token=b',
      '/?a=1&a=2',
      'http://evil.example/',
      '*',
      '',
      `/${'a'.repeat(MAX_TARGET_LENGTH)}`,
    ]) {
      expect(
        codeOf(() => parseRequestTarget(raw)),
        raw,
      ).toBe('MALFORMED_REQUEST')
    }
    expect(codeOf(() => parseRequestTarget(undefined))).toBe('MALFORMED_REQUEST')
  })

  it('[N1] decodes segments and the query of well-formed targets', () => {
    const parsed = parseRequestTarget('/api/boards/a%20b/session?token=x%2By&title=Gn%C3%A9phoek+Oost#frag')
    expect(parsed.path).toBe('/api/boards/a%20b/session')
    expect(parsed.segments).toEqual(['api', 'boards', 'a b', 'session'])
    expect(parsed.query.get('token')).toBe('x+y')
    expect(parsed.query.get('title')).toBe('Gnéphoek Oost')
    expect(decodeComponent('%F0%9F%98%80')).toBe('\u{1F600}')
  })

  it('[N1] any encodeURIComponent output decodes back to what was encoded', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { maxLength: 5 }), (parts) => {
        const clean = parts.filter((p) => !p.includes('\0'))
        const raw = `/${clean.map(encodeURIComponent).join('/')}?k=${encodeURIComponent(clean.join(''))}`
        const parsed = parseRequestTarget(raw)
        expect(parsed.segments).toEqual(clean.length === 0 ? [''] : clean)
        expect(parsed.query.get('k')).toBe(clean.join(''))
      }),
    )
  })

  const router = createRouter()
  it('[N2] parsing and routing throw nothing but documented AppErrors, whatever the method and target', () => {
    fc.assert(
      fc.property(method, target, (m, raw) => {
        let routed: Route | null = null
        try {
          routed = router.match(m, parseRequestTarget(raw))
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
          expect(['MALFORMED_REQUEST', 'NOT_FOUND', 'METHOD_NOT_ALLOWED']).toContain((error as AppError).code)
          return
        }
        // Whatever reaches a handler has the ids it needs, decoded, without a separator smuggled in.
        if (routed?.kind === 'api') {
          for (const value of Object.values(routed.params)) {
            expect(value).not.toBe('')
            expect(value).not.toContain('/')
          }
        }
      }),
      { numRuns: 5000, seed: 15 },
    )
  })
})
