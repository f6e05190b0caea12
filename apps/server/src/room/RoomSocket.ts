import type { Role } from '@waardentafel/protocol'

/** The one thing a room needs from a connection; the ws adapter implements it. */
export interface RoomSocket {
  readonly id: string
  readonly role: Role
  /** Link generation of the token this socket connected with (revoking a role's links raises it). */
  readonly generation: number
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}
