import type { RoundClass } from '@waardentafel/protocol'

/** One participant's latest placement of one value in a prioritising round. */
export type StoredPlacement = {
  /** The hash of the ballot key (`IssuedParticipantKey.keyHash`). */
  participantKey: string
  name: string
  organisation: string
  valueId: string
  klasse: RoundClass
  twijfel: boolean
  at: number
}

/**
 * The placements of prioritising rounds. Only placements of ballot keys issued for the board (`BoardStore`) are
 * stored and listed. Contract: `test/contracts/roundStore.contract.ts`.
 */
export interface RoundStore {
  /**
   * Stores placements of a round, keeping per participant and value the one with the latest `at` (a placement
   * older than the stored one is ignored), so devices and retries may deliver in any order. Placements whose
   * `participantKey` was not issued for this board are not stored.
   */
  savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void>
  /**
   * The round's placements of keys issued for this board (nothing else, whatever older rows hold), ordered by
   * participant key and value id.
   */
  listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]>
}
