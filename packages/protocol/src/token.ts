import { z } from 'zod'
import { RoleSchema } from './roles.ts'

/** Board ids are URL-safe random strings made by the server. */
export const BoardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/**
 * The signed part of a role link's token (`base64url(JSON).base64url(HMAC-SHA256)`).
 * `exp`/`iat` are Unix seconds; `g` is the role's link generation, raised when a facilitator revokes links.
 */
export const TokenPayloadSchema = z.object({
  v: z.literal(1),
  b: BoardIdSchema,
  r: RoleSchema,
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  g: z.number().int().nonnegative().default(0),
})
export type TokenPayload = z.infer<typeof TokenPayloadSchema>

/** Tokens longer than this are refused unread (a real one is about 200 characters). */
export const TOKEN_MAX_LENGTH = 2048
