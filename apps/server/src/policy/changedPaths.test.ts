import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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
