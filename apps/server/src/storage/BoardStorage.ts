import type { BoardStore } from './ports/BoardStore.ts'
import type { DocumentLog } from './ports/DocumentLog.ts'
import type { OrganiserStore } from './ports/OrganiserStore.ts'
import type { PersonalDataStore } from './ports/PersonalDataStore.ts'
import type { RoundStore } from './ports/RoundStore.ts'
import type { SessionStore } from './ports/SessionStore.ts'
import type { VersionStore } from './ports/VersionStore.ts'
import type { WorkspaceStore } from './ports/WorkspaceStore.ts'

// The ports' types, re-exported so callers that import them from here keep compiling while they move to the ports.
export type {
  BoardRecord,
  BoardStore,
  IssuedParticipantKey,
  IssueKeyResult,
  JoinCode,
  LinkGenerations,
  OrganiserUsage,
  ParticipantKeyLimits,
} from './ports/BoardStore.ts'
export { INITIAL_GENERATIONS } from './ports/BoardStore.ts'
export type { DocumentLog, MergeUpdates, StoredDoc, StoredUpdate } from './ports/DocumentLog.ts'
export type { RoundStore, StoredPlacement } from './ports/RoundStore.ts'
export type { SessionStore, StoredSession } from './ports/SessionStore.ts'

/** The four ports of one backend, sharing its connection; `close` ends that connection. */
export type StoragePorts = {
  log: DocumentLog
  boards: BoardStore
  rounds: RoundStore
  sessions: SessionStore
  /** Organisers, their sessions and sign-ins (issue #17): reached as `storage.organisers`, not spread. */
  organisers: OrganiserStore
  /** Workspaces, projects, board placements and lifecycle, the audit log (issue #17): `storage.workspaces`. */
  workspaces: WorkspaceStore
  /** Names on ballots and in sessions rewritten by an erasure, retention marks (AVG, issue #17): `storage.privacy`. */
  privacy: PersonalDataStore
  /** Versions of the Programma van Waarden, their signatures and history (issue #19): `storage.versions`. */
  versions: VersionStore
  close(): Promise<void>
}

/**
 * All of a backend's storage in one object: the four ports' methods side by side, plus the ports themselves
 * (`storage.log`, …) for code that needs only one. Callers that take the whole of it today can narrow their
 * parameter to the port they use (`DocumentLog`, `BoardStore`, `RoundStore`, `SessionStore`) one at a time.
 * Made by `openStorage` (or `new SqliteBoardStorage` / `new PostgresBoardStorage`).
 */
export type BoardStorage = DocumentLog & BoardStore & RoundStore & SessionStore & StoragePorts
