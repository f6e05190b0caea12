import { z } from 'zod'

/**
 * The letters and digits of a join code: none that look alike on a big screen or when typed from it (no 0/O, 1/I/L).
 * 31 symbols, six of them: about 8.9 × 10⁸ codes, against 10 wrong guesses a minute per address.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6

/** A code as typed: case and spaces or dashes between groups do not matter. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c))
}

/** `POST /api/boards/:id/join-code` (facilitator): the board's current code for its participant link. */
export const JoinCodeResponseSchema = z.object({
  code: z.string(),
  /** `<origin>/<code>`: what the room types. */
  url: z.string().url(),
  /** The participant link the code opens (also in the QR code). */
  link: z.string().url(),
  /** Unix seconds: the code ends with the link. */
  expiresAt: z.number().int(),
})
export type JoinCodeResponse = z.infer<typeof JoinCodeResponseSchema>

/** `GET /api/join/:code`: the participant link of the board the code belongs to. */
export const JoinResolveResponseSchema = z.object({
  board: z.object({ id: z.string(), title: z.string() }),
  link: z.string().url(),
  expiresAt: z.number().int(),
})
export type JoinResolveResponse = z.infer<typeof JoinResolveResponseSchema>
