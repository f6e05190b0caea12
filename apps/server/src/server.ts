import { createServer as createHttpServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ClientConfig } from '@waardentafel/protocol'
import { CloseCodes } from '@waardentafel/protocol'
import type { Logger } from 'pino'
import { type WebSocket, WebSocketServer } from 'ws'
import { AdmissionControl } from './admission/Admission.ts'
import { clientAddress } from './admission/clientAddress.ts'
import { AssetCollector } from './assets/AssetCollector.ts'
import { AssetService } from './assets/AssetService.ts'
import { openAssetStore } from './assets/openAssetStore.ts'
import { BoardService } from './BoardService.ts'
import { BoardTransfer } from './BoardTransfer.ts'
import type { Config } from './config.ts'
import { closeCodeFor } from './errors.ts'
import type { BoardFanout } from './fanout/BoardFanout.ts'
import { createRequestHandler } from './http/handleRequest.ts'
import { createHandlers } from './http/handlers.ts'
import { LogThrottle } from './http/LogThrottle.ts'
import { RefusalLog } from './http/RefusalLog.ts'
import { staticFiles } from './http/staticFiles.ts'
import { handleSyncConnection, type SyncTarget } from './http/syncEndpoint.ts'
import { createUpgradeHandler } from './http/upgrade.ts'
import { CachingTokenSigner } from './http/verifiedTokens.ts'
import { Limits } from './limits/Limits.ts'
import { OrganiserSignIn } from './org/auth/OrganiserSignIn.ts'
import { PersonalData } from './org/privacy/PersonalData.ts'
import { RetentionJob } from './org/privacy/RetentionJob.ts'
import { BoardEdits } from './org/workspaces/BoardEdits.ts'
import { BoardPurger } from './org/workspaces/BoardPurger.ts'
import { OrgService } from './org/workspaces/OrgService.ts'
import { MergeWorker } from './room/MergeWorker.ts'
import { RoomManager, type RoomManagerEvents } from './room/RoomManager.ts'
import type { BoardStorage } from './storage/BoardStorage.ts'
import type { AssetStore } from './storage/ports/AssetStore.ts'
import { realScheduler } from './time/Clock.ts'

export type ServerDeps = {
  storage: BoardStorage
  /** Present in multi-instance mode: carries updates and awareness to the other instances. */
  fanout?: BoardFanout
  log: Logger
  tokenSecret: string
  version?: string
  roomEvents?: RoomManagerEvents
  /** Where pictures and maps are stored; by default `openAssetStore(config)` (closed with the server then). */
  assets?: AssetStore
}

export type RunningServer = {
  listen(): Promise<AddressInfo>
  close(): Promise<void>
  readonly rooms: RoomManager
  /** Pictures and maps: `deleteBoardAssets(boardId)` for a board being deleted. */
  readonly assets: AssetService
  /** The orphaned-asset collector (run every `ASSET_SWEEP_INTERVAL_MS`; `sweep()` runs it now). */
  readonly assetCollector: AssetCollector
  readonly url: string
  /** Removes deleted boards past their grace period (run every `PURGE_INTERVAL_MS`; `run()` runs it now). */
  readonly purger: BoardPurger
}

