import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

// What a modified client can send: Yjs updates (format v1) with hand-picked structs and delete sets. The items are
// Yjs' own classes written with their own `write`; only the framing around them is laid out here.

/** A delete range: [client, clock, length]. */
export type DeleteRange = readonly [number, number, number]

/** A struct to forge: a Yjs item (or a skipped gap) of one client, at an id of the forger's choosing. */
export type ForgedStruct = Y.Item | Y.Skip

/** An item with the given id, neighbours and parent, holding `content` (ContentAny, ContentDeleted, ContentType…). */
export function forgedItem(
  id: Y.ID,
  where: {
    origin?: Y.ID | null
    rightOrigin?: Y.ID | null
    parent?: string | Y.ID | null
    parentSub?: string | null
  },
  content: Y.ContentAny | Y.ContentDeleted | Y.ContentType | Y.ContentString,
): Y.Item {
  // Yjs types `parent` as a type or an id; a decoded root reference is its name, which `write` handles as such.
  const parent = (where.parent ?? null) as unknown as Y.AbstractType<unknown> | Y.ID | null
  return new Y.Item(
    id,
    null,
    where.origin ?? null,
    null,
    where.rightOrigin ?? null,
    parent,
    where.parentSub ?? null,
    content,
  )
}

/** Encodes structs (grouped by client, each group contiguous in clock order) and a delete set as one update. */
export function forgeUpdate(
  structs: readonly ForgedStruct[],
  deletes: readonly DeleteRange[] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, ForgedStruct[]>()
  for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s])
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock)
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, list[0]?.id.clock ?? 0)
    for (const s of list) s.write(encoder, 0)
  }
  const dsByClient = new Map<number, DeleteRange[]>()
  for (const r of deletes) dsByClient.set(r[0], [...(dsByClient.get(r[0]) ?? []), r])
  encoding.writeVarUint(encoder.restEncoder, dsByClient.size)
  for (const [client, ranges] of dsByClient) {
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const [, clock, len] of [...ranges].sort((a, b) => a[1] - b[1])) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}
