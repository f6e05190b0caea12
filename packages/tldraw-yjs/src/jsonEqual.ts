/** Structural equality for JSON values; tldraw records are plain JSON so this is all we need. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => jsonEqual(item, b[i]))
  }
  if (Array.isArray(b)) return false
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  const aKeys = Object.keys(aRecord).filter((k) => aRecord[k] !== undefined)
  const bKeys = Object.keys(bRecord).filter((k) => bRecord[k] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((k) => jsonEqual(aRecord[k], bRecord[k]))
}
