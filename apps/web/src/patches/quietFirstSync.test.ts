import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { writeSyncStep2 } from 'y-protocols/sync'
import { messageSync, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { installedPackage, installedVersion } from './testing/installedVersion.ts'

// Guard of the patch in quietFirstSync.ts (used by board/BoardConnection.ts): until the first sync it swaps this provider's sync message handler,
// takes y-websocket's `_updateHandler` and y-indexeddb's `_storeUpdate` off the doc's 'update' event, and calls
// `_storeUpdate(update, provider)` itself. These tests fail when an upgrade changes any of that.
const PATCHED_FOR = { 'y-websocket': '3.1.0', 'y-indexeddb': '9.0.12' } as const

type Internals = {
  messageHandlers: Array<
    (
      encoder: encoding.Encoder,
      decoder: decoding.Decoder,
      provider: WebsocketProvider,
      emitSynced: boolean,
      messageType: number,
    ) => void
  >
  _updateHandler: (update: Uint8Array, origin: unknown) => void
}
type Listeners = { _observers: Map<string, Set<unknown>> }

const providers: WebsocketProvider[] = []
function provider(doc = new Y.Doc()) {
  // Never connects: the tests call the handlers the socket would.
  const p = new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, { connect: false, disableBc: true })
  providers.push(p)
  return p
}
afterEach(() => {
  for (const p of providers.splice(0)) p.destroy()
})

describe('the quiet first sync (patch of y-websocket and y-indexeddb internals)', () => {
  it.each(Object.entries(PATCHED_FOR))('was written for the installed %s %s', (pkg, version) => {
    expect(installedVersion(pkg)).toBe(version)
  })

  it("y-websocket: each provider has its own handler table, and the doc's 'update' listener is _updateHandler", () => {
    const a = provider()
    const b = provider()
    const internals = a as unknown as Internals
    expect(internals.messageHandlers).not.toBe((b as unknown as Internals).messageHandlers)
    expect(typeof internals.messageHandlers[messageSync]).toBe('function')
    const listeners = (a.doc as unknown as Listeners)._observers.get('update')
    expect(listeners?.has(internals._updateHandler)).toBe(true)
  })

  it("y-websocket: the sync handler reads a sync step 2 from the decoder's arr/pos and marks the provider synced", () => {
    const server = new Y.Doc()
    server.getMap('records').set('shape:1', 'note')
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, messageSync)
    writeSyncStep2(message, server)
    const decoder = decoding.createDecoder(encoding.toUint8Array(message))
    expect(decoding.readVarUint(decoder)).toBe(messageSync)
    // What the patch reads the update from, before the handler consumes it.
    expect(decoder.arr).toBeInstanceOf(Uint8Array)
    expect(typeof decoder.pos).toBe('number')

    const p = provider()
    const internals = p as unknown as Internals
    const heard: unknown[] = []
    p.doc.off('update', internals._updateHandler)
    p.doc.on('update', (_update: Uint8Array, origin: unknown) => heard.push(origin))
    internals.messageHandlers[messageSync]?.(encoding.createEncoder(), decoder, p, true, messageSync)
    expect(p.doc.getMap('records').get('shape:1')).toBe('note')
    expect(p.synced).toBe(true)
    // The update is applied with the provider as its origin, which _updateHandler skips and _storeUpdate stores.
    expect(heard).toEqual([p])
  })

  it('y-indexeddb: _storeUpdate is the instance field the doc listens with, storing updates of any other origin', () => {
    const { dir, json } = installedPackage('y-indexeddb')
    const source = readFileSync(join(dir, json.exports?.['.']?.import ?? 'src/y-indexeddb.js'), 'utf8')
    expect(source).toContain(
      'this._storeUpdate = (update, origin) => {\n      if (this.db && origin !== this) {',
    )
    expect(source).toContain("doc.on('update', this._storeUpdate)")
    expect(source).toContain("this.doc.off('update', this._storeUpdate)")
  })
})
