import * as Y from 'yjs'
import type { StoredDoc } from '../storage/BoardStorage.ts'
import type { Clock, Scheduler, Timer } from '../time/Clock.ts'
import { syncStep2Message } from './messages.ts'
import { isEmptyStateVector } from './updateChecks.ts'

/** The state vector of an empty document (a first visit). */
const EMPTY_STATE_VECTOR = Uint8Array.of(0)

/** Transaction origin of what the holder applies itself: the initial load and waking up (nothing new for anyone). */
const STORAGE = 'storage'

export type DocHolderOptions = {
  /** Stored state to start from; unreadable entries are skipped and reported. */
  stored: StoredDoc
  /** See `RoomOptions.hibernateAfterMs`; absent: never. */
  hibernateAfterMs?: number | undefined
  clock: Clock
  scheduler: Scheduler
  onSkippedStoredUpdate?: ((index: number, error: unknown) => void) | undefined
  onHibernation?: ((state: 'hibernated' | 'woke', ms: number) => void) | undefined
  /** A change to the document (not its load or its wake), as Yjs' `update` event reports it. */
  onChange: (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void
  /** Whether something is being stored, queued or read that needs the document: then it stays awake. */
  busy: () => boolean
}

/**
 * The board's Y.Doc through its life: built from storage, dropped after `hibernateAfterMs` without a change (the
 * encoded state is kept, a fraction of a live Y.Doc's memory), rebuilt when a change or a reader needs it. What only
 * reads — a client's sync step 1, a state vector — is answered from the sleeping bytes. It also keeps the board's
 * size as far as it knows it, and the answer to a first visit while the document does not change.
 */
export class DocHolder {
  readonly #options: Omit<DocHolderOptions, 'stored'>
  #doc: Y.Doc | null = null
  /** While hibernating: the whole document as one update, and its state vector once worked out. */
  #state: Uint8Array | null = null
  #stateVector: Uint8Array | null = null
  /**
   * While awake and unchanged: sync step 2 with the whole document, as sent to a first visit (an empty state
   * vector), and the update inside it. Encoding a 5,000-shape board takes ~30 ms of the event loop, so a workshop
   * of thirty opening their links at once would wait on it thirty times; any change to the document drops it.
   */
  #firstVisit: { message: Uint8Array; state: Uint8Array } | null = null
  #lastChange: number
  #hibernateTimer: Timer | null = null
  /**
   * The board's encoded size as far as the holder knows: measured exactly whenever the whole state is encoded anyway
   * (a first visit, hibernation) or when a growing update would pass the budget, plus the bytes of every change
   * applied since (an over-estimate: overwritten values shrink when encoded). `#measured`: the estimate when last
   * measured (null: never); `#shrunk`: something was deleted since.
   */
  #sizeBytes = 0
  #measured: number | null = null
  #shrunk = false
  #destroyed = false

  constructor(options: DocHolderOptions) {
    // Without `stored`: the loaded bytes must not outlive the document built from them (or their next encoding).
    const { stored, ...rest } = options
    this.#options = rest
    this.#lastChange = rest.clock.now()
    const { snapshot, updates } = stored
    this.#sizeBytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.data.byteLength, 0)
    if (!this.#startAsleep(stored)) {
      const doc = this.#newDoc()
      this.#applyStored(doc, stored, STORAGE)
      this.#doc = doc
      this.#scheduleHibernation()
    }
  }

  /** The shared document, rebuilt from its encoded state first if it hibernates. */
  get doc(): Y.Doc {
    if (this.#doc) return this.#doc
    if (this.#destroyed) throw new Error('room destroyed')
    const { clock } = this.#options
    const started = clock.now()
    const doc = this.#newDoc()
    try {
      Y.applyUpdate(doc, this.#state!, STORAGE)
    } catch (error) {
      // Only a stored snapshot that was never decoded can fail here (see #startAsleep); skipped, as on a load.
      this.#options.onSkippedStoredUpdate?.(0, error)
    }
    this.#doc = doc
    this.#state = null
    this.#stateVector = null
    this.#lastChange = clock.now()
    this.#scheduleHibernation()
    this.#options.onHibernation?.('woke', clock.now() - started)
    return doc
  }

  get hibernating(): boolean {
    return this.#doc === null
  }

  /** Drops the Y.Doc and keeps its encoded state, unless the room is busy; returns whether it hibernated. */
  hibernate(): boolean {
    const doc = this.#doc
    if (!doc || this.#destroyed || this.#options.busy()) return false
    const { clock } = this.#options
    const started = clock.now()
    this.#state = this.#firstVisit?.state ?? Y.encodeStateAsUpdate(doc)
    this.#measuredSize(this.#state.byteLength)
    this.#firstVisit = null
    this.#stateVector = null
    doc.off('update', this.#onUpdate)
    doc.destroy()
    this.#doc = null
    this.#options.onHibernation?.('hibernated', clock.now() - started)
    return true
  }

  /** What the holder has beyond `stateVector` (everything when absent), without waking a hibernating document. */
  encodeStateAsUpdate(stateVector?: Uint8Array): Uint8Array {
    if (this.#doc) return Y.encodeStateAsUpdate(this.#doc, stateVector)
    const state = this.#state!
    // A first visit (empty state vector) gets the stored bytes as they are, without decoding them (they are the
    // server's own encoding of what it stored, as the early answer from storage sends them too).
    if (!stateVector || isEmptyStateVector(stateVector)) return state
    return this.#fromState(
      (bytes) => Y.diffUpdate(bytes, stateVector),
      (doc) => Y.encodeStateAsUpdate(doc, stateVector),
    )
  }

  encodeStateVector(): Uint8Array {
    if (this.#doc) return Y.encodeStateVector(this.#doc)
    this.#stateVector ??= this.#fromState(Y.encodeStateVectorFromUpdate, Y.encodeStateVector)
    return this.#stateVector
  }

  /** Sync step 2 for a client whose document holds `stateVector`: what the holder has beyond it. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const firstVisit = isEmptyStateVector(stateVector)
    if (firstVisit && this.#doc && this.#firstVisit) return this.#firstVisit.message
    const update = this.encodeStateAsUpdate(firstVisit ? undefined : stateVector)
    const { message, offset } = syncStep2Message(update)
    if (firstVisit && this.#doc) {
      this.#firstVisit = { message, state: message.subarray(offset) }
      this.#measuredSize(update.byteLength)
    }
    return message
  }

  /** Applies what storage holds (another instance's changes, read back) to the document, skipping what is unreadable. */
  applyStored(stored: StoredDoc, origin: unknown): void {
    this.#applyStored(this.doc, stored, origin)
  }

  /**
   * Whether `extraBytes` more would take the board past `maxBytes`. Near the budget the estimate is replaced by the
   * exact size — at most once per 1% of the budget grown, or after a deletion — by encoding the whole document,
   * which the next first visit is then answered with.
   */
  exceedsBudget(extraBytes: number, maxBytes: number): boolean {
    if (this.#sizeBytes + extraBytes <= maxBytes) return false
    if (this.#measured === null || this.#shrunk || this.#sizeBytes - this.#measured >= maxBytes / 100) {
      this.syncStep2(EMPTY_STATE_VECTOR)
    }
    return this.#sizeBytes + extraBytes > maxBytes
  }

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    if (this.#hibernateTimer) this.#options.scheduler.clearTimeout(this.#hibernateTimer)
    this.#doc?.off('update', this.#onUpdate)
    this.#firstVisit = null
    this.#doc?.destroy()
    this.#doc = null
    this.#state = null
  }

  /**
   * A board stored as one update (a compacted board, or a new one) with hibernation on starts asleep: loading
   * it is reading its bytes. Its state vector is read from them when a writer first joins, its document built at
   * the first change. Anything else is built at once.
   */
  #startAsleep({ snapshot, updates }: StoredDoc): boolean {
    if (
      this.#options.hibernateAfterMs === undefined ||
      (snapshot ? updates.length > 0 : updates.length !== 1)
    ) {
      return false
    }
    this.#state = snapshot ?? updates[0]!.data
    this.#measuredSize(this.#state.byteLength)
    return true
  }

  #applyStored(doc: Y.Doc, stored: StoredDoc, origin: unknown): void {
    const parts = stored.snapshot
      ? [stored.snapshot, ...stored.updates.map((u) => u.data)]
      : stored.updates.map((u) => u.data)
    parts.forEach((update, index) => {
      try {
        Y.applyUpdate(doc, update, origin)
      } catch (error) {
        this.#options.onSkippedStoredUpdate?.(index, error)
      }
    })
  }

  /**
   * Reads the sleeping bytes. Bytes that do not decode (storage damaged outside the server) wake the document
   * instead: its build skips and reports them, as a load always did, and the answer comes from that document.
   */
  #fromState<T>(read: (state: Uint8Array) => T, fromDoc: (doc: Y.Doc) => T): T {
    try {
      return read(this.#state!)
    } catch {
      return fromDoc(this.doc)
    }
  }

  #newDoc(): Y.Doc {
    const doc = new Y.Doc({ gc: true })
    doc.on('update', this.#onUpdate)
    return doc
  }

  #onUpdate = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction): void => {
    // Any change, a load included, makes the cached first-visit answer stale.
    this.#firstVisit = null
    if (origin === STORAGE) return // the initial load or waking up: nothing new for anyone
    this.#lastChange = this.#options.clock.now()
    // An update without structs only deleted: the board may be smaller now (measured when it matters).
    if (update[0] === 0) this.#shrunk = true
    else this.#sizeBytes += update.byteLength
    this.#options.onChange(update, origin, doc, transaction)
  }

  #measuredSize(bytes: number): void {
    this.#sizeBytes = bytes
    this.#measured = bytes
    this.#shrunk = false
  }

  #scheduleHibernation(): void {
    const after = this.#options.hibernateAfterMs
    const { clock, scheduler } = this.#options
    if (after === undefined || this.#hibernateTimer || this.#destroyed) return
    const check = () => {
      this.#hibernateTimer = null
      if (this.#destroyed || !this.#doc) return
      const quietFor = clock.now() - this.#lastChange
      if (quietFor >= after && this.hibernate()) return
      // Changed meanwhile (or busy storing): look again when it could have been quiet long enough.
      this.#hibernateTimer = scheduler.setTimeout(check, Math.max(after - quietFor, 50))
      this.#hibernateTimer.unref?.()
    }
    this.#hibernateTimer = scheduler.setTimeout(check, after)
    this.#hibernateTimer.unref?.()
  }
}
