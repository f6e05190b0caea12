import * as decoding from 'lib0/decoding'

/** One entry of a y-protocols awareness update; its state still the UTF-8 JSON bytes it came in as. */
export type AwarenessEntry = { client: number; clock: number; json: Uint8Array }

/**
 * The entries of an awareness update (the payload of an awareness frame), without decoding their JSON: a
 * connection's echoes of other people's entries (the stock y-websocket client sends back every change it receives)
 * can be dropped unread. Throws on a malformed update; `readFrame` has checked a frame's update before this.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const entries: AwarenessEntry[] = []
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    entries.push({ client, clock, json: decoding.readVarUint8Array(decoder) })
  }
  return entries
}

/** The JSON text `null`: how y-protocols writes a client's removal. */
const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c] as const

/** Whether an entry removes its client's state (its JSON is `null`); compared as bytes, nothing is decoded. */
export function isRemoval(json: Uint8Array): boolean {
  return (
    json.length === 4 &&
    json[0] === NULL_JSON[0] &&
    json[1] === NULL_JSON[1] &&
    json[2] === NULL_JSON[2] &&
    json[3] === NULL_JSON[3]
  )
}
