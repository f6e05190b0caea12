import { MessageType, SyncMessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { StoredDoc } from '../storage/BoardStorage.ts'
import { DocHolder } from './DocHolder.ts'
import { ManualClock } from './testing/ManualClock.ts'

const HIBERNATE_MS = 60_000

/** A board stored as rows, one update each. */
function storedWith(...entries: Array<[string, unknown]>): StoredDoc {
  const doc = new Y.Doc()
  const updates = entries.map(([key, value], i) => {
    const before = Y.encodeStateVector(doc)
    doc.getMap('m').set(key, value)
    return { seq: i + 1, data: Y.encodeStateAsUpdate(doc, before) }
  })
  return { snapshot: null, updates, lastSeq: updates.length }
}

function setup(stored: StoredDoc, busy = () => false) {
  const clock = new ManualClock()
  const events: string[] = []
  const changes: unknown[] = []
  const holder = new DocHolder({
    stored,
    hibernateAfterMs: HIBERNATE_MS,
    clock,
    scheduler: clock,
    onHibernation: (state) => events.push(state),
    onChange: (_update, origin) => changes.push(origin),
    busy,
  })
  return { clock, events, changes, holder }
}

/** The update inside a sync step 2 message. */
function step2Update(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message)
  expect(decoding.readVarUint(d)).toBe(MessageType.sync)
  expect(decoding.readVarUint(d)).toBe(SyncMessageType.step2)
  return decoding.readVarUint8Array(d)
}

describe('DocHolder', () => {
  it('hibernates after hibernateAfterMs without a change; a change postpones it', () => {
    const { clock, events, changes, holder } = setup(storedWith(['a', 1], ['b', 2]))
    expect(holder.hibernating).toBe(false)
    expect(changes).toEqual([]) // the load is nobody's change
    clock.advance(HIBERNATE_MS / 2)
    holder.doc.transact(() => holder.doc.getMap('m').set('c', 3), 'client')
    expect(changes).toEqual(['client'])
    clock.advance(HIBERNATE_MS / 2)
    expect(holder.hibernating).toBe(false)
    clock.advance(HIBERNATE_MS / 2)
    expect(holder.hibernating).toBe(true)
    expect(events).toEqual(['hibernated'])
  })

  it('stays awake while the room is busy, and hibernates once it is not', () => {
    let busy = true
    const { clock, holder } = setup(storedWith(['a', 1], ['b', 2]), () => busy)
    clock.advance(HIBERNATE_MS * 2)
    expect(holder.hibernating).toBe(false)
    busy = false
    clock.advance(50)
    expect(holder.hibernating).toBe(true)
  })

  it('answers readers from the sleeping bytes; the first reader of the doc wakes it, with everything', () => {
    const { clock, events, holder } = setup(storedWith(['a', 1], ['b', 2]))
    clock.advance(HIBERNATE_MS)
    expect(holder.hibernating).toBe(true)
    const client = new Y.Doc()
    Y.applyUpdate(client, step2Update(holder.syncStep2(Uint8Array.of(0))))
    expect(client.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    expect(Y.decodeStateVector(holder.encodeStateVector()).size).toBe(1)
    expect(holder.hibernating).toBe(true)
    expect(holder.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    expect(events).toEqual(['hibernated', 'woke'])
    // Awake again, and asleep again after another quiet spell.
    clock.advance(HIBERNATE_MS)
    expect(holder.hibernating).toBe(true)
  })

  it('a board stored as one update starts asleep; unreadable bytes wake it, skipped and reported', () => {
    const one = storedWith(['a', 1])
    const { holder } = setup(one)
    expect(holder.hibernating).toBe(true)
    expect(holder.encodeStateAsUpdate()).toBe(one.updates[0]!.data)

    const skipped: number[] = []
    const broken = new DocHolder({
      stored: { snapshot: Uint8Array.of(9, 9, 9), updates: [], lastSeq: 1 },
      hibernateAfterMs: HIBERNATE_MS,
      clock: new ManualClock(),
      scheduler: new ManualClock(),
      onSkippedStoredUpdate: (index) => skipped.push(index),
      onChange: () => {},
      busy: () => false,
    })
    expect(broken.hibernating).toBe(true)
    broken.encodeStateVector()
    expect(broken.hibernating).toBe(false)
    expect(skipped).toEqual([0])
  })

  it('keeps the first-visit answer until the document changes', () => {
    const { holder } = setup(storedWith(['a', 1], ['b', 2]))
    const first = holder.syncStep2(Uint8Array.of(0))
    expect(holder.syncStep2(Uint8Array.of(0))).toBe(first)
    holder.doc.transact(() => holder.doc.getMap('m').set('c', 3), 'client')
    const next = holder.syncStep2(Uint8Array.of(0))
    expect(next).not.toBe(first)
    const client = new Y.Doc()
    Y.applyUpdate(client, step2Update(next))
    expect(client.getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 })
  })

  it('exceedsBudget measures the board exactly before it says no', () => {
    const { holder } = setup(storedWith(['a', 'x'.repeat(1000)]))
    holder.doc // awake: sizes are estimates from here
    const size = holder.encodeStateAsUpdate().byteLength
    expect(holder.exceedsBudget(10, size + 10)).toBe(false)
    expect(holder.exceedsBudget(11, size + 10)).toBe(true)
    // Deleting shrinks the board; the next check measures again and lets growth in.
    holder.doc.transact(() => holder.doc.getMap('m').delete('a'), 'client')
    expect(holder.exceedsBudget(11, size + 10)).toBe(false)
  })

  it('destroy stops its timer and drops the document', () => {
    const { clock, holder } = setup(storedWith(['a', 1], ['b', 2]))
    holder.destroy()
    expect(clock.pendingTimers).toBe(0)
    expect(() => holder.doc).toThrow('room destroyed')
  })
})
