import type { RoundStore, StoredPlacement } from '../ports/RoundStore.ts'
import { placementRow } from '../rows.ts'
import type { PostgresConnection } from './PostgresConnection.ts'

/** Placements of prioritising rounds in PostgreSQL. */
export class PostgresRoundStore implements RoundStore {
  readonly #conn: PostgresConnection

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  async savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void> {
    if (placements.length === 0) return
    const t = (table: string) => this.#conn.t(table)
    await this.#conn.transaction(`${boardId}:round`, async (client) => {
      for (const p of placements) {
        // Only a key issued for this board can hold a placement, whatever the caller checked before.
        await client.query(
          `INSERT INTO ${t('round_placements')}
             (board_id, round_id, participant_key, value_id, name, organisation, klasse, twijfel, at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8::boolean, $9::bigint
           WHERE EXISTS (SELECT 1 FROM ${t('round_participants')} WHERE board_id = $1 AND key_hash = $3)
           ON CONFLICT (board_id, round_id, participant_key, value_id) DO UPDATE SET
             name = excluded.name, organisation = excluded.organisation, klasse = excluded.klasse,
             twijfel = excluded.twijfel, at = excluded.at
           WHERE excluded.at > ${t('round_placements')}.at`,
          [boardId, roundId, p.participantKey, p.valueId, p.name, p.organisation, p.klasse, p.twijfel, p.at],
        )
      }
    })
  }

  async listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]> {
    const t = (table: string) => this.#conn.t(table)
    // Rows of keys never issued (stored before keys were issued by the server) do not count.
    const { rows } = await this.#conn.query(
      `SELECT participant_key, value_id, name, organisation, klasse, twijfel, at FROM ${t('round_placements')} p
       WHERE board_id = $1 AND round_id = $2 AND EXISTS (
         SELECT 1 FROM ${t('round_participants')} k
         WHERE k.board_id = p.board_id AND k.key_hash = p.participant_key)
       ORDER BY participant_key, value_id`,
      [boardId, roundId],
    )
    return rows.flatMap((r) => placementRow(r, Boolean(r.twijfel)) ?? [])
  }
}
