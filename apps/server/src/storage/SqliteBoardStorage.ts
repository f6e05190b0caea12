import type { StoragePorts } from './BoardStorage.ts'
import { ComposedStorage } from './ComposedStorage.ts'
import { SqliteBoardStore } from './sqlite/SqliteBoardStore.ts'
import { SqliteConnection } from './sqlite/SqliteConnection.ts'
import { SqliteDocumentLog } from './sqlite/SqliteDocumentLog.ts'
import { SqliteOrganiserStore } from './sqlite/SqliteOrganiserStore.ts'
import { SqlitePersonalDataStore } from './sqlite/SqlitePersonalDataStore.ts'
import { SqliteRoundStore } from './sqlite/SqliteRoundStore.ts'
import { SqliteSessionStore } from './sqlite/SqliteSessionStore.ts'
import { SqliteVersionStore } from './sqlite/SqliteVersionStore.ts'
import { SqliteWorkspaceStore } from './sqlite/SqliteWorkspaceStore.ts'

/** The four SQLite ports over one connection to the file at `path` (':memory:' for a throwaway database). */
export function openSqlitePorts(path: string): StoragePorts {
  const conn = new SqliteConnection(path)
  return {
    log: new SqliteDocumentLog(conn),
    boards: new SqliteBoardStore(conn),
    rounds: new SqliteRoundStore(conn),
    sessions: new SqliteSessionStore(conn),
    organisers: new SqliteOrganiserStore(conn),
    workspaces: new SqliteWorkspaceStore(conn),
    privacy: new SqlitePersonalDataStore(conn),
    versions: new SqliteVersionStore(conn),
    close: () => conn.close(),
  }
}

/** Embedded storage in one SQLite file: the single-instance default (see `sqlite/SqliteConnection.ts`). */
export class SqliteBoardStorage extends ComposedStorage {
  constructor(path: string) {
    super(openSqlitePorts(path))
  }
}
