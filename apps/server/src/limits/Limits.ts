import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from '../admission/clientAddress.ts'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import type { Route } from '../http/router.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import { BytePacer } from './BytePacer.ts'
import { HttpLimits } from './HttpLimits.ts'
import { ImportGate } from './ImportGate.ts'
import { ImportWorker } from './ImportWorker.ts'
import { OrganiserQuota } from './OrganiserQuota.ts'
import { organiserOf } from './organiser.ts'
import { readBodyCapped } from './readBodyCapped.ts'
import { requestKind } from './requestKind.ts'

/** Seconds a client is told to wait when every import slot is taken (an import takes a second or two). */
const IMPORT_BUSY_RETRY_SECONDS = 5
/**
 * How fast import bodies are read, all together (after a first 2 MiB): four 5 MB bodies arriving at once over
 * the loopback took the event loop in one burst; a real upload comes at a network's pace anyway, and a 10 MiB
 * body read at this pace takes about a second.
 */
const IMPORT_BODY_BYTES_PER_SECOND = 8 * 1024 * 1024
const IMPORT_BODY_BURST_BYTES = 2 * 1024 * 1024

/**
 * What keeps anonymous clients from exhausting the server over HTTP: request budgets per address and link,
 * board and storage quotas per organiser, and imports bounded in size, records and number, parsed off the event
 * loop. One per server; nothing global.
 */
export class Limits {
  readonly rates: HttpLimits
  readonly quota: OrganiserQuota
  readonly imports: ImportWorker
  readonly #gate: ImportGate
  readonly #bodies = new BytePacer(IMPORT_BODY_BYTES_PER_SECOND, IMPORT_BODY_BURST_BYTES)
  readonly #config: Config

  constructor(config: Config, storage: BoardStorage, onError?: (error: unknown) => void) {
    this.#config = config
    const limits = config.limits
    this.rates = new HttpLimits(limits, { redis: config.redis, ...(onError ? { onError } : {}) })
    this.quota = new OrganiserQuota(storage, {
      boards: limits.quotaBoards,
      storageBytes: limits.quotaStorageBytes,
    })
    this.imports = new ImportWorker({
      threads: limits.importConcurrency,
      maxRecords: limits.maxImportRecords,
      heapMb: limits.importWorkerHeapMb,
    })
    this.#gate = new ImportGate(limits.importMaxPending)
  }

  address(req: IncomingMessage): string {
    return clientAddress(req, this.#config.trustProxy)
  }

  /** The organiser a board made by this request belongs to (`organiserOf`). */
  organiser(req: IncomingMessage): string {
    return organiserOf(this.#config.organiserKey, this.address(req))
  }

  /**
   * Counts the request against its kind's budgets; over one, throws RATE_LIMITED (429) with `Retry-After` set on
   * the response. `token`: the link the request carries, if any.
   */
  async admit(req: IncomingMessage, res: ServerResponse, route: Route, token: string | null): Promise<void> {
    const refusal = await this.rates.check(requestKind(route), this.address(req), token)
    if (!refusal) return
    res.setHeader('retry-after', String(refusal.retryAfterSeconds))
    throw new AppError('RATE_LIMITED', `too many requests from this ${refusal.scope}; try again later`)
  }

  /** Refuses (429 with `Retry-After`) an address that tried too many wrong join codes this minute. */
  async admitJoinCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    refuse(res, await this.rates.joinCodeGuessesLeft(this.address(req)))
  }

  /** Counts a wrong join code against the address; one over the budget is answered with 429. */
  async joinCodeMissed(req: IncomingMessage, res: ServerResponse): Promise<void> {
    refuse(res, await this.rates.joinCodeMissed(this.address(req)))
  }

  /**
   * Admits an import (503 IMPORT_BUSY with `Retry-After` when `IMPORT_MAX_PENDING` are in), reads its body with
   * the byte cap and deadline, and hands its chunks to `handle`, holding the slot until it is done.
   */
  async receiveImport<T>(
    req: IncomingMessage,
    res: ServerResponse,
    handle: (body: readonly Uint8Array[]) => Promise<T>,
  ): Promise<T> {
    const leave = this.#gate.tryEnter()
    if (!leave) {
      res.setHeader('retry-after', String(IMPORT_BUSY_RETRY_SECONDS))
      res.setHeader('connection', 'close')
      throw new AppError('IMPORT_BUSY', 'the server is importing other boards; try again shortly')
    }
    try {
      const limits = this.#config.limits
      const body = await readBodyCapped(
        req,
        res,
        this.#config.maxImportBytes,
        limits.importBodyTimeoutMs,
        (bytes) => this.#bodies.take(bytes),
      )
      return await handle(body)
    } finally {
      leave()
    }
  }

  ready(): Promise<void> {
    return this.rates.ready()
  }

  async close(): Promise<void> {
    await Promise.all([this.rates.close(), this.imports.close()])
  }
}

function refuse(res: ServerResponse, refusal: { retryAfterSeconds: number } | null): void {
  if (!refusal) return
  res.setHeader('retry-after', String(refusal.retryAfterSeconds))
  throw new AppError('RATE_LIMITED', 'too many wrong join codes from this address; try again later')
}
