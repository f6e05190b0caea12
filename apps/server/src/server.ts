import { existsSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ClientConfig } from '@waardentafel/protocol'
import { CloseCodes, CreateBoardRequestSchema } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import sirv from 'sirv'
import { WebSocketServer } from 'ws'
import { AdmissionControl } from './admission/Admission.ts'
import { clientAddress } from './admission/clientAddress.ts'
import { BoardService } from './BoardService.ts'
import { BoardTransfer } from './BoardTransfer.ts'
import type { Config } from './config.ts'
import { AppError } from './errors.ts'
import type { BoardFanout } from './fanout/BoardFanout.ts'
import { handleBoardAction } from './http/boardActions.ts'
import { sendProgramma } from './http/programma.ts'
import { readJsonBody } from './http/readJsonBody.ts'
import { handleRound } from './http/rounds.ts'
import { sendError, sendJson } from './http/sendJson.ts'
import { handleSessions } from './http/sessions.ts'
import { handleSyncConnection } from './http/syncEndpoint.ts'
import { CachingTokenSigner } from './http/verifiedTokens.ts'
import { MergeWorker } from './room/MergeWorker.ts'
import { RoomManager, type RoomManagerEvents } from './room/RoomManager.ts'
import type { BoardStorage } from './storage/BoardStorage.ts'

export type ServerDeps = {
  storage: BoardStorage
  /** Present in multi-instance mode: carries updates and awareness to the other instances. */
  fanout?: BoardFanout
  log: Logger
  tokenSecret: string
  version?: string
  roomEvents?: RoomManagerEvents
}

export type RunningServer = {
  listen(): Promise<AddressInfo>
  close(): Promise<void>
  readonly rooms: RoomManager
  readonly url: string
}

const BODY_LIMIT = 64 * 1024

