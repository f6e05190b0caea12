// A logo for the cover, passed by the caller as a data URL. Only PNG and JPEG are accepted, because those are the
// two raster formats every target embeds natively (HTML <img>, DOCX ImageRun, pdf-lib embedPng/embedJpg); anything
// else, including a data URL whose bytes are not what its type says, is ignored rather than failing the export.

export type Logo = { type: 'png' | 'jpg'; dataUrl: string; bytes: Uint8Array }

// The base64 alphabet only: a URL that passes can go into an HTML attribute as it is.
const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/

/** Logos larger than this are ignored: a cover logo needs far less, and the data URL travels in a request. */
export const LOGO_MAX_BYTES = 1_000_000

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_MAGIC = [0xff, 0xd8, 0xff]

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

/** The logo if `dataUrl` is a PNG or JPEG data URL whose bytes match its type, else null. */
export function parseLogo(dataUrl: string | undefined): Logo | null {
  const match = dataUrl ? DATA_URL.exec(dataUrl) : null
  if (!match || match[2]!.length > (LOGO_MAX_BYTES * 4) / 3 + 4) return null
  const bytes = decodeBase64(match[2]!)
  if (!bytes) return null
  const type = match[1] === 'png' ? 'png' : 'jpg'
  if (!startsWith(bytes, type === 'png' ? PNG_MAGIC : JPEG_MAGIC)) return null
  return { type, dataUrl: dataUrl!, bytes }
}

function decodeBase64(base64: string): Uint8Array | null {
  try {
    const binary = atob(base64)
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}
