import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import type { LimitsConfig, RequestKind } from './LimitsConfig.ts'

/** Every budget counts requests per minute. */
const WINDOW_SECONDS = 60

/** A request over a budget: when to try again, and which budget it ran out of. */
export type Refusal = { retryAfterSeconds: number; scope: 'address' | 'link' | 'instance' }

export type LimitsStore = {
  /** Multi-instance mode: the budgets are kept in Redis, so every instance counts against the same ones. */
  redis: { url: string; prefix: string } | null
  onError?: (error: unknown) => void
}

type Pair = {
  address: RateLimiterAbstract
  link: RateLimiterAbstract | null
  /** Counted in this process's memory, never in Redis: it guards this process's own work. */
  instance: RateLimiterAbstract | null
}

/** The one key of a per-instance budget. */
const INSTANCE = 'instance'
/** A per-instance budget is counted in windows of 10 s (a sixth of its minute). */
const INSTANCE_WINDOWS = 6

/**
 * Per-address and per-link request budgets for each kind of request (rate-limiter-flexible). In one process the
 * counters live in memory; with Redis they live there, shared by every instance, and each Redis limiter has an
 * in-memory insurance limiter with the same budget that counts while Redis is unreachable (each instance then
 * counts alone, so a client gets at most one budget per instance until Redis is back).
 */
export class HttpLimits {
  readonly #pairs = new Map<RequestKind, Pair>()
  readonly #redis: Redis | null = null
  readonly #joinCodeMisses: RateLimiterAbstract | null = null

  constructor(config: LimitsConfig, store: LimitsStore) {
    if (!config.rateLimits) return
    const redis = store.redis
      ? new Redis(store.redis.url, {
          // A rate-limit check never waits for Redis: not connected → the insurance limiter answers at once.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          retryStrategy: (n: number) => Math.min(50 * 2 ** n, 1000),
        })
      : null
    redis?.on('error', store.onError ?? (() => {}))
    this.#redis = redis
    const limiter = (kind: RequestKind | 'join-code', scope: string, points: number): RateLimiterAbstract => {
      const options = { points, duration: WINDOW_SECONDS }
      if (!redis) return new RateLimiterMemory(options)
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        keyPrefix: `${store.redis?.prefix}:rl:${kind}:${scope}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    }
    for (const [kind, budget] of Object.entries(config.rates) as [
      RequestKind,
      LimitsConfig['rates'][RequestKind],
    ][]) {
      this.#pairs.set(kind, {
        address: limiter(kind, 'address', budget.perAddress),
        link: budget.perLink === null ? null : limiter(kind, 'link', budget.perLink),
        // The same rate in windows of a sixth: a flood may create a sixth of the minute's boards at once, not all
        // of them (120 creations in one moment took other boards' edit p99 to 2.9× in the attack bench).
        instance: budget.perInstance
          ? new RateLimiterMemory({
              points: Math.max(1, Math.round(budget.perInstance / INSTANCE_WINDOWS)),
              duration: WINDOW_SECONDS / INSTANCE_WINDOWS,
            })
          : null,
      })
    }
    this.#joinCodeMisses = limiter('join-code', 'misses', config.joinCodeMissesPerAddress)
  }

  /**
   * Whether `address` has used up its budget of wrong join codes (then even a right one waits: a guesser must not
   * learn that a guess was right). Checking counts nothing, so a hall of 300 behind one address is never refused.
   */
  async joinCodeGuessesLeft(address: string): Promise<Refusal | null> {
    const limiter = this.#joinCodeMisses
    if (!limiter) return null
    const state = await limiter.get(address)
    if (!state || state.remainingPoints > 0) return null
    return { retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)), scope: 'address' }
  }

  /** Counts one wrong join code from `address`; says when that used up its budget. */
  async joinCodeMissed(address: string): Promise<Refusal | null> {
    if (!this.#joinCodeMisses) return null
    const wait = await consume(this.#joinCodeMisses, address)
    return wait === null ? null : { retryAfterSeconds: wait, scope: 'address' }
  }

  /**
   * Counts one request of `kind` from `address` (with the link's token, if any) and says whether it is over a
   * budget. The token is hashed: the store never holds a usable link. The instance's budget is counted last, so a
   * flood from one address (refused by its own budget) never uses it up for everyone else.
   */
  async check(kind: RequestKind, address: string, token: string | null): Promise<Refusal | null> {
    const pair = this.#pairs.get(kind)
    if (!pair) return null
    const byAddress = await consume(pair.address, address)
    if (byAddress !== null) return { retryAfterSeconds: byAddress, scope: 'address' }
    if (pair.link && token) {
      const byLink = await consume(
        pair.link,
        createHash('sha256').update(token).digest('base64url').slice(0, 22),
      )
      if (byLink !== null) return { retryAfterSeconds: byLink, scope: 'link' }
    }
    if (!pair.instance) return null
    const byInstance = await consume(pair.instance, INSTANCE)
    return byInstance === null ? null : { retryAfterSeconds: byInstance, scope: 'instance' }
  }

  /** Resolves once the Redis connection is up, or after `timeoutMs` (the insurance limiters count meanwhile). */
  ready(timeoutMs = 2000): Promise<void> {
    const redis = this.#redis
    if (!redis || redis.status === 'ready') return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        redis.off('ready', done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      redis.once('ready', done)
    })
  }

  async close(): Promise<void> {
    this.#redis?.disconnect()
  }
}

/** Seconds until the key has budget again, or null when this request is within it. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key)
    return null
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    throw rejection
  }
}