/** How long `close()` lets requests still running finish before their connections are cut. */
const CLOSE_GRACE_MS = 2_000

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
  // A board's updatedAt follows its last edit (src/org/workspaces).
  const edits = new BoardEdits(storage.workspaces, {
    onError: (boardId, err) => log.warn({ boardId, err }, 'could not record the time of an edit'),
  })
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
      persisted: (boardId) => edits.note(boardId),
      ...deps.roomEvents,
    },
  })
  const transfer = new BoardTransfer(storage, rooms, { imports: limits.imports, quota: limits.quota })
  // Personal data erased once a board's last edit is its project's retention old (src/org/privacy, docs/privacy.md).
  const retention = config.privacy.retentionIntervalMs
    ? new RetentionJob({
        personal: new PersonalData({ rooms, log: storage.log, personal: storage.privacy }),
        store: storage.privacy,
        workspaces: storage.workspaces,
        rooms,
        clock: { now: Date.now },
        scheduler: realScheduler,
        defaultMonths: config.privacy.retentionMonths,
        intervalMs: config.privacy.retentionIntervalMs,
        onError: (boardId, err) =>
          log.error({ boardId, err }, 'retention failed for a board; retried next run'),
      })
    : null
  const assetStore =
    deps.assets ?? openAssetStore(config, { onError: (err) => log.warn({ err }, 'asset store') })
  const assets = new AssetService(assetStore, config.assets)
  const assetCollector = new AssetCollector({
    store: assetStore,
    boards: storage,
    records: async (boardId) => {
      const board = await storage.getBoard(boardId)
      return board ? (await transfer.snapshot(board)).records : []
    },
    now: Date.now,
    graceMs: config.assets.orphanGraceMs,
    onError: (boardId, err) => log.warn({ boardId, err }, 'asset sweep failed for a board'),
  })
  const sweeping = config.assets.sweepIntervalMs
    ? setInterval(() => void assetCollector.sweep(), config.assets.sweepIntervalMs)
    : null
  sweeping?.unref()
  // Organisers sign in with a session cookie (local account, OpenID Connect): src/org/auth.
  const signIn = new OrganiserSignIn(config, storage.organisers, log)
  // Workspaces, projects and the organiser's boards; deleted boards purged after their grace period (src/org/workspaces).
  const org = new OrgService({
    store: storage.workspaces,
    organisers: storage.organisers,
    boardStore: storage,
    boards,
    transfer,
    rooms,
    log: storage,
    deleteGraceDays: config.workspaces.deleteGraceDays,
  })
  const purger = new BoardPurger({
    store: storage.workspaces,
    rooms,
    now: Date.now,
    onError: (boardId, err) =>
      log.error({ boardId, err }, 'purge of a deleted board failed; retried next run'),
  })
  purger.onPurge(async (boardId) => {
    await assets.deleteBoardAssets(boardId)
  })
  // A purged board's PvW versions, signatures and their history go with it (issue #19).
  purger.onPurge(async (boardId) => void (await storage.versions.deleteBoardVersions(boardId)))
  const purging = config.workspaces.purgeIntervalMs
    ? setInterval(() => void purger.run(), config.workspaces.purgeIntervalMs)
    : null
  purging?.unref()
  const clientConfig: ClientConfig = {
    tldrawLicenseKey: config.tldrawLicenseKey,
    openBoardCreation: config.organisers.openBoardCreation,
    version: deps.version ?? 'dev',
  }
  // Bad input is logged at most once per kind and address per interval, with a count of what was left out.
  const refusals = new RefusalLog(log, new LogThrottle({ intervalMs: config.logThrottleMs }))
  const handlers = createHandlers({
    storage,
    boards,
    rooms,
    transfer,
    limits,
    signIn,
    org,
    assets,
    clientConfig,
    roundKeys: config.roundKeys,
    trustProxy: config.trustProxy,
  })
  const handleRequest = createRequestHandler(config, {
    handlers,
    boards,
    limits,
    refusals,
    organisers: signIn.auth,
    // The API and sync work without a built web app (tests, headless use); the page then says so.
    staticFiles: staticFiles(config.webDist ?? join(import.meta.dirname, '../../web/dist')),
  })

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
  // Upgrades from an address whose connections keep breaking the protocol are spaced out (http/upgrade.ts).
  const admission = new AdmissionControl(config.admission)
  const violation = (req: IncomingMessage) => admission.violation(clientAddress(req, config.trustProxy))
  const connect = (ws: WebSocket, req: IncomingMessage, target: SyncTarget) => {
    const address = clientAddress(req, config.trustProxy)
    const readOnly = (boardId: string) => storage.workspaces.isReadOnly(boardId)
    const deps = { config, boards, rooms, log, violation, refusals, address, readOnly }
    try {
      handleSyncConnection(ws, req, target, deps)
    } catch (error) {
      refusals.report(error, address, 'sync connection')
      ws.close(closeCodeFor(error).code, closeCodeFor(error).reason)
    }
  }
  http.on(
    'upgrade',
    createUpgradeHandler({ wss, admission, refusals, trustProxy: config.trustProxy, connect }),
  )

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
    assets,
    assetCollector,
    purger,
    get url() {
      if (!address) throw new Error('not listening')
      return `http://127.0.0.1:${address.port}`
    },
    listen: async () => {
      await limits.ready()
      retention?.start()
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
      if (purging) clearInterval(purging)
      if (sweeping) clearInterval(sweeping)
      for (const ws of wss.clients) ws.close(CloseCodes.GOING_AWAY.code, 'GOING_AWAY')
      // Idle keep-alive connections go now; a request still running gets a moment, then its connection is cut (a
      // browser's open fetch or a stalled upload must not keep a closing server alive for ever).
      const stopping = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      const cut = setTimeout(() => http.closeAllConnections(), CLOSE_GRACE_MS)
      cut.unref()
      await stopping
      clearTimeout(cut)
      await retention?.stop()
      await rooms.closeAll()
      await merger.close()
      await limits.close()
      if (!deps.assets) await assetStore.close()
      wss.close()
    },
  }
}
