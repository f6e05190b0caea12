import { z } from 'zod'
import { RoleSchema } from './roles.ts'
import { BoardIdSchema } from './token.ts'

export const CreateBoardRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
})
export type CreateBoardRequest = z.infer<typeof CreateBoardRequestSchema>

export const RoleLinksSchema = z.object({
  facilitator: z.string().url(),
  participant: z.string().url(),
  observer: z.string().url(),
})
export type RoleLinks = z.infer<typeof RoleLinksSchema>

export const CreateBoardResponseSchema = z.object({
  id: BoardIdSchema,
  title: z.string(),
  links: RoleLinksSchema,
})
export type CreateBoardResponse = z.infer<typeof CreateBoardResponseSchema>

export const SessionResponseSchema = z.object({
  board: z.object({ id: BoardIdSchema, title: z.string() }),
  role: RoleSchema,
  expiresAt: z.number().int(),
  /** The server's clock (epoch ms), so clients can show the facilitator's timer without skew. */
  serverTime: z.number().optional(),
})
export type SessionResponse = z.infer<typeof SessionResponseSchema>

export const ClientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  version: z.string(),
  /** Anyone may create boards without signing in (`OPEN_BOARD_CREATION`, a closed network): the home page offers it. */
  openBoardCreation: z.boolean().optional(),
})
export type ClientConfig = z.infer<typeof ClientConfigSchema>
