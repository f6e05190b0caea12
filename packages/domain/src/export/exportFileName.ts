// The name of an exported file: the project and the day, so a folder of exports sorts and reads by itself. The
// web app names its exports with it too (apps/web/src/export/exportFileName.ts), so the server and the browser name the
// same file alike.

/** Characters no file system accepts in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu

/** Used when the board has no title: a file is never called "Zonder titel". */
export const UNTITLED_EXPORT_NAME = 'Waardentafel'

/**
 * `<board title> <yyyy-mm-dd>.<ext>`. `date` is the caller's day (yyyy-mm-dd, as the caller's clock and time zone
 * say); characters a file system refuses become a dash, and a missing, blank or "Zonder titel" title becomes
 * UNTITLED_EXPORT_NAME.
 */
export function exportFileName(boardTitle: string, date: string, ext: string): string {
  const clean = (text: string) => text.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().slice(0, 120)
  const cleaned = clean(boardTitle)
  const title = cleaned && cleaned.toLowerCase() !== 'zonder titel' ? cleaned : UNTITLED_EXPORT_NAME
  const extension = clean(ext)
    .replace(/^\.+/, '')
    .replace(/[\s.-]+/g, '')
  const day = clean(date)
  return `${day ? `${title} ${day}` : title}${extension ? `.${extension}` : ''}`
}
