// How a person's name is looked for in what a board stores: the same rule for inzage, erasure and the server's rows.

/** What a person's name becomes where it is erased (docs/privacy.md). */
export const ERASED_PERSON_NAME = 'verwijderde deelnemer'

/** A name shorter than this would match half the board (an initial, one letter); longer than a display name can be. */
export const PERSON_NAME_MIN = 2
export const PERSON_NAME_MAX = 80

/** The name as it is matched: Unicode NFC, whitespace runs as one space, trimmed. */
export function normalisePersonName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** Whether `name` can be looked for: between PERSON_NAME_MIN and PERSON_NAME_MAX characters once normalised. */
export function isSearchablePersonName(name: string): boolean {
  const normal = normalisePersonName(name)
  if (normal.length < PERSON_NAME_MIN || normal.length > PERSON_NAME_MAX) return false
  // "Deelnemer" would be found again in every place it was erased.
  return !buildMatcher(normal).test(ERASED_PERSON_NAME)
}

/**
 * A matcher for one person's name in free text: case-insensitive, as whole words (not inside a longer word: "Jan"
 * is found in "Jan (GGD)" and "met jan." but not in "Janssen"), any run of whitespace matching the name's spaces.
 */
export type PersonMatcher = {
  readonly name: string
  /** Whether `text` mentions the person. */
  test(text: string): boolean
  /** `text` with every mention replaced by `replacement`. */
  replace(text: string, replacement: string): string
}

/** Throws a RangeError for a name that is not searchable (`isSearchablePersonName`). */
export function personMatcher(name: string): PersonMatcher {
  if (!isSearchablePersonName(name)) throw new RangeError('not a searchable person name')
  return buildMatcher(normalisePersonName(name))
}

function buildMatcher(normal: string): PersonMatcher {
  const body = normal
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+')
  // Letters, marks and digits on either side make it part of another word.
  const source = `(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`
  const once = new RegExp(source, 'iu')
  const all = new RegExp(source, 'giu')
  return {
    name: normal,
    test: (text) => once.test(text.normalize('NFC')),
    replace: (text, replacement) => text.normalize('NFC').replace(all, () => replacement),
  }
}
