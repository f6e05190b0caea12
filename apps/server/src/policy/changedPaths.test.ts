import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { forgedItem, forgeUpdate } from '../../test/support/forge.ts'
import { changedPaths } from './changedPaths.ts'

/** A server doc and a client doc in sync; returns the client's next update and the server doc. */
function setup() {
  const server = new Y.Doc()
  const client = new Y.Doc()
  const records = client.getMap<Y.Map<unknown>>('records')
  client.transact(() => {
    const shape = new Y.Map<unknown>()
    records.set('shape:a', shape)
    shape.set('type', 'wt-prioritering')
    shape.set('x', 0)
    const props = new Y.Map<unknown>()
    shape.set('props', props)
    props.set('w', 100)
    props.set('title', 'Waarden')
  })
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
  const next = (fn: () => void) => {
    const before = Y.encodeStateVector(client)
    fn()
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, records, next }
}

const sorted = (paths: string[][]) => paths.map((p) => p.join('/')).sort()

describe('changedPaths', () => {
  it('reports the map keys an update writes, at any depth', () => {
    const { server, records, next } = setup()
    const update = next(() => {
      records.get('shape:a')!.set('x', 50)
      ;(records.get('shape:a')!.get('props') as Y.Map<unknown>).set('w', 300)
    })
    expect(sorted(changedPaths(server, update).paths)).toEqual([
      'records/shape:a/props/w',
      'records/shape:a/x',
    ])
  })

  it('reports a whole record deleted or created', () => {
    const { server, client, records, next } = setup()
    const del = next(() => records.delete('shape:a'))
    expect(sorted(changedPaths(server, del).paths)).toContain('records/shape:a')
    const created = next(() => {
      const m = new Y.Map<unknown>()
      records.set('shape:b', m)
      m.set('x', 1)
    })
    const paths = sorted(changedPaths(server, created).paths)
    expect(paths).toContain('records/shape:b')
    expect(paths).toContain('records/shape:b/x')
    client.destroy()
  })

  it('reports other root types by name', () => {
    const { server, client, next } = setup()
    const update = next(() => client.getMap('facilitation').set('timer', { state: 'running' }))
    expect(sorted(changedPaths(server, update).paths)).toEqual(['facilitation/timer'])
  })

  it('resolves items inserted next to siblings (array elements, text)', () => {
    const { server, client, next } = setup()
    const first = next(() => client.getArray('list').push(['a']))
    Y.applyUpdate(server, first)
    const second = next(() => client.getArray('list').push(['b']))
    expect(sorted(changedPaths(server, second).paths)).toEqual(['list'])
  })

  it('says unresolved when an update builds on something the doc lacks', () => {
    const { client, records, next } = setup()
    const empty = new Y.Doc()
    const update = next(() => records.get('shape:a')!.set('x', 9))
    const result = changedPaths(empty, update)
    expect(result.unresolved).toBe(true)
    client.destroy()
  })
})

/** A facilitator's board: a scratch record deleted again (its fields become garbage), then a template. */
function boardWithGarbage() {
  const server = new Y.Doc()
  const facilitator = new Y.Doc()
  facilitator.clientID = 1
  const records = facilitator.getMap<Y.Map<unknown>>('records')
  facilitator.transact(() => {
    const scratch = new Y.Map<unknown>()
    records.set('shape:scratch', scratch)
    for (let i = 0; i < 5; i++) scratch.set(`f${i}`, i)
  })
  facilitator.transact(() => records.delete('shape:scratch'))
  facilitator.transact(() => {
    const template = new Y.Map<unknown>()
    records.set('shape:template', template)
    template.set('type', 'wt-prioritering')
    template.set('x', 0)
  })
  Y.applyUpdate(server, Y.encodeStateAsUpdate(facilitator))
  return { server, facilitator }
}

