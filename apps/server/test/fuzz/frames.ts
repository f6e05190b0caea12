import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** Seeded PRNG (mulberry32): the same seed gives the same frames in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type FrameKind =
  | 'truncated'
  | 'badVarint'
  | 'wrongType'
  | 'wrongSyncType'
  | 'oversize'
  | 'awareness'
  | 'missingDeps'
  | 'flippedUpdate'
  | 'garbageStep1'
  | 'hugeLength'
  | 'random'
  | 'validUpdate'
  | 'flippedAwareness'

export type Frame = { kind: FrameKind; bytes: Uint8Array }

const frame = (...parts: Array<(e: encoding.Encoder) => void>) => {
  const e = encoding.createEncoder()
  for (const p of parts) p(e)
  return encoding.toUint8Array(e)
}
const updateFrame = (update: Uint8Array, subtype = 2) =>
  frame(
    (e) => encoding.writeVarUint(e, 0),
    (e) => encoding.writeVarUint(e, subtype),
    (e) => encoding.writeVarUint8Array(e, update),
  )
const awarenessFrame = (update: Uint8Array) =>
  frame(
    (e) => encoding.writeVarUint(e, 1),
    (e) => encoding.writeVarUint8Array(e, update),
  )

/** Material for one seed: real tldraw-like updates (in order, so some can be sent without their deps). */
function material(rnd: () => number, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = 1 + Math.floor(rnd() * 2 ** 30)
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const records = doc.getMap<Y.Map<unknown>>('records')
  for (let i = 0; i < count; i++) {
    const id = `shape:f${Math.floor(rnd() * 8)}`
    let shape = records.get(id)
    if (!shape || rnd() < 0.1) {
      shape = new Y.Map<unknown>()
      const props = new Y.Map<unknown>()
      props.set('text', `fuzz ${i}`)
      shape.set('props', props)
      shape.set('meta', new Y.Map<unknown>())
      records.set(id, shape)
    } else if (rnd() < 0.2) records.delete(id)
    else shape.set('x', Math.floor(rnd() * 1000))
    if (rnd() < 0.2) doc.getText('t').insert(0, 'abc'.slice(0, 1 + Math.floor(rnd() * 3)))
  }
  doc.destroy()
  return updates
}

function randomBytes(rnd: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n)
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256)
  return b
}

function flip(rnd: () => number, bytes: Uint8Array, skip: number): Uint8Array {
  const out = bytes.slice()
  const flips = 1 + Math.floor(rnd() * 3)
  for (let i = 0; i < flips && out.length > skip; i++) {
    const at = skip + Math.floor(rnd() * (out.length - skip))
    out[at] = out[at]! ^ (1 << Math.floor(rnd() * 8))
  }
  return out
}

/**
 * `count` frames for `seed`: mostly malformed or hostile, some valid updates (with and without their
 * dependencies) and valid awareness. `maxMessageBytes` sizes the oversize frames.
 */
export function generateFrames(seed: number, count: number, maxMessageBytes: number): Frame[] {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
  const updates = material(rnd, 60)
  const frames: Frame[] = []
  const generators: Array<[FrameKind, number, () => Uint8Array]> = [
    [
      'truncated',
      10,
      () => {
        const f = updateFrame(pick(updates))
        return f.slice(0, Math.floor(rnd() * (f.length - 1)))
      },
    ],
    [
      'badVarint',
      6,
      () => {
        const prefix = rnd() < 0.5 ? [] : [pick([0, 1, 3])]
        return Uint8Array.from([
          ...prefix,
          ...new Array(6 + Math.floor(rnd() * 8)).fill(0xff),
          ...randomBytes(rnd, 3),
        ])
      },
    ],
    [
      'wrongType',
      6,
      () =>
        frame(
          (e) => encoding.writeVarUint(e, 4 + Math.floor(rnd() * 5000)),
          (e) => encoding.writeUint8Array(e, randomBytes(rnd, Math.floor(rnd() * 16))),
        ),
    ],
    [
      'wrongSyncType',
      6,
      () =>
        frame(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, 3 + Math.floor(rnd() * 300)),
          (e) => encoding.writeUint8Array(e, randomBytes(rnd, Math.floor(rnd() * 16))),
        ),
    ],
    [
      'oversize',
      0.3,
      () => {
        const big = randomBytes(rnd, maxMessageBytes + 1 + Math.floor(rnd() * maxMessageBytes * 1.5))
        big[0] = pick([0, 1, 9])
        return big
      },
    ],
    [
      'awareness',
      14,
      () => {
        // A valid awareness update for a fresh client id: each adds a state that every peer receives.
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, 1 + Math.floor(rnd() * 2 ** 30))
        encoding.writeVarUint(e, 1 + Math.floor(rnd() * 10))
        encoding.writeVarString(e, JSON.stringify({ user: { name: `flood ${Math.floor(rnd() * 1e6)}` } }))
        return awarenessFrame(encoding.toUint8Array(e))
      },
    ],
    [
      'flippedAwareness',
      4,
      () => {
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, 1 + Math.floor(rnd() * 1000))
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, JSON.stringify({ user: { name: 'x' } }))
        return flip(rnd, awarenessFrame(encoding.toUint8Array(e)), 1)
      },
    ],
    ['missingDeps', 5, () => updateFrame(updates[1 + Math.floor(rnd() * (updates.length - 1))]!)],
    ['flippedUpdate', 20, () => flip(rnd, updateFrame(pick(updates), pick([1, 2])), 2)],
    ['garbageStep1', 8, () => updateFrame(randomBytes(rnd, Math.floor(rnd() * 40)), 0)],
    [
      'hugeLength',
      6,
      () =>
        frame(
          (e) => encoding.writeVarUint(e, pick([0, 1])),
          (e) => encoding.writeVarUint(e, pick([0, 1, 2])),
          (e) => encoding.writeVarUint(e, 2 ** (20 + Math.floor(rnd() * 33))),
          (e) => encoding.writeUint8Array(e, randomBytes(rnd, Math.floor(rnd() * 8))),
        ),
    ],
    ['random', 10, () => randomBytes(rnd, Math.floor(rnd() * 48))],
    ['validUpdate', 4, () => updateFrame(updates[0]!, pick([1, 2]))],
  ]
  const total = generators.reduce((n, g) => n + g[1], 0)
  for (let i = 0; i < count; i++) {
    const r = rnd() * total
    let acc = 0
    const [kind, , make] =
      generators.find((g) => {
        acc += g[1]
        return r < acc
      }) ?? generators[0]!
    frames.push({ kind, bytes: make() })
  }
  return frames
}

/**
 * Whether a frame is a document update the protocol accepts (sync step 2 or update whose payload decodes):
 * only such frames may change a stored board. Everything else must leave storage untouched.
 */
export function touchesDoc(bytes: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(bytes)
    if (decoding.readVarUint(d) !== 0) return false
    const subtype = decoding.readVarUint(d)
    if (subtype !== 1 && subtype !== 2) return false
    Y.decodeUpdate(decoding.readVarUint8Array(d))
    return true
  } catch {
    return false
  }
}

export const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex')
export const fromHex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'))
