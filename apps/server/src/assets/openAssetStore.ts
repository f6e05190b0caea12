import { join, resolve } from 'node:path'
import type { Config } from '../config.ts'
import { FileAssetStore } from '../storage/files/FileAssetStore.ts'
import type { AssetStore } from '../storage/ports/AssetStore.ts'
import { PostgresAssetStore } from '../storage/postgres/PostgresAssetStore.ts'

/** The folder inside DATA_DIR holding the embedded default's assets. */
export const ASSETS_FOLDER = 'assets'

/**
 * Where assets go: beside the boards in PostgreSQL when DATABASE_URL is set (every instance must serve every
 * asset), else files under DATA_DIR/assets.
 */
export function openAssetStore(
  config: Pick<Config, 'database' | 'dataDir'>,
  options: { onError?: (error: unknown) => void } = {},
): AssetStore {
  if (config.database) {
    return new PostgresAssetStore({
      connectionString: config.database.url,
      schema: config.database.schema,
      ...(options.onError ? { onError: options.onError } : {}),
    })
  }
  return new FileAssetStore(join(resolve(config.dataDir), ASSETS_FOLDER))
}
