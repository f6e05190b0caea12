import type { Role } from '@waardentafel/protocol'

// Reading an awareness update's entries is part of the wire format (packages/protocol's wire module); re-exported
// here for the room, which reads them beside stamping them.
export { type AwarenessEntry, isRemoval, readAwarenessEntries } from '@waardentafel/protocol'

/** Strings longer than this (a name, an organisation, anything) are cut: the web app shows at most 200 characters. */
export const PRESENCE_MAX_STRING = 200
/** Deeper than this a presence state holds nothing the web app reads (tldraw's scribble points are at depth 5). */
const MAX_DEPTH = 8

export type StampedPresence = { state: Record<string, unknown> | null }

/**
 * What others see of a connection's presence state (JSON text, parsed here once): strings cut to
 * `PRESENCE_MAX_STRING`, nothing deeper than `MAX_DEPTH`, and `user.role` set to the role of the connection's token,
 * whatever the client wrote there. A state over `maxBytes` once stamped first loses the tail of tldraw's
 * `presence.selectedShapeIds`, then `presence.scribbles` (what others see of a selection of hundreds of shapes, or
 * a long laser stroke); still over: 'TOO_LARGE'. A state that is not an object (the stock client always sends one):
 * 'NOT_AN_OBJECT'. Throws on text that is not JSON.
 */
export function stampPresence(
  json: string,
  role: Role,
  maxBytes: number,
): StampedPresence | 'TOO_LARGE' | 'NOT_AN_OBJECT' {
  const parsed: unknown = JSON.parse(json)
  if (parsed === null) return { state: null }
  if (!isObject(parsed)) return 'NOT_AN_OBJECT'
  const state = bound(parsed, 0) as Record<string, unknown>
  state.user = { ...(isObject(state.user) ? state.user : {}), role }
  let size = utf8Length(JSON.stringify(state))
  if (size <= maxBytes) return { state }
  const presence = state.presence
  if (isObject(presence)) {
    const selected = presence.selectedShapeIds
    if (Array.isArray(selected)) {
      while (size > maxBytes && selected.length > 0) size -= utf8Length(JSON.stringify(selected.pop())) + 1
    }
    if (size > maxBytes && Array.isArray(presence.scribbles)) presence.scribbles = []
    size = utf8Length(JSON.stringify(state))
  }
  return size <= maxBytes ? { state } : 'TOO_LARGE'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Cuts long strings and deep nesting, in place (the value was just parsed: nobody else holds it). */
function bound(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > PRESENCE_MAX_STRING ? cut(value) : value
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = bound(value[i], depth + 1)
    return value
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    // A `__proto__` key of parsed JSON is an own property; assigning to it would set the prototype instead.
    if (key.length > PRESENCE_MAX_STRING || key === '__proto__') delete record[key]
    else record[key] = bound(record[key], depth + 1)
  }
  return record
}

/** The first `PRESENCE_MAX_STRING` UTF-16 units, without splitting a surrogate pair. */
function cut(text: string): string {
  const end = PRESENCE_MAX_STRING
  const last = text.charCodeAt(end - 1)
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end)
}

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    // Two bytes below U+0800; three for the rest of the BMP; a surrogate pair is 4 bytes for its two units.
    bytes += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2
  }
  return bytes
}
