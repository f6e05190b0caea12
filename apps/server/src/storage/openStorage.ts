import { join, resolve } from 'node:path'
import type { Config } from '../config.ts'
import type { BoardStorage } from './BoardStorage.ts'
import { PostgresBoardStorage } from './PostgresBoardStorage.ts'
import { SqliteBoardStorage } from './SqliteBoardStorage.ts'

/** The SQLite file's name inside DATA_DIR. */
export const SQLITE_FILE = 'waardentafel.sqlite'

/**
 * The configured storage: PostgreSQL when DATABASE_URL is set (the multi-instance mode), else the embedded SQLite
 * file in DATA_DIR. `onError` hears about PostgreSQL connections lost while idle (they must not end the process).
 */
export function openStorage(
  config: Pick<Config, 'database' | 'dataDir'>,
  options: { onError?: (error: unknown) => void } = {},
): BoardStorage {
  if (config.database) {
    return new PostgresBoardStorage({
      connectionString: config.database.url,
      schema: config.database.schema,
      ...(options.onError ? { onError: options.onError } : {}),
    })
  }
  return new SqliteBoardStorage(join(resolve(config.dataDir), SQLITE_FILE))
}
