import { describeCloseCode, type Role } from '@waardentafel/protocol'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { applyFirstSyncQuietly } from '../patches/quietFirstSync.ts'
import { REFUSED_CHANGE_CODES } from './refusedChange.ts'

export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline' }
  | { kind: 'reconnecting' }
  | { kind: 'closed'; code: number; reason: string }

type Listener = (status: ConnectionStatus) => void

/** How long a first visit waits for the server before working from the local copy alone. */
const OFFLINE_START_MS = 4000

/**
 * One board's Y.Doc with its two providers: IndexedDB (edits survive offline and reloads) and the
 * y-websocket provider. Reports a status the UI can show, and stops for good on a final close code.
 */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly local: IndexeddbPersistence
  #status: ConnectionStatus = { kind: 'connecting' }
  readonly #listeners = new Set<Listener>()
  // The browser knows before the socket does: stop at once when it goes offline and resync as soon as it
  // is back, rather than waiting for a timeout and back-off.
  readonly #onOnline = () => {
    if (this.#status.kind !== 'closed') this.provider.connect()
    this.#update()
  }
  readonly #onOffline = () => {
    if (this.#status.kind !== 'closed') this.provider.disconnect()
    this.#update()
  }
  #everSynced = false

  constructor(boardId: string, token: string, role: Role) {
    performance.mark('wt:connect')
    const wsOrigin = window.location.origin.replace(/^http/, 'ws')
    this.local = new IndexeddbPersistence(`waardentafel:${boardId}:${role}`, this.doc)
    this.provider = new WebsocketProvider(`${wsOrigin}/sync`, boardId, this.doc, {
      params: { token },
      // Observers never write, so they need no cross-tab channel that could carry a writer's edits.
      disableBc: role === 'observer',
      maxBackoffTime: 5000,
    })
    // A patch of y-websocket and y-indexeddb internals (patches/README.md): the first sync without re-encoding.
    applyFirstSyncQuietly(this.doc, this.provider, this.local, () => this.#everSynced)
    this.provider.on('status', (event: { status: string }) => {
      if (event.status === 'connected' && !this.#everSynced) performance.mark('wt:ws-open')
      this.#update()
    })
    this.provider.on('sync', (synced: boolean) => {
      if (synced && !this.#everSynced) performance.mark('wt:synced')
      if (synced) this.#everSynced = true
      this.#update()
    })
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      this.#set({ kind: 'closed', code: event.code, reason: event.reason })
    })
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      // The stock client reconnects on anything outside 4400–4499; our table may know more final codes, and a
      // change the server refused for its size (1009, cut by the ws library) would only be sent again.
      const final = event && (describeCloseCode(event.code).final || REFUSED_CHANGE_CODES.has(event.code))
      if (event && final && this.provider.shouldConnect) {
        this.provider.disconnect()
        this.#set({ kind: 'closed', code: event.code, reason: event.reason })
      }
    })
    window.addEventListener('online', this.#onOnline)
    window.addEventListener('offline', this.#onOffline)
  }

  get status(): ConnectionStatus {
    return this.#status
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Resolves when the doc holds what is known: the local copy, plus the server's state when the server
   * answers in time. Returns whether the server's state is in.
   */
  async ready(): Promise<{ remote: boolean }> {
    await this.local.whenSynced
    if (this.provider.synced) return { remote: true }
    return new Promise((resolve) => {
      const done = (remote: boolean) => {
        clearTimeout(timer)
        this.provider.off('sync', onSync)
        this.provider.off('closed', onClosed)
        resolve({ remote })
      }
      const onSync = (synced: boolean) => synced && done(true)
      const onClosed = () => done(false)
      const timer = setTimeout(() => done(false), OFFLINE_START_MS)
      this.provider.on('sync', onSync)
      this.provider.on('closed', onClosed)
    })
  }

  /** Resolves at the first sync with the server (never, if the connection is closed for good). */
  whenRemoteSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return
        this.provider.off('sync', onSync)
        resolve()
      }
      this.provider.on('sync', onSync)
    })
  }

  /**
   * Throws away this device's copy of the board (the IndexedDB database), after the server refused a change
   * (4409, 4413, 1009): the refused edit is in that copy and would be sent again on every reconnect. The caller then builds
   * a fresh doc from the server. IndexedDB runs a later open of the same name after this deletion.
   */
  async discardLocalCopy(): Promise<void> {
    this.provider.disconnect()
    await this.local.clearData()
  }

  destroy(): void {
    window.removeEventListener('online', this.#onOnline)
    window.removeEventListener('offline', this.#onOffline)
    this.provider.destroy()
    void this.local.destroy()
    this.doc.destroy()
    this.#listeners.clear()
  }

  #update(): void {
    if (this.#status.kind === 'closed') return
    if (!navigator.onLine) this.#set({ kind: 'offline' })
    else if (this.provider.wsconnected && this.provider.synced) this.#set({ kind: 'connected' })
    else this.#set({ kind: this.#everSynced ? 'reconnecting' : 'connecting' })
  }

  #set(status: ConnectionStatus): void {
    this.#status = status
    for (const listener of this.#listeners) listener(status)
  }
}
