import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { parseConfig } from '../src/config.ts'
import type { BoardFanout, FanoutHandlers } from '../src/fanout/BoardFanout.ts'
import { RedisFanout } from '../src/fanout/RedisFanout.ts'
import { createServer, type RunningServer } from '../src/server.ts'
import { PostgresBoardStorage } from '../src/storage/PostgresBoardStorage.ts'
import { NO_HTTP_LIMITS, TEST_SECRET } from './harness.ts'

export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A schema and key prefix of its own for one test run, dropped by `cleanup()`. */
export function isolation(): { schema: string; prefix: string; cleanup(): Promise<void> } {
  const id = randomBytes(6).toString('hex')
  const schema = `wt_multi_${id}`
  return {
    schema,
    prefix: `wt-test-${id}`,
    cleanup: async () => {
      const pool = new pg.Pool({ connectionString: DATABASE_URL })
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await pool.end()
    },
  }
}

export type Instance = { server: RunningServer; url: string; wsUrl: string; close(): Promise<void> }

/** One server instance in this process, on PostgreSQL + Redis like a production replica. */
export async function startInstance(
  iso: { schema: string; prefix: string },
  options: { wrapFanout?: (f: BoardFanout) => BoardFanout; env?: Record<string, string> } = {},
): Promise<Instance> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'wt-multi-')),
    LOG_LEVEL: 'silent',
    DATABASE_URL,
    DATABASE_SCHEMA: iso.schema,
    REDIS_URL,
    REDIS_PREFIX: iso.prefix,
    RESYNC_INTERVAL_MS: '250',
    ...NO_HTTP_LIMITS,
    ...options.env,
  })
  const storage = new PostgresBoardStorage({ connectionString: DATABASE_URL, schema: iso.schema })
  const redis = new RedisFanout({ url: REDIS_URL, prefix: iso.prefix })
  const fanout = options.wrapFanout ? options.wrapFanout(redis) : redis
  const server = createServer(config, {
    storage,
    fanout,
    log: pino({ level: 'silent' }),
    tokenSecret: TEST_SECRET,
  })
  await server.listen()
  return {
    server,
    url: server.url,
    wsUrl: server.url.replace('http', 'ws'),
    close: async () => {
      await server.close()
      await fanout.close()
      await storage.close()
    },
  }
}

/** Fault injection: a fan-out that loses every update message it should publish (awareness still flows). */
export function losingUpdates(inner: BoardFanout): BoardFanout {
  return {
    instanceId: inner.instanceId,
    subscribe: (boardId: string, handlers: FanoutHandlers) => inner.subscribe(boardId, handlers),
    publishUpdates: () => {},
    publishAwareness: (boardId, update) => inner.publishAwareness(boardId, update),
    publishControl: (boardId, message) => inner.publishControl(boardId, message),
    close: () => inner.close(),
  }
}

/** A fan-out that loses every control message this instance publishes (e.g. a revocation). */
export function losingControl(inner: BoardFanout): BoardFanout {
  return {
    instanceId: inner.instanceId,
    subscribe: (boardId: string, handlers: FanoutHandlers) => inner.subscribe(boardId, handlers),
    publishUpdates: (boardId, updates) => inner.publishUpdates(boardId, updates),
    publishAwareness: (boardId, update) => inner.publishAwareness(boardId, update),
    publishControl: () => {},
    close: () => inner.close(),
  }
}
