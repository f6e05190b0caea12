/** Dates as people read them in the chosen language (Dutch: 12-12-2026, English: 12/12/2026). */
export function formatDate(at: number | string, language: string, withTime = false): string {
  // A bare ISO date (a deadline) is read at noon, so no time zone moves it to another day.
  const date = new Date(typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00` : at)
  const locale = language === 'en' ? 'en-GB' : 'nl-NL'
  return withTime ? date.toLocaleString(locale) : date.toLocaleDateString(locale)
}
