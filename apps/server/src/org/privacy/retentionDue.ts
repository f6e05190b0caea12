/** `at` plus whole calendar months (UTC); the 31st of a month becomes the last day of a shorter one. */
export function addMonths(at: number, months: number): number {
  const date = new Date(at)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.getTime()
}

/**
 * Whether the retention job erases a board now: its last edit lies `months` or more before `now`, and the job has not
 * erased it since that edit.
 */
export function retentionDue(
  state: { lastEditAt: number; erasedAt: number | null },
  months: number,
  now: number,
): boolean {
  if (state.erasedAt !== null && state.erasedAt >= state.lastEditAt) return false
  return now >= addMonths(state.lastEditAt, months)
}
