import { join } from 'node:path'
import { pino } from 'pino'
import { parseConfig } from '../../src/config.ts'
import { RedisFanout } from '../../src/fanout/RedisFanout.ts'
import { createServer } from '../../src/server.ts'
import type { BoardStorage } from '../../src/storage/BoardStorage.ts'
import { PostgresBoardStorage } from '../../src/storage/PostgresBoardStorage.ts'
import { SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { BENCH_SECRET } from './constants.ts'
import { emit, installProbe } from './probe.ts'

// Child-process entry for our server in the bench: the real createServer with SQLite in DATA_DIR (config from
// the environment, like main.ts), plus room events and cpu/memory answers over IPC.
// Benchmarks make hundreds of boards from 127.0.0.1: no HTTP rate limits or quotas unless the env asks for them,
// and without signing in (board creation open to anyone, as on a closed network).
const config = parseConfig({
  LOG_LEVEL: 'silent',
  OPEN_BOARD_CREATION: 'true',
  RATE_LIMITS: 'false',
  QUOTA_BOARDS: '0',
  QUOTA_STORAGE_MB: '0',
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
})
// SQLite by default; PostgreSQL + Redis when the bench passes DATABASE_URL/REDIS_URL (benchmark 5).
const storage: BoardStorage = config.database
  ? new PostgresBoardStorage({ connectionString: config.database.url, schema: config.database.schema })
  : new SqliteBoardStorage(join(config.dataDir, 'waardentafel.sqlite'))
const fanout = config.redis
  ? new RedisFanout({ url: config.redis.url, prefix: config.redis.prefix })
  : undefined
const server = createServer(config, {
  storage,
  ...(fanout ? { fanout } : {}),
  log: pino({ level: process.env.BENCH_SERVER_LOG ?? 'silent' }),
  tokenSecret: BENCH_SECRET,
  roomEvents: {
    loaded: (boardId, ms) => emit('loaded', { boardId, ms }),
    unloaded: (boardId) => emit('unloaded', { boardId }),
    failed: (boardId, error) => emit('failed', { boardId, error: String(error) }),
    compactionFailed: (boardId, error) => emit('compactionFailed', { boardId, error: String(error) }),
    hibernation: (boardId, state, ms) => emit('hibernation', { boardId, state, ms }),
  },
})
installProbe({ loadedBoards: () => server.rooms.loadedBoards })
const address = await server.listen()
emit('listening', { port: address.port })
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => fanout?.close())
    .then(() => storage.close())
    .then(() => process.exit(0))
})
