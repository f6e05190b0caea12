import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import type { BoardFanout, ControlMessage, FanoutHandlers, SeqUpdate } from './BoardFanout.ts'

const KIND_UPDATE = 0
const KIND_AWARENESS = 1
const KIND_CONTROL = 2

const ControlSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('revoke'), role: z.string().max(20), generation: z.number().int() }),
  z.object({ kind: z.literal('reconnect') }),
])

export type RedisFanoutOptions = {
  url: string
  /** Channel prefix; tests use one per run. */
  prefix: string
  instanceId?: string
  onError?: (error: unknown) => void
}

/**
 * Redis pub/sub between instances. Frames are `[instanceId, kind, …]` (lib0 encoding): updates
 * `[count, (seq, update) × count]`, awareness and control `[0, payload]` — the 0 where frames of earlier versions
 * had a position, so presence and revocations still cross between old and new instances during a rolling upgrade
 * (an old instance drops the new update frames; storage tailing brings those updates).
 * Pub/sub may drop messages (Redis restart, a slow subscriber): rooms repair gaps by tailing storage,
 * so the publisher does not queue while disconnected, it drops.
 */
export class RedisFanout implements BoardFanout {
  readonly instanceId: string
  readonly #prefix: string
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #handlers = new Map<string, Set<FanoutHandlers>>()
  readonly #onError: (error: unknown) => void

  constructor(options: RedisFanoutOptions) {
    this.instanceId = options.instanceId ?? randomBytes(8).toString('hex')
    this.#prefix = options.prefix
    this.#onError = options.onError ?? (() => {})
    const common = { maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(50 * 2 ** n, 1000) }
    this.#pub = new Redis(options.url, { ...common, enableOfflineQueue: false })
    this.#sub = new Redis(options.url, { ...common, autoResubscribe: true })
    this.#pub.on('error', this.#onError)
    this.#sub.on('error', this.#onError)
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#deliver(channel.toString(), message),
    )
  }

  async subscribe(boardId: string, handlers: FanoutHandlers): Promise<() => Promise<void>> {
    const channel = this.#channel(boardId)
    let set = this.#handlers.get(channel)
    if (!set) {
      set = new Set()
      this.#handlers.set(channel, set)
      // While Redis is down the subscription is re-made on reconnect (autoResubscribe); storage tailing
      // covers the gap, so a failed subscribe is not fatal.
      await this.#sub.subscribe(channel).catch(this.#onError)
    }
    set.add(handlers)
    return async () => {
      set.delete(handlers)
      if (set.size === 0 && this.#handlers.get(channel) === set) {
        this.#handlers.delete(channel)
        await this.#sub.unsubscribe(channel).catch(this.#onError)
      }
    }
  }

  publishUpdates(boardId: string, updates: SeqUpdate[]): void {
    if (updates.length === 0) return
    this.#publish(boardId, KIND_UPDATE, (encoder) => {
      encoding.writeVarUint(encoder, updates.length)
      for (const { seq, update } of updates) {
        encoding.writeVarUint(encoder, seq)
        encoding.writeVarUint8Array(encoder, update)
      }
    })
  }

  publishAwareness(boardId: string, update: Uint8Array): void {
    this.#publishPayload(boardId, KIND_AWARENESS, update)
  }

  publishControl(boardId: string, message: ControlMessage): void {
    this.#publishPayload(boardId, KIND_CONTROL, new TextEncoder().encode(JSON.stringify(message)))
  }

  async close(): Promise<void> {
    this.#handlers.clear()
    this.#pub.disconnect()
    this.#sub.disconnect()
  }

  #channel(boardId: string): string {
    return `${this.#prefix}:board:${boardId}`
  }

  /** An awareness or control frame: `[0, payload]` (the 0 for older instances, see the class comment). */
  #publishPayload(boardId: string, kind: number, payload: Uint8Array): void {
    this.#publish(boardId, kind, (encoder) => {
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint8Array(encoder, payload)
    })
  }

  #publish(boardId: string, kind: number, body: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.instanceId)
    encoding.writeVarUint(encoder, kind)
    body(encoder)
    this.#pub
      .publish(this.#channel(boardId), Buffer.from(encoding.toUint8Array(encoder)))
      .catch(this.#onError)
  }

  #deliver(channel: string, message: Buffer): void {
    const handlers = this.#handlers.get(channel)
    if (!handlers) return
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      )
      if (decoding.readVarString(decoder) === this.instanceId) return
      const kind = decoding.readVarUint(decoder)
      if (kind === KIND_UPDATE) {
        const count = decoding.readVarUint(decoder)
        const updates: SeqUpdate[] = []
        for (let i = 0; i < count; i++) {
          const seq = decoding.readVarUint(decoder)
          updates.push({ seq, update: decoding.readVarUint8Array(decoder) })
        }
        for (const h of handlers) h.updates(updates)
        return
      }
      decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      for (const h of handlers) {
        if (kind === KIND_AWARENESS) h.awareness(payload)
        else if (kind === KIND_CONTROL) {
          const control = ControlSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)))
          if (control.success) h.control?.(control.data)
        }
      }
    } catch (error) {
      this.#onError(error)
    }
  }
}
