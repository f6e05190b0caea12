import { existsSync } from 'node:fs'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Duplex, Readable } from 'node:stream'
import type { ClientConfig } from '@waardentafel/protocol'
import { CloseCodes, CreateBoardRequestSchema } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import sirv from 'sirv'
import { type WebSocket, WebSocketServer } from 'ws'
import { AdmissionControl } from './admission/Admission.ts'
import { clientAddress } from './admission/clientAddress.ts'
import { BoardService } from './BoardService.ts'
import { BoardTransfer } from './BoardTransfer.ts'
import type { Config } from './config.ts'
import { AppError, closeCodeFor } from './errors.ts'
import type { BoardFanout } from './fanout/BoardFanout.ts'
import { handleBoardAction } from './http/boardActions.ts'
import { resolveJoinCode } from './http/joinCodes.ts'
import { LogThrottle } from './http/LogThrottle.ts'
import { sendProgramma } from './http/programma.ts'
import { RefusalLog } from './http/RefusalLog.ts'
import { readJsonBody } from './http/readJsonBody.ts'
import { checkedHost, checkStateChanging, originSet, setSecurityHeaders } from './http/requestGuards.ts'
import { parseRequestTarget, type RequestTarget } from './http/requestTarget.ts'
import { handleRound } from './http/rounds.ts'
import { type Route, routeOf } from './http/routes.ts'
import { sendError, sendJson } from './http/sendJson.ts'
import { handleSessions } from './http/sessions.ts'
import { handleSyncConnection, type SyncTarget } from './http/syncEndpoint.ts'
import { CachingTokenSigner } from './http/verifiedTokens.ts'
import { Limits } from './limits/Limits.ts'
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
  // Request budgets, organiser quotas and bounded imports off the event loop (src/limits).
  const limits = new Limits(config, storage, (err) => log.warn({ err }, 'rate-limit store error'))
  const boards = new BoardService(storage, signer, { quota: limits.quota })
  // Compaction rebuilds documents; on its own thread it never stalls the boards being edited.
  const merger = new MergeWorker()
  const roomRefusals = new LogThrottle({ intervalMs: config.logThrottleMs })
  const rooms = new RoomManager({
    storage,
    merge: merger.merge,
    unloadGraceMs: config.unloadGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    hibernateAfterMs: config.hibernateAfterMs,
    resyncIntervalMs: config.resyncIntervalMs,
    limits: config.roomLimits,
    ...(deps.fanout ? { fanout: deps.fanout } : {}),
    events: {
      loaded: (boardId, ms) => log.debug({ boardId, ms }, 'board loaded'),
      unloaded: (boardId) => log.debug({ boardId }, 'board unloaded'),
      failed: (boardId, err) => log.error({ boardId, err }, 'board storage failed; room dropped'),
      skippedStoredUpdate: (boardId, index, err) =>
        log.warn({ boardId, index, err }, 'stored update skipped'),
      compactionFailed: (boardId, err) => log.error({ boardId, err }, 'compaction failed'),
      hibernation: (boardId, state, ms) => log.debug({ boardId, ms }, `board ${state}`),
      refused: (boardId, socket, reason) => {
        // A modified client can be refused again and again (it reconnects each time): one line per reason and
        // board per LOG_THROTTLE_MS, with the count of those left out.
        const decision = roomRefusals.take(reason, boardId)
        if (decision.log) {
          log.warn(
            { boardId, socket: socket.id, role: socket.role, reason, suppressed: decision.suppressed },
            'client message refused (socket closed; nothing stored or relayed)',
          )
        }
      },
      ...deps.roomEvents,
    },
  })
  const transfer = new BoardTransfer(storage, rooms, { imports: limits.imports, quota: limits.quota })
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

  // Only the well-formed Host of the request (checkedHost) ever gets here.
  const baseUrl = (host: string | null) => config.publicUrl ?? `http://${host ?? 'localhost'}`
  const allowedOrigins = originSet([
    ...(config.publicUrl ? [config.publicUrl] : []),
    ...config.allowedOrigins,
  ])
  // Bad input is logged at most once per kind and address per interval, with a count of what was left out.
  const refusals = new RefusalLog(log, new LogThrottle({ intervalMs: config.logThrottleMs }))

  /**
   * The error boundary of every HTTP request: whatever the request (target, headers, body) and whatever a handler
   * throws, the answer is the documented code and the process carries on.
   */
  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // On every answer, refusals included; once the Host is known to be well-formed, its ws/wss join connect-src.
      setSecurityHeaders(res, null)
      const host = checkedHost(req)
      if (host) setSecurityHeaders(res, host)
      const target = parseRequestTarget(req.url)
      const route = routeOf(req.method, target)
      checkStateChanging(req, host, allowedOrigins)
      // Per-request checks that need the route (rate limits, quotas) go here, before anything is read or loaded.
      await limits.admit(req, res, route, bearer(req) ?? target.query.get('token'))
      await dispatch(route, { req, res, target, host })
    } catch (error) {
      refusals.report(error, clientAddress(req, config.trustProxy), `${req.method} request`)
      sendError(res, error, () => {})
    }
  }

  type Request = { req: IncomingMessage; res: ServerResponse; target: RequestTarget; host: string | null }

  async function dispatch(route: Route, { req, res, target, host }: Request): Promise<void> {
    const token = () => bearer(req) ?? target.query.get('token')
    switch (route.kind) {
      case 'health':
        return sendJson(res, 200, { ok: true })
      case 'config':
        return sendJson(res, 200, clientConfig)
      case 'createBoard': {
        checkOrganiserKey(req)
        const parsed = CreateBoardRequestSchema.safeParse(await readJsonBody(req, BODY_LIMIT))
        if (!parsed.success) throw new AppError('INVALID_BODY', 'expected { "title": string (1–200 chars) }')
        return sendJson(
          res,
          201,
          await boards.create(parsed.data.title, baseUrl(host), limits.organiser(req)),
        )
      }
      case 'importBoard': {
        checkOrganiserKey(req)
        const organiser = limits.organiser(req)
        await transfer.assertRoomFor(organiser)
        const board = await limits.receiveImport(req, res, (body) =>
          transfer.importBytes(body, target.query.get('title') ?? undefined, organiser),
        )
        return sendJson(res, 201, {
          id: board.id,
          title: board.title,
          links: boards.links(board, baseUrl(host)),
        })
      }
      case 'boardAction': {
        const { payload, board } = await boards.authorize(route.boardId, token())
        const ctx = { req, res, board, payload, baseUrl: baseUrl(host) }
        return handleBoardAction(route.action, ctx, { boards, rooms, storage })
      }
      case 'joinCode': {
        // Too many wrong codes from this address: refused before looking, so a guesser learns nothing more.
        await limits.admitJoinCode(req, res)
        const onMiss = () => limits.joinCodeMissed(req, res)
        return sendJson(
          res,
          200,
          await resolveJoinCode(route.code, baseUrl(host), { storage, boards, onMiss }),
        )
      }
      case 'sessions': {
        const { payload, board } = await boards.authorize(route.boardId, token())
        const ctx = { req, res, query: target.query, board, payload, baseUrl: baseUrl(host) }
        return handleSessions(route.rest, ctx, { storage, transfer, boards })
      }
      case 'rounds': {
        const { payload, board } = await boards.authorize(route.boardId, token())
        const ctx = { req, res, url: queryUrl(target.query), board, payload }
        return handleRound(route.roundId, route.sub, ctx, {
          storage,
          rooms,
          roundKeys: config.roundKeys,
          trustProxy: config.trustProxy,
        })
      }
      case 'boardRead': {
        const { payload, board } = await boards.authorize(route.boardId, token())
        if (route.what === 'session') {
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
        if (route.what === 'snapshot') return sendJson(res, 200, snapshot)
        return sendProgramma(res, snapshot, target.query.get('format'), target.query.has('download'))
      }
      case 'static': {
        const address = clientAddress(req, config.trustProxy)
        const failed = (error: unknown) => refusals.report(error, address, 'static file')
        return serveStatic(withSafeRange(req), withStreamErrors(res, failed), () =>
          sendError(res, new AppError('NOT_FOUND', 'not found'), () => {}),
        )
      }
    }
  }

  function checkOrganiserKey(req: IncomingMessage): void {
    if (!config.organiserKey) return
    const given = bearer(req) ?? (req.headers['x-organiser-key'] as string | undefined)
    if (given !== config.organiserKey) throw new AppError('ORGANISER_KEY_REQUIRED', 'organiser key required')
  }

  const http = createHttpServer((req, res) => void handleRequest(req, res))
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
  const connect = (ws: WebSocket, req: IncomingMessage, target: SyncTarget) => {
    const address = clientAddress(req, config.trustProxy)
    const deps = { config, boards, rooms, log, violation, refusals, address }
    try {
      handleSyncConnection(ws, req, target, deps)
    } catch (error) {
      refusals.report(error, address, 'sync connection')
      ws.close(closeCodeFor(error).code, closeCodeFor(error).reason)
    }
  }
  // The error boundary of every upgrade: a request that is not a well-formed `/sync/:boardId[?token=…]` is
  // answered over plain HTTP (400 with the JSON error body, or 404) and never reaches the WebSocket server.
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) =>
      refusals.note('debug', 'UPGRADE_SOCKET_ERROR', clientAddress(req, config.trustProxy), err.message),
    )
    try {
      upgradeRequest(req, socket, head)
    } catch (error) {
      refusals.report(error, clientAddress(req, config.trustProxy), 'upgrade')
      refuseUpgrade(socket, error)
    }
  })
  const upgradeRequest = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    checkedHost(req)
    const parsed = parseRequestTarget(req.url)
    if (parsed.segments.length < 2 || parsed.segments[0] !== 'sync') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const target: SyncTarget = {
      boardId: parsed.segments.slice(1).join('/'),
      token: parsed.query.get('token'),
    }
    const upgrade = () =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        wss.emit('connection', ws, req)
        connect(ws, req, target)
      })
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
      try {
        if (!socket.destroyed) upgrade()
      } catch (error) {
        refusals.report(error, clientAddress(req, config.trustProxy), 'upgrade')
        refuseUpgrade(socket, error)
      }
    }, decision.waitMs)
    socket.once('close', () => {
      clearTimeout(timer)
      decision.done()
    })
  }

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
    listen: async () => {
      await limits.ready()
      return new Promise((resolve, reject) => {
        http.once('error', reject)
        http.listen(config.port, config.host, () => {
          address = http.address() as AddressInfo
          resolve(address)
        })
      })
    },
    close: async () => {
      clearInterval(heartbeat)
      for (const ws of wss.clients) ws.close(CloseCodes.GOING_AWAY.code, 'GOING_AWAY')
      await new Promise<void>((resolve) => http.close(() => resolve()))
      await rooms.closeAll()
      await merger.close()
      await limits.close()
      wss.close()
    },
  }
}

