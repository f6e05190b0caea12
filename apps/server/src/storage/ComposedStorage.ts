import type { BoardStorage, StoragePorts } from './BoardStorage.ts'
import type {
  BoardRecord,
  IssuedParticipantKey,
  IssueKeyResult,
  JoinCode,
  LinkGenerations,
  OrganiserUsage,
  ParticipantKeyLimits,
} from './ports/BoardStore.ts'
import type { MergeUpdates, StoredDoc } from './ports/DocumentLog.ts'
import type { StoredPlacement } from './ports/RoundStore.ts'
import type { StoredSession } from './ports/SessionStore.ts'

/**
 * A backend's four ports behind the one `BoardStorage` surface: every method forwards to the port that owns it.
 * Written out rather than copied in a loop so the compiler checks each signature against its port.
 */
export class ComposedStorage implements BoardStorage {
  readonly log: StoragePorts['log']
  readonly boards: StoragePorts['boards']
  readonly rounds: StoragePorts['rounds']
  readonly sessions: StoragePorts['sessions']
  readonly organisers: StoragePorts['organisers']
  readonly workspaces: StoragePorts['workspaces']
  readonly privacy: StoragePorts['privacy']
  readonly versions: StoragePorts['versions']
  readonly #close: () => Promise<void>

  constructor(ports: StoragePorts) {
    this.log = ports.log
    this.boards = ports.boards
    this.rounds = ports.rounds
    this.sessions = ports.sessions
    this.organisers = ports.organisers
    this.workspaces = ports.workspaces
    this.privacy = ports.privacy
    this.versions = ports.versions
    this.#close = () => ports.close()
  }

  loadDoc(boardId: string, after?: number): Promise<StoredDoc> {
    return this.log.loadDoc(boardId, after)
  }
  appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    return this.log.appendUpdate(boardId, update)
  }
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number[]> {
    return this.log.appendUpdates(boardId, updates)
  }
  countUpdates(boardId: string): Promise<number> {
    return this.log.countUpdates(boardId)
  }
  compact(boardId: string, merge: MergeUpdates): Promise<void> {
    return this.log.compact(boardId, merge)
  }

  createBoard(board: BoardRecord, organiser?: string): Promise<void> {
    return this.boards.createBoard(board, organiser)
  }
  organiserUsage(organiser: string): Promise<OrganiserUsage> {
    return this.boards.organiserUsage(organiser)
  }
  getBoard(id: string): Promise<BoardRecord | null> {
    return this.boards.getBoard(id)
  }
  bumpLinkGeneration(boardId: string, role: keyof LinkGenerations): Promise<number> {
    return this.boards.bumpLinkGeneration(boardId, role)
  }
  saveJoinCode(entry: JoinCode): Promise<boolean> {
    return this.boards.saveJoinCode(entry)
  }
  joinCodeOfBoard(boardId: string): Promise<JoinCode | null> {
    return this.boards.joinCodeOfBoard(boardId)
  }
  findJoinCode(code: string): Promise<JoinCode | null> {
    return this.boards.findJoinCode(code)
  }
  issueParticipantKey(
    boardId: string,
    key: IssuedParticipantKey,
    limits: ParticipantKeyLimits,
  ): Promise<IssueKeyResult> {
    return this.boards.issueParticipantKey(boardId, key, limits)
  }
  hasParticipantKey(boardId: string, keyHash: string): Promise<boolean> {
    return this.boards.hasParticipantKey(boardId, keyHash)
  }

  savePlacements(boardId: string, roundId: string, placements: StoredPlacement[]): Promise<void> {
    return this.rounds.savePlacements(boardId, roundId, placements)
  }
  listPlacements(boardId: string, roundId: string): Promise<StoredPlacement[]> {
    return this.rounds.listPlacements(boardId, roundId)
  }

  saveSession(boardId: string, session: StoredSession): Promise<void> {
    return this.sessions.saveSession(boardId, session)
  }
  listSessions(boardId: string): Promise<Omit<StoredSession, 'data'>[]> {
    return this.sessions.listSessions(boardId)
  }
  getSession(boardId: string, id: string): Promise<StoredSession | null> {
    return this.sessions.getSession(boardId, id)
  }

  close(): Promise<void> {
    return this.#close()
  }
}