describe('changedPaths, judging only what an update changes', () => {
  it('[W2] a delete range starting at garbage still reports the live items after it', () => {
    const { server } = boardWithGarbage()
    const structs = server.store.clients.get(1) ?? []
    expect(structs.some((s) => s instanceof Y.GC)).toBe(true)
    const firstGarbage = structs.find((s) => s instanceof Y.GC)!
    const update = forgeUpdate([], [[1, firstGarbage.id.clock, Y.getState(server.store, 1)]])
    expect(sorted(changedPaths(server, update).paths)).toContain('records/shape:template')
  })

  it('[W1] deleting what is already deleted or garbage changes nothing and is not reported', () => {
    const { server, facilitator } = boardWithGarbage()
    // A client's sync step 2 repeats the whole delete set it knows.
    const stepTwo = Y.encodeStateAsUpdate(facilitator, Y.encodeStateVector(server))
    expect(changedPaths(server, stepTwo)).toEqual({ paths: [], unresolved: false })
    const wholeDeleteSet = forgeUpdate([], [[1, 0, 6]]) // the scratch record and its five fields
    expect(changedPaths(server, wholeDeleteSet)).toEqual({ paths: [], unresolved: false })
  })

  it('[W2] a deletion of clocks the server has not seen cannot be judged (Yjs would keep it pending)', () => {
    const { server } = boardWithGarbage()
    const ahead = Y.getState(server.store, 1)
    expect(changedPaths(server, forgeUpdate([], [[1, ahead, 5]])).unresolved).toBe(true)
    expect(changedPaths(server, forgeUpdate([], [[777, 0, 1]])).unresolved).toBe(true)
  })

  it('[W2] a forged copy of a known id does not decide where its neighbour lands', () => {
    const { server } = boardWithGarbage()
    const template = server.getMap<Y.Map<unknown>>('records').get('shape:template')!
    const xItem = template._map.get('x')!
    // The forger claims the template's `x` item lives in a root of its own and appends after it.
    const decoy = forgedItem(xItem.id, { parent: 'scratch', parentSub: 'k' }, new Y.ContentAny([1]))
    const after = forgedItem(
      Y.createID(xItem.id.client, Y.getState(server.store, xItem.id.client)),
      { origin: xItem.id },
      new Y.ContentAny([999]),
    )
    const update = forgeUpdate([decoy, after])
    expect(sorted(changedPaths(server, update).paths)).toEqual(['records/shape:template/x'])
  })

  it('[W2] an item next to garbage writes nothing; one pointing at its own future is unresolved', () => {
    const { server } = boardWithGarbage()
    const garbage = (server.store.clients.get(1) ?? []).find((s) => s instanceof Y.GC)!
    const nextToGarbage = forgedItem(Y.createID(5, 0), { origin: garbage.id }, new Y.ContentAny([1]))
    expect(changedPaths(server, forgeUpdate([nextToGarbage]))).toEqual({ paths: [], unresolved: false })
    const forward = forgedItem(Y.createID(5, 0), { origin: Y.createID(5, 3) }, new Y.ContentAny([1]))
    expect(changedPaths(server, forgeUpdate([forward])).unresolved).toBe(true)
  })
})

describe('changedPaths over long runs', () => {
  it('[W1] resolves an array push that builds on a run of 500 pushes still queued one by one', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 501; i++) client.getArray('log').push([`p${i}`])
    const last = updates.pop()!
    expect(changedPaths(server, last, updates)).toEqual({ paths: [['log']], unresolved: false })
  })

  it('[W2] forged neighbours pointing at each other are unresolved, not a loop', () => {
    const a = forgedItem(Y.createID(10, 0), { origin: Y.createID(11, 0) }, new Y.ContentAny([1]))
    const b = forgedItem(Y.createID(11, 0), { origin: Y.createID(10, 0) }, new Y.ContentAny([2]))
    expect(changedPaths(new Y.Doc(), forgeUpdate([a, b])).unresolved).toBe(true)
  })
})
