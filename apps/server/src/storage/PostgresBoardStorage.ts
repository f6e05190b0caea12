import type { StoragePorts } from './BoardStorage.ts'
import { ComposedStorage } from './ComposedStorage.ts'
import { PostgresBoardStore } from './postgres/PostgresBoardStore.ts'
import { PostgresConnection, type PostgresStorageOptions } from './postgres/PostgresConnection.ts'
import { PostgresDocumentLog } from './postgres/PostgresDocumentLog.ts'
import { PostgresOrganiserStore } from './postgres/PostgresOrganiserStore.ts'
import { PostgresPersonalDataStore } from './postgres/PostgresPersonalDataStore.ts'
import { PostgresRoundStore } from './postgres/PostgresRoundStore.ts'
import { PostgresSessionStore } from './postgres/PostgresSessionStore.ts'
import { PostgresVersionStore } from './postgres/PostgresVersionStore.ts'
import { PostgresWorkspaceStore } from './postgres/PostgresWorkspaceStore.ts'

export type { PostgresStorageOptions } from './postgres/PostgresConnection.ts'

/** The four PostgreSQL ports over one pool. */
export function openPostgresPorts(options: PostgresStorageOptions): StoragePorts {
  const conn = new PostgresConnection(options)
  return {
    log: new PostgresDocumentLog(conn),
    boards: new PostgresBoardStore(conn),
    rounds: new PostgresRoundStore(conn),
    sessions: new PostgresSessionStore(conn),
    organisers: new PostgresOrganiserStore(conn),
    workspaces: new PostgresWorkspaceStore(conn),
    privacy: new PostgresPersonalDataStore(conn),
    versions: new PostgresVersionStore(conn),
    close: () => conn.close(),
  }
}

/** Storage in PostgreSQL for the multi-instance mode (see `postgres/PostgresConnection.ts`). */
export class PostgresBoardStorage extends ComposedStorage {
  constructor(options: PostgresStorageOptions) {
    super(openPostgresPorts(options))
  }
}
