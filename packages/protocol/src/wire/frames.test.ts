import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { readAwarenessEntries } from './awareness.ts'
import {
  encodeAwareness,
  encodeFrame,
  encodeSyncStep1,
  encodeSyncUpdate,
  type Frame,
  readFrame,
  readSyncMessage,
} from './frames.ts'

const bytes = (...values: number[]) => Uint8Array.from(values)

/** A state vector of (client, clock) pairs, as Yjs writes it. */
function stateVector(pairs: Array<[number, number]>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, pairs.length)
  for (const [client, clock] of pairs) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
  }
  return encoding.toUint8Array(e)
}

/** An awareness update of (client, clock, JSON state) entries, as y-protocols writes it. */
function awarenessUpdate(entries: Array<[number, number, unknown]>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, JSON.stringify(state))
  }
  return encoding.toUint8Array(e)
}

describe('readFrame', () => {
  it('reads each kind of frame the y-websocket client writes', () => {
    const sv = stateVector([[7, 3]])
    expect(readFrame(encodeSyncStep1(sv))).toEqual({
      ok: true,
      value: { type: 'sync', subtype: 'step1', stateVector: sv },
    })
    expect(readFrame(encodeSyncStep1(stateVector([])))).toMatchObject({ ok: true })
    expect(readFrame(encodeSyncUpdate(bytes(0, 0)))).toEqual({
      ok: true,
      value: { type: 'sync', subtype: 'update', update: bytes(0, 0) },
    })
    expect(readFrame(bytes(2, 0, 0))).toEqual({ ok: true, value: { type: 'auth' } })
    expect(readFrame(bytes(3))).toEqual({ ok: true, value: { type: 'queryAwareness' } })
  })

  it('tells each presence entry and whether it is a removal', () => {
    const update = awarenessUpdate([
      [1, 1, { user: { name: 'Ada' } }],
      [2, 5, null],
    ])
    const seen: Array<[number, boolean]> = []
    const read = readFrame(encodeAwareness(update), (client, removal) => seen.push([client, removal]))
    expect(read).toEqual({ ok: true, value: { type: 'awareness', update } })
    expect(seen).toEqual([
      [1, false],
      [2, true],
    ])
    expect(readAwarenessEntries(update).map((e) => [e.client, e.clock])).toEqual([
      [1, 1],
      [2, 5],
    ])
  })

  it('refuses wrong types, wrong sub-types and lengths that do not match the frame', () => {
    const problemOf = (frame: Uint8Array) => {
      const read = readFrame(frame)
      return read.ok ? null : read.problem
    }
    expect(problemOf(new Uint8Array())).toBe('EMPTY')
    expect(problemOf(bytes(42))).toBe('UNKNOWN_TYPE')
    expect(problemOf(bytes(0x81, 0x00))).toBe('UNKNOWN_TYPE') // 1, written long
    expect(problemOf(bytes(0))).toBe('UNKNOWN_SYNC_TYPE')
    expect(problemOf(bytes(0, 3, 0))).toBe('UNKNOWN_SYNC_TYPE')
    expect(problemOf(bytes(0, 2, 5, 1, 2))).toBe('BAD_LENGTH')
    expect(problemOf(bytes(0, 2, 2, 0, 0, 9))).toBe('BAD_LENGTH')
    expect(problemOf(bytes(0, 2, 0))).toBe('BAD_UPDATE')
    expect(problemOf(bytes(0, 0, 0))).toBe('BAD_STATE_VECTOR')
    expect(problemOf(bytes(0, 0, 2, 1, 7))).toBe('BAD_STATE_VECTOR')
    expect(problemOf(bytes(1, 4, 1, 7, 1, 9))).toBe('BAD_AWARENESS')
    expect(problemOf(bytes(1, 2, 0, 0))).toBe('BAD_AWARENESS') // an entry count, then junk after it
    expect(problemOf(bytes(3, 0))).toBe('BAD_LENGTH')
    // A length past 2^53 (lib0 refuses it) is a bad length, not an exception.
    expect(problemOf(bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe('BAD_LENGTH')
  })

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (junk) => {
        const read = readFrame(junk, () => {})
        expect(typeof read.ok).toBe('boolean')
      }),
      { numRuns: 5000 },
    )
    // Junk behind a valid type byte and sub-type reaches the deeper readers more often than uniform bytes do.
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom(0, 1, 2),
        fc.uint8Array({ maxLength: 64 }),
        (type, subtype, tail) => {
          const frame = Uint8Array.from([type, ...(type === 0 ? [subtype] : []), ...tail])
          expect(typeof readFrame(frame, () => {}).ok).toBe('boolean')
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('reads back every frame it encodes', () => {
    const varUint = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
    const frames: fc.Arbitrary<Frame> = fc.oneof(
      fc
        .array(fc.tuple(varUint, varUint), { maxLength: 8 })
        .map((pairs): Frame => ({ type: 'sync', subtype: 'step1', stateVector: stateVector(pairs) })),
      fc
        .tuple(
          fc.constantFrom('step2' as const, 'update' as const),
          fc.uint8Array({ minLength: 1, maxLength: 64 }),
        )
        .map(([subtype, update]): Frame => ({ type: 'sync', subtype, update })),
      fc
        .array(fc.tuple(fc.nat(), fc.nat(), fc.jsonValue()), { maxLength: 4 })
        .map((entries): Frame => ({ type: 'awareness', update: awarenessUpdate(entries) })),
      fc.constant<Frame>({ type: 'queryAwareness' }),
      fc.constant<Frame>({ type: 'auth' }),
    )
    fc.assert(
      fc.property(frames, (frame) => {
        expect(readFrame(encodeFrame(frame))).toEqual({ ok: true, value: frame })
      }),
      { numRuns: 2000 },
    )
  })
})

describe('readSyncMessage', () => {
  it('reads the rest of a sync frame from where its type ended', () => {
    expect(readSyncMessage(encodeSyncUpdate(bytes(0, 0)), 1)).toEqual({
      ok: true,
      value: { type: 'sync', subtype: 'update', update: bytes(0, 0) },
    })
    expect(readSyncMessage(bytes(0, 1, 9), 1)).toEqual({ ok: false, problem: 'BAD_LENGTH' })
  })
})