/** Builds the HTTP + WebSocket server; nothing is global, nothing listens until `listen()`. */
export function createServer(config: Config, deps: ServerDeps): RunningServer {
  const { storage, log } = deps
  // Verified tokens are remembered: every connection presents one, mostly the same few links.
  const signer = new CachingTokenSigner(deps.tokenSecret, config.tokenTtlSeconds)
  const boards = new BoardService(storage, signer)
  // Compaction rebuilds documents; on its own thread it never stalls the boards being edited.
  const merger = new MergeWorker()
  const rooms = new RoomManager({
    storage,
    merge: merger.merge,
    unloadGraceMs: config.unloadGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    hibernateAfterMs: config.hibernateAfterMs,
    resyncIntervalMs: config.resyncIntervalMs,
    ...(deps.fanout ? { fanout: deps.fanout } : {}),
    events: {
      loaded: (boardId, ms) => log.debug({ boardId, ms }, 'board loaded'),
      unloaded: (boardId) => log.debug({ boardId }, 'board unloaded'),
      failed: (boardId, err) => log.error({ boardId, err }, 'board storage failed; room dropped'),
      skippedStoredUpdate: (boardId, index, err) =>
        log.warn({ boardId, index, err }, 'stored update skipped'),
      compactionFailed: (boardId, err) => log.error({ boardId, err }, 'compaction failed'),
      hibernation: (boardId, state, ms) => log.debug({ boardId, ms }, `board ${state}`),
      ...deps.roomEvents,
    },
  })
  const transfer = new BoardTransfer(storage, rooms)
  const clientConfig: ClientConfig = {
    tldrawLicenseKey: config.tldrawLicenseKey,
    version: deps.version ?? 'dev',
  }
  const webDist = config.webDist ?? join(import.meta.dirname, '../../web/dist')
  // The API and sync work without a built web app (tests, headless use); the page then says so.
  const serveStatic = existsSync(webDist)
    ? sirv(webDist, { single: true, etag: true, gzip: false })
    : (_req: IncomingMessage, res: ServerResponse) =>
        sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'web app not built' } })

  const baseUrl = (req: IncomingMessage) => config.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (path === '/healthz') return sendJson(res, 200, { ok: true })
    if (path === '/api/config' && req.method === 'GET') return sendJson(res, 200, clientConfig)
    if (path === '/api/boards') {
      if (req.method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED', 'use POST')
      checkOrganiserKey(req)
      const parsed = CreateBoardRequestSchema.safeParse(await readJsonBody(req, BODY_LIMIT))
      if (!parsed.success) throw new AppError('INVALID_BODY', 'expected { "title": string (1–200 chars) }')
      return sendJson(res, 201, await boards.create(parsed.data.title, baseUrl(req)))
    }
    if (path === '/api/boards/import') {
      if (req.method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED', 'use POST')
      checkOrganiserKey(req)
      const board = await transfer.import(
        await readJsonBody(req, config.maxImportBytes),
        url.searchParams.get('title') ?? undefined,
      )
      return sendJson(res, 201, {
        id: board.id,
        title: board.title,
        links: boards.links(board, baseUrl(req)),
      })
    }
    const action = /^\/api\/boards\/([^/]+)\/(facilitation|links|links\/revoke)$/.exec(path)
    if (action) {
      if (req.method !== 'POST') throw new AppError('METHOD_NOT_ALLOWED', 'use POST')
      const token = bearer(req) ?? url.searchParams.get('token')
      const { payload, board } = await boards.authorize(decodeURIComponent(action[1] ?? ''), token)
      return handleBoardAction(
        action[2] ?? '',
        { req, res, board, payload, baseUrl: baseUrl(req) },
        { boards, rooms },
      )
    }
    const nested = /^\/api\/boards\/([^/]+)\/(rounds|sessions)(?:\/(.*))?$/.exec(path)
    if (nested) {
      const token = bearer(req) ?? url.searchParams.get('token')
      const { payload, board } = await boards.authorize(decodeURIComponent(nested[1] ?? ''), token)
      const rest = nested[3] ?? ''
      if (nested[2] === 'sessions') {
        const ctx = { req, res, url, board, payload, baseUrl: baseUrl(req) }
        return handleSessions(rest, ctx, { storage, transfer, boards })
      }
      const [roundId, sub] = rest.split('/')
      if (!roundId) throw new AppError('NOT_FOUND', 'no such endpoint')
      return handleRound(
        roundId,
        sub,
        { req, res, board, payload },
        { storage, rooms, roundKeys: config.roundKeys, trustProxy: config.trustProxy },
      )
    }
    const boardPath = /^\/api\/boards\/([^/]+)\/(session|snapshot|programma)$/.exec(path)
    if (boardPath && req.method === 'GET') {
      const token = bearer(req) ?? url.searchParams.get('token')
      const { payload, board } = await boards.authorize(decodeURIComponent(boardPath[1] ?? ''), token)
      const what = boardPath[2]
      if (what === 'session') {
        return sendJson(res, 200, {
          board: { id: board.id, title: board.title },
          role: payload.r,
          expiresAt: payload.exp,
          serverTime: Date.now(),
        })
      }
      // The board's content (backup, the Programma van Waarden) is for the people working on it, not observers.
      if (payload.r === 'observer') throw new AppError('FORBIDDEN', 'observers cannot export the board')
      const snapshot = await transfer.snapshot(board)
      if (what === 'snapshot') return sendJson(res, 200, snapshot)
      return sendProgramma(res, snapshot, url.searchParams.get('format'))
    }
    if (path.startsWith('/api/')) throw new AppError('NOT_FOUND', 'no such endpoint')
    serveStatic(req, res, () => sendError(res, new AppError('NOT_FOUND', 'not found'), () => {}))
  }

  function checkOrganiserKey(req: IncomingMessage): void {
    if (!config.organiserKey) return
    const given = bearer(req) ?? (req.headers['x-organiser-key'] as string | undefined)
    if (given !== config.organiserKey) throw new AppError('ORGANISER_KEY_REQUIRED', 'organiser key required')
  }

  const http = createHttpServer((req, res) => {
    route(req, res).catch((error) => sendError(res, error, (err) => log.error({ err }, 'request failed')))
  })
  const wss = new WebSocketServer({
    noServer: true,
    // Frames up to the configured limit are read and refused by us with 4413; far larger ones are cut by ws (1009).
    maxPayload: config.maxMessageBytes * 2 + 1024,
    // Off: Yjs updates are small and mostly binary. The sync endpoint also relies on it: it writes pre-built frames to
    // the TCP socket next to ws's own, which ws writes synchronously only while it compresses nothing.
    perMessageDeflate: false,
  })
  wss.on('error', (err) => log.error({ err }, 'websocket server error'))
  // Upgrades from an address whose connections keep breaking the protocol are spaced out (see AdmissionControl).
  const admission = new AdmissionControl(config.admission)
  const violation = (req: IncomingMessage) => admission.violation(clientAddress(req, config.trustProxy))
  wss.on('connection', (ws, req) => handleSyncConnection(ws, req, { config, boards, rooms, log, violation }))
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log.debug({ err }, 'upgrade socket error'))
    if (!(req.url ?? '').startsWith('/sync/')) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    const upgrade = () => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    const decision = admission.admit(clientAddress(req, config.trustProxy))
    if (!decision.admit) {
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${decision.retryAfterSeconds}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      )
      return
    }
    if (decision.waitMs === 0) {
      decision.done()
      return upgrade()
    }
    const timer = setTimeout(() => {
      decision.done()
      if (!socket.destroyed) upgrade()
    }, decision.waitMs)
    socket.once('close', () => {
      clearTimeout(timer)
      decision.done()
    })
  })

  // Detect dead peers: a socket that did not answer the previous ping is terminated.
  const alive = new WeakSet<object>()
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, 30_000)
  heartbeat.unref()
  wss.on('connection', (ws) => {
    alive.add(ws)
    ws.on('pong', () => alive.add(ws))
  })

  let address: AddressInfo | null = null
  return {
    rooms,
    get url() {
      if (!address) throw new Error('not listening')
      return `http://127.0.0.1:${address.port}`
    },
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(config.port, config.host, () => {
          address = http.address() as AddressInfo
          resolve(address)
        })
      }),
    close: async () => {
      clearInterval(heartbeat)
      for (const ws of wss.clients) ws.close(CloseCodes.GOING_AWAY.code, 'GOING_AWAY')
      await new Promise<void>((resolve) => http.close(() => resolve()))
      await rooms.closeAll()
      await merger.close()
      wss.close()
    },
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}
