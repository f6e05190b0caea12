// One shape for everything the library tells users about a board: input problems (a card that failed validation)
// and kwaliteitstoets results alike. `code` is stable and documented; messages are Dutch first.

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export type Finding = {
  code: string
  severity: Severity
  message: { nl: string; en: string }
  /** Ids of the shapes (and bindings) involved, so the UI can select them. */
  cardIds: string[]
}
