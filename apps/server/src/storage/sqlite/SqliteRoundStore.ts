import type { RoundStore, StoredPlacement } from '../ports/RoundStore.ts'
import { placementRow } from '../rows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

/** Placements of prioritising rounds in SQLite. */
export class SqliteRoundStore implements RoundStore {
  readonly #conn: SqliteConnection
  readonly #sql

  constructor(conn: SqliteConnection) {
    this.#conn = conn
    this.#sql = {
      // Only a key issued for this board can hold a placement, whatever the caller checked before.
      upsertPlacement: conn.prepare(`
        INSERT INTO round_placements (board_id, round_id, participant_key, value_id, name, organisation, klasse, twijfel, at)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
        WHERE EXISTS (SELECT 1 FROM round_participants WHERE board_id = ? AND key_hash = ?)
        ON CONFLICT (board_id, round_id, participant_key, value_id) DO UPDATE SET
          name = excluded.name, organisation = excluded.organisation, klasse = excluded.klasse,
          twijfel = excluded.twijfel, at = excluded.at
        WHERE excluded.at > round_placements.at`),
      // Rows of keys never issued (stored before keys were issued by the server) do not count.
      selectPlacements: conn.prepare(
        `SELECT participant_key, value_id, name, organisation, klasse, twijfel, at FROM round_placements p
         WHERE board_id = ? AND round_id = ? AND EXISTS (
           SELECT 1 FROM round_participants k WHERE k.board_id = p.board_id AND k.key_hash = p.participant_key)
         ORDER BY participant_key, value_id`,
      ),
    }
  }

  async savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void> {
    const upsert = this.#sql.upsertPlacement
    this.#conn.immediate(() => {
      for (const p of placements) {
        upsert.run(
          boardId,
          roundId,
          p.participantKey,
          p.valueId,
          p.name,
          p.organisation,
          p.klasse,
          p.twijfel ? 1 : 0,
          p.at,
          boardId,
          p.participantKey,
        )
      }
    })
  }

  async listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]> {
    const rows = this.#sql.selectPlacements.all(boardId, roundId)
    return rows.flatMap((r) => placementRow(r, Number(r.twijfel) === 1) ?? [])
  }
}
