import { CloseCodes, FACILITATION_MAP } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NO_RESTRICTIONS } from '../policy/updatePolicy.ts'
import { type AdmissionContext, admitUpdate, refusalCode } from './admitUpdate.ts'

function context(doc: Y.Doc, overrides: Partial<AdmissionContext> = {}): AdmissionContext {
  return {
    doc,
    limits: { maxUpdateStructs: 100, maxUpdateDeleteRanges: 100 },
    pending: { inflight: [], queued: [] },
    restrictions: () => NO_RESTRICTIONS,
    overBudget: () => false,
    ...overrides,
  }
}

/** What `client` changes, as the update it sends. */
function edit(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, before)
}

describe('admitUpdate (what becomes of a writer’s update)', () => {
  it('stores a change; drops an empty update and one the server has already', () => {
    const server = new Y.Doc()
    const update = edit(new Y.Doc(), (d) => d.getMap('records').set('a', 1))
    expect(admitUpdate('participant', update, context(server))).toBe('STORE')
    expect(admitUpdate('participant', Uint8Array.of(0, 0), context(server))).toBe('DROP')
    Y.applyUpdate(server, update)
    expect(admitUpdate('participant', update, context(server))).toBe('DROP')
  })

  it('says what a gap update builds on: its own earlier change, or someone else’s — unless that is queued', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const first = edit(client, (d) => d.getArray('log').push(['1']))
    const second = edit(client, (d) => d.getArray('log').push(['2']))
    expect(admitUpdate('participant', second, context(server))).toBe('GAP_OWN')
    const other = new Y.Doc()
    Y.applyUpdate(other, first)
    const besides = edit(other, (d) => d.getArray('log').insert(1, ['x']))
    expect(admitUpdate('participant', besides, context(server))).toBe('GAP_OTHERS')
    const queued = { inflight: [], queued: [{ update: first }] }
    expect(admitUpdate('participant', besides, context(server, { pending: queued }))).toBe('STORE')
  })

  it('refuses with a code: too many structs (4413, before decoding), server-only state (4409), over budget (4413)', () => {
    const server = new Y.Doc()
    const many = edit(new Y.Doc(), (d) => {
      for (let i = 0; i < 150; i++) d.getMap('records').set(`k${i}`, i)
    })
    expect(admitUpdate('participant', many, context(server))).toBe('TOO_MANY_STRUCTS')
    const serverOnly = edit(new Y.Doc(), (d) => d.getMap(FACILITATION_MAP).set('lock', { structure: true }))
    const refusal = admitUpdate('facilitator', serverOnly, context(server))
    expect(refusal).toBe('SERVER_ONLY_STATE')
    expect(refusalCode('SERVER_ONLY_STATE')).toBe(CloseCodes.REFUSED_CHANGE.code)
    const growth = edit(new Y.Doc(), (d) => d.getMap('records').set('b', 'x'.repeat(100)))
    expect(admitUpdate('participant', growth, context(server, { overBudget: () => true }))).toBe('BOARD_FULL')
    expect(refusalCode('BOARD_FULL')).toBe(CloseCodes.MESSAGE_TOO_LARGE.code)
  })

  it('throws on bytes that do not decode (the room closes the connection, 4400)', () => {
    expect(() => admitUpdate('participant', Uint8Array.of(1, 5, 200, 1), context(new Y.Doc()))).toThrow()
  })
})
