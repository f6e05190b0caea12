import { z } from 'zod'

/**
 * Who places values in a round. A ballot is a key the server issued to this device for this board (placements
 * count only with such a key): on one's own device it is kept per board, with today's name; on the room's shared
 * screen each "Volgende persoon" gets a fresh key and their own name. The key, shown as a code, links another
 * device to the same ballot. `key` is null until the server has issued one (e.g. the device is offline).
 */
export type RoundParticipant = { key: string | null; name: string; organisation: string; turn: boolean }

const StoredSchema = z.object({
  key: z.string().min(8).max(64),
  name: z.string().max(80),
  organisation: z.string().max(80),
  turn: z.boolean(),
})
const storageKey = (boardId: string) => `waardentafel.roundParticipant:${boardId}`
/** Before keys were issued by the server, one self-made key per device for every board was kept here. */
export const LEGACY_STORAGE_KEY = 'waardentafel.roundParticipant'

/** ABCD-EFGH-JKMN, for reading and typing. */
export function formatKey(key: string): string {
  return key.match(/.{1,4}/g)?.join('-') ?? key
}

/** A typed code back to a key (null when it cannot be one). */
export function parseKey(text: string): string | null {
  const key = text.toUpperCase().replace(/[\s-]/g, '')
  return key.length >= 8 && key.length <= 64 && /^[A-Z0-9]+$/.test(key) ? key : null
}

/** This device's own participant on this board: its stored ballot key (or none yet) with today's name. */
export function loadRoundParticipant(
  boardId: string,
  own: { name: string; organisation: string },
): RoundParticipant {
  return { key: readStored(storageKey(boardId))?.key ?? null, ...own, turn: false }
}

export function saveRoundParticipant(boardId: string, participant: RoundParticipant): void {
  if (participant.key === null) return
  try {
    localStorage.setItem(storageKey(boardId), JSON.stringify(participant))
  } catch {
    // Storage refused (private mode): the ballot lasts for this page.
  }
}

/** The self-made key an older version of the app kept on this device, whose placements are still to be sent. */
export function legacyParticipantKey(): string | null {
  return readStored(LEGACY_STORAGE_KEY)?.key ?? null
}

function readStored(key: string): z.infer<typeof StoredSchema> | null {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
