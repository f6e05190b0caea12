import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

/**
 * A lightweight client speaking the y-websocket protocol (what the npm client sends: sync step 1 on open,
 * step 2 in answer to the server's step 1, then updates) without awareness, reconnects or a provider.
 * It applies remote changes only while `applyRemote` is on, so thousands of them fit in one process.
 */
export class RawClient {
  readonly doc: Y.Doc
  readonly ws: WebSocket
  readonly synced: Promise<void>
  readonly closed: Promise<number>
  applyRemote = true
  onUpdate: ((update: Uint8Array, at: number) => void) | null = null
  openedAt = 0
  syncedAt = 0

  constructor(url: string, doc = new Y.Doc()) {
    this.doc = doc
    this.ws = new WebSocket(url, { perMessageDeflate: false })
    let resolveSynced: () => void
    let rejectSynced: (e: Error) => void
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve
      rejectSynced = reject
    })
    this.closed = new Promise((resolve) =>
      this.ws.on('close', (code) => {
        rejectSynced(new Error(`closed ${code} before sync`))
        resolve(code)
      }),
    )
    this.synced.catch(() => {})
    this.ws.on('error', (e) => rejectSynced(e))
    this.ws.on('open', () => {
      this.openedAt = performance.now()
      this.#send(SYNC, STEP1, Y.encodeStateVector(this.doc))
    })
    this.ws.on('message', (data: Buffer) => {
      const at = performance.now()
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      if (decoding.readVarUint(decoder) !== SYNC) return
      const subtype = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (subtype === STEP1) {
        this.#send(SYNC, STEP2, Y.encodeStateAsUpdate(this.doc, payload))
      } else if (subtype === STEP2) {
        Y.applyUpdate(this.doc, payload, this)
        if (!this.syncedAt) this.syncedAt = at
        resolveSynced()
      } else if (subtype === UPDATE) {
        if (this.applyRemote) Y.applyUpdate(this.doc, payload, this)
        this.onUpdate?.(payload, at)
      }
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.#send(SYNC, UPDATE, update)
    })
  }

  close(): Promise<number> {
    this.ws.close()
    return this.closed
  }

  #send(type: number, subtype: number, payload: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint(encoder, subtype)
    encoding.writeVarUint8Array(encoder, payload)
    this.ws.send(encoding.toUint8Array(encoder))
  }
}

/** Edit ids start here; the bench's coordinates stay below it, so any such number in an update is an edit id. */
export const FIRST_EDIT_ID = 100_000

/**
 * The edit ids in an update. A map entry that overwrites an earlier one is encoded without its key (Yjs
 * derives it from the left origin), so ids are recognised by value rather than by key.
 */
export function editIdsIn(update: Uint8Array): number[] {
  const found: number[] = []
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) {
      const v = struct.content.arr[0]
      if (typeof v === 'number' && v >= FIRST_EDIT_ID) found.push(v)
    }
  }
  return found
}
