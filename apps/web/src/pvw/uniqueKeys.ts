/** Stable React keys from content, numbered when the same content repeats (outline blocks carry no ids). */
export function uniqueKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Array<{ key: string; item: T }> {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const base = keyOf(item)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    return { key: n === 0 ? base : `${base}#${n}`, item }
  })
}
