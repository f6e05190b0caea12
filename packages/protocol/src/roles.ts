import { z } from 'zod'

/** The three roles a board link can carry. */
export const Roles = ['facilitator', 'participant', 'observer'] as const
export const RoleSchema = z.enum(Roles)
export type Role = z.infer<typeof RoleSchema>

/** Whether a role may change the board's document (observers only read; their presence is still shared). */
export function canWrite(role: Role): boolean {
  return role !== 'observer'
}
