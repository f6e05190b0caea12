import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CreateBoardResponse, Role } from '@waardentafel/protocol'
import { type Logger, pino } from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Config, parseConfig } from '../src/config.ts'
import type { RoomManagerEvents } from '../src/room/RoomManager.ts'
import { createServer, type RunningServer } from '../src/server.ts'
import { SqliteBoardStorage } from '../src/storage/SqliteBoardStorage.ts'

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123'

/**
 * Test servers run without HTTP rate limits and organiser quotas (every test client is 127.0.0.1, and many tests
 * make more boards a minute than an organiser may); `limits.integration.test.ts` turns them on with its own env.
 * They also let anyone create boards (`OPEN_BOARD_CREATION`), as most tests make boards without signing in;
 * `auth.integration.test.ts` checks the server that needs a signed-in organiser (OPEN_BOARD_CREATION: 'false').
 */
export const NO_HTTP_LIMITS: Record<string, string> = {
  RATE_LIMITS: 'false',
  QUOTA_BOARDS: '0',
  QUOTA_STORAGE_MB: '0',
  OPEN_BOARD_CREATION: 'true',
}

export type TestServer = {
  server: RunningServer
  storage: SqliteBoardStorage
  url: string
  wsUrl: string
  dataDir: string
  config: Config
  createBoard(title?: string): Promise<CreateBoardResponse>
  close(): Promise<void>
}

/** A real server on port 0 with a real SQLite file in a fresh temp dir. */
export async function startServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; roomEvents?: RoomManagerEvents; log?: Logger } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wt-server-'))
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...NO_HTTP_LIMITS,
    ...env,
  })
  const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
  const server = createServer(config, {
    storage,
    log: options.log ?? pino({ level: 'silent' }),
    tokenSecret: TEST_SECRET,
    ...(options.roomEvents ? { roomEvents: options.roomEvents } : {}),
  })
  await server.listen()
  const url = server.url
  return {
    server,
    storage,
    url,
    wsUrl: url.replace('http', 'ws'),
    dataDir,
    config,
    createBoard: (title = 'Testbord') => createBoard(url, title),
    close: async () => {
      await server.close()
      await storage.close()
    },
  }
}

export async function createBoard(url: string, title: string, key?: string): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreateBoardResponse
}

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token')
  if (!token) throw new Error('link without token')
  return token
}

export type TestClient = {
  doc: Y.Doc
  provider: WebsocketProvider
  synced(): Promise<void>
  destroy(): void
}

/** The unmodified npm y-websocket client, exactly as the web app uses it. */
export function connectClient(
  wsUrl: string,
  board: CreateBoardResponse,
  role: Role,
  doc = new Y.Doc(),
): TestClient {
  const provider = new WebsocketProvider(`${wsUrl}/sync`, board.id, doc, {
    params: { token: tokenOf(board.links[role]) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const onSync = (isSynced: boolean) => {
              if (!isSynced) return
              provider.off('sync', onSync)
              resolve()
            }
            provider.on('sync', onSync)
          }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once `check` holds, re-checked on every change of `doc`; rejects after `timeout` ms. */
export function whenDoc(doc: Y.Doc, check: () => boolean, timeout = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve()
    const onUpdate = () => {
      if (!check()) return
      clearTimeout(timer)
      doc.off('update', onUpdate)
      resolve()
    }
    const timer = setTimeout(() => {
      doc.off('update', onUpdate)
      reject(new Error(`condition not met within ${timeout} ms`))
    }, timeout)
    doc.on('update', onUpdate)
  })
}

/** Opens a raw ws connection and resolves with how the server closed it. */
export function rawConnect(
  url: string,
  onOpen?: (ws: WebSocket) => void,
): Promise<{ code: number; reason: string; messages: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    const messages: Buffer[] = []
    ws.on('open', () => onOpen?.(ws))
    ws.on('message', (data) => messages.push(data as Buffer))
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), messages }))
    ws.on('error', reject)
  })
}

/** Clients a test file opened, so `afterEach` can close them all. */
export function clientPool(): { connect: typeof connectClient; destroyAll(): void } {
  const open: TestClient[] = []
  return {
    connect: (...args) => {
      const c = connectClient(...args)
      open.push(c)
      return c
    },
    destroyAll: () => {
      for (const c of open.splice(0)) c.destroy()
    },
  }
}
