/** Characters no file system accepts in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu

/** A day as yyyy-mm-dd, in the local calendar (the day the workshop happened where it happened). */
export function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/**
 * The base name (no extension) of an export: `<board title> <yyyy-mm-dd>`, or `<board title> - <part> <yyyy-mm-dd>`
 * for one named part of the board (a frame). Characters a file system refuses become a dash.
 */
export function exportFileName(boardTitle: string, date: Date, part?: string): string {
  const clean = (text: string) => text.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim().slice(0, 120)
  const title = clean(boardTitle) || 'Waardentafel'
  const partName = part ? clean(part) : ''
  return `${partName ? `${title} - ${partName}` : title} ${isoDay(date)}`
}
