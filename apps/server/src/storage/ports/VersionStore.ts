import type {
  Vaststelling,
  VersionEvent,
  VersionSignature,
  VersionStatus,
} from '@waardentafel/domain/versions'

/**
 * A frozen version of a board's Programma van Waarden. `pvw` is the programme's JSON as frozen, `snapshot` the board
 * snapshot it was built from (both text, never changed after freezing).
 */
export type StoredVersion = {
  number: number
  status: VersionStatus
  createdAt: number
  intentieverklaring: string
  pvw: string
  snapshot: string
  vaststelling: Vaststelling | null
}

/** A version without its large texts, with its count of signatures. */
export type VersionRow = Omit<StoredVersion, 'pvw' | 'snapshot' | 'intentieverklaring'> & {
  signatures: number
}

/** A signature as stored: the signer's ballot key only as its hash. */
export type StoredSignature = VersionSignature & { keyHash: string; signedAt: number }

export type SignResult = 'signed' | 'not-found' | 'closed' | 'already-signed'
export type AdoptResult = 'adopted' | 'not-found' | 'closed'

/**
 * Versions of boards' Programmas van Waarden, their signatures and their history. Numbers are given by the store
 * (1, 2, … per board, never twice, also when two instances freeze at once); a vastgestelde version takes no more
 * signatures and no second vaststelling. Contract: `test/contracts/versionStore.contract.ts`.
 */
export interface VersionStore {
  /** Stores a new version 'ter vaststelling' with the next number and its 'bevroren' event; returns the number. */
  createVersion(
    boardId: string,
    version: Omit<StoredVersion, 'number' | 'status' | 'vaststelling'>,
  ): Promise<number>
  /** The board's versions, oldest first. */
  listVersions(boardId: string): Promise<VersionRow[]>
  getVersion(boardId: string, number: number): Promise<StoredVersion | null>
  /** Marks a 'ter vaststelling' version vastgesteld (and records the event), in one step. */
  adoptVersion(
    boardId: string,
    number: number,
    vaststelling: Vaststelling,
    at: number,
    event: string,
  ): Promise<AdoptResult>
  /** Adds a signature to a 'ter vaststelling' version (and records the event): one per key hash and version. */
  addSignature(
    boardId: string,
    number: number,
    signature: StoredSignature,
    event: string,
  ): Promise<SignResult>
  /** A version's signatures, in the order they were made. */
  listSignatures(boardId: string, number: number): Promise<StoredSignature[]>
  /** A version's history, oldest first. */
  listEvents(boardId: string, number: number): Promise<VersionEvent[]>
  /** Removes every version of the board with its signatures and history (the board is purged); returns how many. */
  deleteBoardVersions(boardId: string): Promise<number>
}
