import type { TLAssetStore } from 'tldraw'

/**
 * The largest image or video file that may enter the board. Until boards have an asset store on the server
 * (issue #18), tldraw keeps a picture inside the board document itself (as a data URL, a third larger than the
 * file); every participant downloads it on joining, and one over the server's per-update limit would be refused.
 * 256 KiB keeps a screenshot or a small photo possible and the board light.
 */
export const MAX_INLINE_ASSET_BYTES = 256 * 1024

/** A file size as people read it: "3,2 MB", "256 kB" (1024-based, as the limit is). */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL'
  if (bytes >= 1024 * 1024) {
    const mb = (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })
    return `${mb} MB`
  }
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`
}

export function isTooLargeToInline(file: { size: number }): boolean {
  return file.size > MAX_INLINE_ASSET_BYTES
}

/**
 * tldraw's default local asset store (the file as a data URL in the asset record) with the size limit: the last
 * line of defence behind the files handler (MediaLimits), for every other way tldraw uploads a file.
 */
export const boundedInlineAssetStore: TLAssetStore = {
  async upload(_asset, file) {
    if (isTooLargeToInline(file)) throw new Error(`file of ${file.size} bytes is over the inline limit`)
    return { src: await dataUrlOf(file) }
  },
}

function dataUrlOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('file could not be read'))
    reader.readAsDataURL(file)
  })
}
