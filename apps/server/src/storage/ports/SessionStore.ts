/** A named snapshot of a board ("Sessie 1 — Quickscan"); `data` is the board snapshot as JSON text. */
export type StoredSession = { id: string; name: string; createdAt: number; data: string }

/** Named sessions of a board. Contract: `test/contracts/sessionStore.contract.ts`. */
export interface SessionStore {
  saveSession(boardId: string, session: StoredSession): Promise<void>
  /** Sessions of a board, oldest first, without their data. */
  listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]>
  getSession(boardId: string, id: string): Promise<StoredSession | null>
}
