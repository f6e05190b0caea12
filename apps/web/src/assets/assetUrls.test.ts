import { describe, expect, it } from 'vitest'
import { isLocalSrc, isServerSrc, onThisBoard, viewerUrl } from './assetUrls.ts'

const src = `/api/boards/b1/assets/${'a'.repeat(32)}`

describe('asset URLs', () => {
  it('[AS1] a stored asset is named by its path; each viewer loads it with their own token, the thumbnail when small', () => {
    expect(isServerSrc(src)).toBe(true)
    expect(isServerSrc(`${src}?token=x`)).toBe(false)
    expect(isServerSrc('data:image/png;base64,AAAA')).toBe(false)
    expect(isLocalSrc('asset:wt-local/abc')).toBe(true)
    expect(viewerUrl(src, 't/1', { width: 2000, height: 1000, original: false })).toBe(`${src}?token=t%2F1`)
    expect(viewerUrl(src, 't', { width: 400, height: 300, original: false })).toBe(
      `${src}?size=thumb&token=t`,
    )
    expect(viewerUrl(src, 't', { width: 400, height: 300, original: true })).toBe(`${src}?token=t`)
  })

  it('[AS6] a record copied from another board is loaded from the board being shown', () => {
    expect(onThisBoard(src, 'b2')).toBe(`/api/boards/b2/assets/${'a'.repeat(32)}`)
    expect(onThisBoard('data:image/png;base64,AAAA', 'b2')).toBe('data:image/png;base64,AAAA')
  })
})
