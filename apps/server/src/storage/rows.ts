import { RoundClassSchema } from '@waardentafel/protocol'
import type { JoinCode } from './ports/BoardStore.ts'
import type { StoredPlacement } from './ports/RoundStore.ts'
import type { StoredSession } from './ports/SessionStore.ts'

// Rows as both backends return them (column names as in the schema), read into the ports' types.

export function joinCodeRow(row: Record<string, unknown> | undefined): JoinCode | null {
  if (!row) return null
  return {
    code: String(row.code),
    boardId: String(row.board_id),
    generation: Number(row.generation),
    expiresAt: Number(row.expires_at),
  }
}

/**
 * A placement row, its class parsed at the storage edge: a row whose class is none of the round classes (written by
 * hand, or by another version) is not a placement and reads as null, so callers get typed values and never narrow
 * the class themselves. `twijfel` differs per backend (SQLite 0/1, PostgreSQL boolean) and comes in read.
 */
export function placementRow(row: Record<string, unknown>, twijfel: boolean): StoredPlacement | null {
  const klasse = RoundClassSchema.safeParse(row.klasse)
  if (!klasse.success) return null
  return {
    participantKey: String(row.participant_key),
    valueId: String(row.value_id),
    name: String(row.name),
    organisation: String(row.organisation),
    klasse: klasse.data,
    twijfel,
    at: Number(row.at),
  }
}

export function sessionRow(row: Record<string, unknown>): Omit<StoredSession, 'data'> {
  return { id: String(row.id), name: String(row.name), createdAt: Number(row.created_at) }
}
