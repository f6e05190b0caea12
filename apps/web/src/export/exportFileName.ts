import { exportFileName as fileName, UNTITLED_EXPORT_NAME } from '@waardentafel/domain'

/** A day as yyyy-mm-dd, in the local calendar (the day the workshop happened where it happened). */
export function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/**
 * The base name (no extension) of an export: `<board title> <yyyy-mm-dd>`, or `<board title> - <part> <yyyy-mm-dd>`
 * for one named part of the board (a frame). The domain's rule (`exportFileName` in packages/domain), so the
 * server's downloads and the browser's exports of the same board are named alike.
 */
export function exportFileName(boardTitle: string, date: Date, part?: string): string {
  const title = fileName(boardTitle, '', '')
  const named = part?.trim() ? `${title} - ${part}` : title
  return fileName(named, isoDay(date), '')
}

export { UNTITLED_EXPORT_NAME }
