import type { RetentionState, RoundPlacementRow } from './ports/PersonalDataStore.ts'

/** A `round_placements` row as it is (both backends; SQLite's twijfel is 0/1, PostgreSQL's a boolean). */
export function placementRowAsIs(row: Record<string, unknown>): RoundPlacementRow {
  return {
    roundId: String(row.round_id),
    participantKey: String(row.participant_key),
    valueId: String(row.value_id),
    name: String(row.name),
    organisation: String(row.organisation),
    klasse: String(row.klasse),
    twijfel: row.twijfel === true || Number(row.twijfel) === 1,
    at: Number(row.at),
  }
}

export function retentionRow(row: Record<string, unknown>): RetentionState {
  return {
    seenSeq: Number(row.seen_seq),
    lastEditAt: Number(row.last_edit_at),
    erasedAt: row.erased_at === null || row.erased_at === undefined ? null : Number(row.erased_at),
  }
}
