import { SHARED_FRAME_MAX_BYTES, sharedFrame } from '../http/sharedFrame.ts'
import type { SyncSocket } from './SyncSocket.ts'
import type { ConnectionScheduler, TurnCounter } from './scheduler.ts'

/**
 * Everything a connection sends goes through here. What is sent to a connection in one turn of the event loop after
 * its first frame leaves in one write: joining sends sync step 1 and the presence states, a burst of frames may be
 * answered several times and end in a close frame — one system call for the rest instead of one per frame (on a
 * loopback or a VM a write costs about as much as handling a small frame). A lone frame, as a relay is, is written
 * at once: corking it would only add work.
 */
export class ConnectionWriter {
  readonly #socket: SyncSocket
  readonly #turns: TurnCounter
  readonly #scheduler: Pick<ConnectionScheduler, 'endOfTurn'>
  #corked = false
  #sentInTurn = -1
  readonly #uncork = () => {
    this.#corked = false
    this.#socket.uncork()
  }

  constructor(socket: SyncSocket, turns: TurnCounter, scheduler: Pick<ConnectionScheduler, 'endOfTurn'>) {
    this.#socket = socket
    this.#turns = turns
    this.#scheduler = scheduler
  }

  send(message: Uint8Array): void {
    if (!this.#socket.open) return
    this.#corkIfSentThisTurn()
    // Small messages (relays, presence) are framed once for every connection they go to (see sharedFrame). Written
    // to the TCP socket ws writes to, in order with ws's own frames: ws's sender writes synchronously, because this
    // server sends no Blobs and has compression off (server.ts).
    if (message.byteLength <= SHARED_FRAME_MAX_BYTES) this.#socket.writeFrame(sharedFrame(message))
    else this.#socket.send(message)
  }

  /** Sends a close frame (in the same write as what was sent in this turn); a no-op once closing. */
  close(code: number, reason: string): void {
    if (!this.#socket.closable) return
    if (this.#socket.open) this.#corkIfSentThisTurn()
    this.#socket.close(code, reason)
  }

  #corkIfSentThisTurn(): void {
    const turn = this.#turns.current()
    if (this.#sentInTurn === turn && !this.#corked) {
      this.#corked = true
      this.#socket.cork()
      this.#scheduler.endOfTurn(this.#uncork)
    }
    this.#sentInTurn = turn
  }
}
