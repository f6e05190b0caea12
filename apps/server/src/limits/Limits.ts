import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from '../admission/clientAddress.ts'
import type { Config } from '../config.ts'
import { AppError } from '../errors.ts'
import type { Route } from '../http/routes.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
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
 * What keeps anonymous clients from exhausting the server over HTTP: request budgets per address and link,
 * board and storage quotas per organiser, and imports bounded in size, records and number, parsed off the event
 * loop. One per server; nothing global.
 */
export class Limits {
  readonly rates: HttpLimits
  readonly quota: OrganiserQuota
  readonly imports: ImportWorker
  readonly #gate: ImportGate
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
    const refusal = await this.rates.check(requestKind(req.method, route), this.address(req), token)
    if (!refusal) return
    res.setHeader('retry-after', String(refusal.retryAfterSeconds))
    throw new AppError('RATE_LIMITED', `too many requests from this ${refusal.scope}; try again later`)
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
      const body = await readBodyCapped(req, res, this.#config.maxImportBytes, limits.importBodyTimeoutMs)
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
