/** What the first bytes of an upload say it is; the name and the declared type are never asked. */
export type SniffedKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'pdf'

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/**
 * The kind of file these bytes are by their magic numbers (PNG, JPEG, WebP, GIF, PDF), or null for anything else
 * (HTML, SVG, scripts, archives, …). Only the signature: whether an image really decodes is the decoder's question
 * (`processImage`), whether a PDF is well-formed is the browser's.
 */
export function sniffAsset(bytes: Uint8Array): SniffedKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  return null
}
