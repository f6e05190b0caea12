import type { TLSchema, TLStore } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { type BindTldrawStoreToYDocOptions, bindTldrawStoreToYDoc } from '../bindTldrawStoreToYDoc.ts'
import type { InvalidRecordReport, TldrawYjsBinding } from '../TldrawYjsBinding.ts'
import { createTestStore } from './createTestStore.ts'

/** One simulated client: its own store, Y.Doc and binding, plus the updates its doc emitted. */
export interface Peer {
  doc: Y.Doc
  store: TLStore
  binding: TldrawYjsBinding
  /** Every update this doc emitted, in order: what a y-websocket server would store before compaction. */
  emitted: Uint8Array[]
  reports: InvalidRecordReport[]
}

export interface CreatePeerOptions
  extends Partial<Omit<BindTldrawStoreToYDocOptions<unknown>, 'store' | 'doc'>> {
  clientId: number
  schema?: TLSchema
  doc?: Y.Doc
}

export function createPeer({ clientId, schema, doc = new Y.Doc(), ...options }: CreatePeerOptions): Peer {
  // Fixed client ids make Yjs' tie-breaking between concurrent writes deterministic.
  doc.clientID = clientId
  const store = createTestStore(schema)
  const emitted: Uint8Array[] = []
  const reports: InvalidRecordReport[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) emitted.push(update)
  })
  const binding = bindTldrawStoreToYDoc({
    store,
    doc,
    throttleMs: 0,
    onInvalidRecord: (report) => reports.push(report),
    ...options,
  })
  return { doc, store, binding, emitted, reports }
}

const REMOTE = { tldrawYjsTest: 'remote' }

/** Sends `from` everything `to` has not seen yet, as a provider does after reconnecting. */
export function deliver(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
}

/** Full exchange in both directions. */
export function sync(a: Peer, b: Peer): void {
  deliver(a.doc, b.doc)
  deliver(b.doc, a.doc)
}
