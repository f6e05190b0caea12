import { AppError } from '../errors.ts'
import type { BoardStore, OrganiserUsage } from '../storage/ports/BoardStore.ts'

export type QuotaLimits = { boards: number | null; storageBytes: number | null }

/** Why a new board of `bytes` would take an organiser past a quota, or null when it fits. */
export function quotaRefusal(usage: OrganiserUsage, limits: QuotaLimits, bytes: number): AppError | null {
  if (limits.boards !== null && usage.boards + 1 > limits.boards) {
    return new AppError('QUOTA_BOARDS', `this organiser has ${usage.boards} boards, the most allowed`)
  }
  if (limits.storageBytes !== null && usage.bytes + bytes > limits.storageBytes) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`
    return new AppError(
      'QUOTA_STORAGE',
      `this board (${mib(bytes)}) would take the organiser's boards past ${mib(limits.storageBytes)} (now ${mib(usage.bytes)})`,
    )
  }
  return null
}

/**
 * Board-count and storage quotas per organiser (`organiserOf`), counted from storage. Boards are made one at a
 * time per organiser in this process (check and create in one turn of a queue), so concurrent requests cannot
 * overshoot here; several instances can each let one through at the same moment, which the per-address rate
 * limit on creation bounds.
 */
export class OrganiserQuota {
  readonly #storage: Pick<BoardStore, 'organiserUsage'>
  readonly #limits: QuotaLimits
  readonly #queues = new Map<string, Promise<unknown>>()

  constructor(storage: Pick<BoardStore, 'organiserUsage'>, limits: QuotaLimits) {
    this.#storage = storage
    this.#limits = limits
  }

  /** Runs `create` if a new board of `bytes` fits the organiser's quotas; throws QUOTA_BOARDS / QUOTA_STORAGE. */
  within<T>(organiser: string, bytes: number, create: () => Promise<T>): Promise<T> {
    if (this.#limits.boards === null && this.#limits.storageBytes === null) return create()
    const previous = this.#queues.get(organiser) ?? Promise.resolve()
    const next = previous
      .catch(() => {})
      .then(async () => {
        const refusal = quotaRefusal(await this.#storage.organiserUsage(organiser), this.#limits, bytes)
        if (refusal) throw refusal
        return create()
      })
    this.#queues.set(organiser, next)
    const forget = () => {
      if (this.#queues.get(organiser) === next) this.#queues.delete(organiser)
    }
    next.then(forget, forget)
    return next
  }
}
