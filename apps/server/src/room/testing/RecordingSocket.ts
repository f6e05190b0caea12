import type { Role } from '@waardentafel/protocol'
import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { RoomSocket } from '../Room.ts'

/** A room socket that records what it is sent and how it was closed (the room core's tests). */
export class RecordingSocket implements RoomSocket {
  readonly id: string
  readonly role: Role
  readonly generation: number
  readonly sent: Uint8Array[] = []
  closed: { code: number; reason: string } | null = null
  #waiting: Array<() => void> = []
  constructor(id: string, role: Role = 'participant', generation = 0) {
    this.id = id
    this.role = role
    this.generation = generation
  }
  send(message: Uint8Array): void {
    this.sent.push(message)
    for (const check of [...this.#waiting]) check()
  }
  /** Resolves once `check` holds, re-checked whenever this socket is sent something; rejects after `timeout` ms. */
  until(check: () => boolean, timeout = 2000): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = () => {
        if (!check()) return
        clearTimeout(timer)
        this.#waiting = this.#waiting.filter((w) => w !== waiting)
        resolve()
      }
      const timer = setTimeout(() => {
        this.#waiting = this.#waiting.filter((w) => w !== waiting)
        reject(new Error(`not sent within ${timeout} ms`))
      }, timeout)
      this.#waiting.push(waiting)
      waiting()
    })
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason }
  }
  /** Every presence state this socket was sent, applied in order to one fresh awareness (its view of the board). */
  presence(): Map<number, Record<string, unknown>> {
    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    seen.setLocalState(null)
    for (const message of this.sent) {
      const d = decoding.createDecoder(message)
      if (decoding.readVarUint(d) !== MessageType.awareness) continue
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(d), 'server')
    }
    const states = new Map(seen.getStates())
    seen.destroy()
    return states
  }
}

/** An awareness update with one entry per `[client, clock, state]` (what instances publish to each other). */
export function awarenessUpdate(...entries: Array<[number, number, unknown]>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(update, client)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  return encoding.toUint8Array(update)
}

/** An awareness message with one entry per `[client, clock, state]`, as y-websocket writes them. */
export function presenceMessage(...entries: Array<[number, number, unknown]>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.awareness)
  encoding.writeVarUint8Array(e, awarenessUpdate(...entries))
  return encoding.toUint8Array(e)
}

/** A sync `update` message carrying `update`. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  encoding.writeVarUint(e, SyncMessageType.update)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}
