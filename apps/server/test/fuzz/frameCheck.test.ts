import { type AwarenessClientVisitor, readFrame } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { generateFrames } from './frames.ts'
import { fuzzSeeds } from './seeds.ts'

/** The same framing read with lib0, the way the room and y-protocols read it, but to the last byte. */
function framedExactly(bytes: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(bytes)
    const type = decoding.readUint8(d)
    if (type === 0) {
      const subtype = decoding.readVarUint(d)
      if (subtype > 2) return false
      const payload = decoding.readVarUint8Array(d)
      if (decoding.hasContent(d)) return false
      if (subtype !== 0) return payload.length > 0
      const sv = decoding.createDecoder(payload)
      for (let n = decoding.readVarUint(sv); n > 0; n--) {
        decoding.readVarUint(sv)
        decoding.readVarUint(sv)
      }
      return !decoding.hasContent(sv)
    }
    if (type === 1) {
      const payload = decoding.readVarUint8Array(d)
      if (decoding.hasContent(d)) return false
      const a = decoding.createDecoder(payload)
      for (let n = decoding.readVarUint(a); n > 0; n--) {
        decoding.readVarUint(a)
        decoding.readVarUint(a)
        decoding.readVarUint8Array(a) // the JSON state, as a length-prefixed string
      }
      return !decoding.hasContent(a)
    }
    if (type === 2) return true
    if (type === 3) return !decoding.hasContent(d)
    return false
  } catch {
    return false
  }
}

/** The problem the wire module's reader finds with a frame's framing, or null. */
function frameProblem(bytes: Uint8Array, onAwarenessClient?: AwarenessClientVisitor): string | null {
  const read = readFrame(bytes, onAwarenessClient)
  return read.ok ? null : read.problem
}

const message = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

describe('readFrame: the framing check before the room', () => {
  it('passes every frame a y-websocket client sends', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.getMap('records').set('shape:a', 'x')
    doc.getText('t').insert(0, 'héllo ✓')
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Ada', colour: '#f00' } })
    const frames = [
      message((e) => {
        encoding.writeVarUint(e, 0)
        syncProtocol.writeSyncStep1(e, doc)
      }),
      message((e) => {
        encoding.writeVarUint(e, 0)
        syncProtocol.writeSyncStep1(e, new Y.Doc())
      }),
      message((e) => {
        encoding.writeVarUint(e, 0)
        syncProtocol.writeSyncStep2(e, doc)
      }),
      ...updates.map((u) =>
        message((e) => {
          encoding.writeVarUint(e, 0)
          syncProtocol.writeUpdate(e, u)
        }),
      ),
      message((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
      }),
      message((e) => encoding.writeVarUint(e, 3)),
    ]
    for (const f of frames) expect(frameProblem(f)).toBeNull()

    const seen: Array<[number, boolean]> = []
    frameProblem(frames[frames.length - 2]!, (client, removal) => seen.push([client, removal]))
    awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], null)
    const removal = message((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
    })
    expect(frameProblem(removal, (client, isRemoval) => seen.push([client, isRemoval]))).toBeNull()
    expect(seen).toEqual([
      [doc.clientID, false],
      [doc.clientID, true],
    ])
    awareness.destroy()
    doc.destroy()
  })

  it('refuses wrong types, wrong sub-types and lengths that do not match the frame', () => {
    expect(frameProblem(new Uint8Array())).toBe('EMPTY')
    expect(frameProblem(Uint8Array.from([42]))).toBe('UNKNOWN_TYPE')
    expect(frameProblem(Uint8Array.from([0x81, 0x00]))).toBe('UNKNOWN_TYPE') // 1, written long
    expect(frameProblem(Uint8Array.from([0, 3, 0]))).toBe('UNKNOWN_SYNC_TYPE')
    expect(frameProblem(Uint8Array.from([0, 2, 5, 1, 2]))).toBe('BAD_LENGTH')
    expect(frameProblem(Uint8Array.from([0, 2, 2, 0, 0, 9]))).toBe('BAD_LENGTH')
    expect(frameProblem(Uint8Array.from([0, 2, 0]))).toBe('BAD_UPDATE')
    expect(frameProblem(Uint8Array.from([0, 0, 2, 1, 7]))).toBe('BAD_STATE_VECTOR')
    expect(frameProblem(Uint8Array.from([1, 4, 1, 7, 1, 9]))).toBe('BAD_AWARENESS')
    expect(frameProblem(Uint8Array.from([3, 0]))).toBe('BAD_LENGTH')
    expect(frameProblem(Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(
      'BAD_LENGTH',
    )
  })

  it('agrees with an exact lib0 reading on every fuzz frame, and never throws', () => {
    let checked = 0
    for (const seed of fuzzSeeds([101, 202, 303, 404, 505, 606, 707, 808])) {
      for (const f of generateFrames(seed, 12_500, 64 * 1024)) {
        const problem = frameProblem(f.bytes, () => {})
        if ((problem === null) !== framedExactly(f.bytes)) {
          expect.fail(
            `seed ${seed}, ${f.kind} ${Buffer.from(f.bytes.slice(0, 40)).toString('hex')}: ${problem}`,
          )
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100_000)
  }, 60_000)
})
