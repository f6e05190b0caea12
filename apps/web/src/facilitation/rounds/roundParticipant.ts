import { z } from 'zod'

/**
 * Who places values in a round. On one's own device: their name, with a random key kept on the device. On the
 * room's shared screen people take turns: each "Volgende persoon" gets a fresh key and their own name. The
 * key (shown as a code) also lets someone continue on another device.
 */
export type RoundParticipant = { key: string; name: string; organisation: string; turn: boolean }

const StoredSchema = z.object({
  key: z.string().min(8).max(64),
  name: z.string().max(80),
  organisation: z.string().max(80),
  turn: z.boolean(),
})
const STORAGE_KEY = 'waardentafel.roundParticipant'
// No 0/O, 1/I/L: the code is read aloud and typed over.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function newParticipantKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/** ABCD-EFGH-JKMN, for reading and typing. */
export function formatKey(key: string): string {
  return key.match(/.{1,4}/g)?.join('-') ?? key
}

/** A typed code back to a key (null when it cannot be one). */
export function parseKey(text: string): string | null {
  const key = text.toUpperCase().replace(/[\s-]/g, '')
  return key.length >= 8 && key.length <= 64 && /^[A-Z0-9]+$/.test(key) ? key : null
}

/** This device's own participant: the stored key with today's name. Turns at a shared screen are not stored. */
export function loadRoundParticipant(own: { name: string; organisation: string }): RoundParticipant {
  let stored: RoundParticipant | null = null
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    stored = parsed.success ? parsed.data : null
  } catch {
    stored = null
  }
  const participant = { key: stored?.key ?? newParticipantKey(), ...own, turn: false }
  if (!stored) saveRoundParticipant(participant)
  return participant
}

export function saveRoundParticipant(participant: RoundParticipant): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(participant))
  } catch {
    // Storage refused (private mode): the participant lasts for this page.
  }
}
