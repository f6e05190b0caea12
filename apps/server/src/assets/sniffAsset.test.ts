import { describe, expect, it } from 'vitest'
import { sniffAsset } from './sniffAsset.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('sniffAsset', () => {
  it('[AS1] reads the kind from the magic bytes, never from a name', () => {
    expect(sniffAsset(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png')
    expect(sniffAsset(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(sniffAsset(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(sniffAsset(bytes('GIF89a...'))).toBe('gif')
    expect(sniffAsset(bytes('%PDF-1.7\n'))).toBe('pdf')
    for (const other of [
      '<!doctype html><script>',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      'PK\x03\x04',
      '',
      'RIFF\0\0\0\0AVI ',
    ]) {
      expect(sniffAsset(bytes(other)), other).toBeNull()
    }
    expect(sniffAsset(new Uint8Array([0x89, 0x50]))).toBeNull()
  })
})