/** Answers an upgrade that failed before the handshake with the JSON error body (500 hides what went wrong). */
function refuseUpgrade(socket: Duplex, error: unknown): void {
  if (socket.destroyed || !socket.writable) return
  const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'internal error')
  const body = JSON.stringify({ error: { code: appError.code, message: appError.message } })
  socket.end(
    `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * sirv pipes a file into the response without listening for the file's errors: one that disappeared since the
 * server started (a new build put in place) would throw from the stream and end the process. The answer has begun
 * by then, so the connection is cut and the error reported.
 */
function withStreamErrors(res: ServerResponse, onError: (error: unknown) => void): ServerResponse {
  res.once('pipe', (source: Readable) =>
    source.once('error', (error) => {
      onError(error)
      res.destroy()
    }),
  )
  return res
}

/**
 * sirv answers a `Range` it cannot satisfy (start after end) by throwing from `fs.createReadStream` after it wrote
 * the status line; the app never asks for ranges, so anything but one well-formed range is dropped.
 */
function withSafeRange(req: IncomingMessage): IncomingMessage {
  const range = req.headers.range
  if (range === undefined) return req
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range)
  if (!match || (match[2] !== '' && Number(match[2]) < Number(match[1]))) delete req.headers.range
  return req
}

/** A URL carrying only the (already checked) query, for handlers that read `url.searchParams`. */
function queryUrl(query: URLSearchParams): URL {
  const url = new URL('http://localhost/')
  for (const [key, value] of query) url.searchParams.append(key, value)
  return url
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}
