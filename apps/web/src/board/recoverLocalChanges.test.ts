import { FACILITATION_MAP } from '@waardentafel/protocol'
import { writeDocRecords } from '@waardentafel/tldraw-yjs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recoverLocalChanges } from './recoverLocalChanges.ts'

const note = (id: string, x: number, text = '') => ({
  id,
  typeName: 'shape',
  type: 'note',
  x,
  y: 0,
  parentId: 'page:page',
  props: { text },
})
const card = (id: string, x: number, name: string, explanation = '') => ({
  id,
  typeName: 'shape',
  type: 'wt-value-card',
  x,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'shape:prio',
  props: { w: 200, h: 80, name, valueKey: 'custom', explanation },
})

const propsOf = (doc: Y.Doc, id: string) =>
  (doc.getMap<Y.Map<unknown>>('records').get(id) as Y.Map<unknown>).get('props') as Y.Map<unknown>

/** A server doc and a device that synced with it, then changed things offline. */
function setUp(records: Record<string, unknown>[]) {
  const server = new Y.Doc()
  writeDocRecords(server, { records, schema: null })
  const device = new Y.Doc()
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
  return { server, device }
}

describe('recoverLocalChanges', () => {
  it('keeps unsynced changes, merged with what others changed meanwhile, and drops oversized records', () => {
    const { server, device } = setUp([note('shape:a', 0, 'a'), note('shape:b', 0, 'b')])
    // Offline on the device: a new note, a moved note, a deleted note, and a picture far over the limit.
    writeDocRecords(device, { records: [note('shape:new', 5, 'nieuw')], schema: null })
    device.getMap<Y.Map<unknown>>('records').get('shape:a')?.set('x', 300)
    device.getMap('records').delete('shape:b')
    const huge = {
      id: 'asset:big',
      typeName: 'asset',
      type: 'image',
      props: { src: 'x'.repeat(900_000), name: 'foto.png' },
    }
    const shape = { ...note('shape:img', 0), type: 'image', props: { assetId: 'asset:big' } }
    writeDocRecords(device, { records: [huge, shape], schema: null })
    // Meanwhile on the server: someone else edited note a's text.
    propsOf(server, 'shape:a').set('text', 'van een ander')

    const recovery = recoverLocalChanges(server, Y.encodeStateAsUpdate(device), 'participant')
    const put = new Map(recovery.put.map((r) => [r.id, r]))
    expect([...put.keys()].sort()).toEqual(['shape:a', 'shape:new'])
    expect(put.get('shape:a')).toMatchObject({ x: 300, props: { text: 'van een ander' } })
    expect(recovery.remove).toEqual(['shape:b'])
    expect(recovery.dropped.map((d) => [d.id, d.why, d.kind])).toEqual([
      ['asset:big', 'TOO_LARGE', 'image'],
      ['shape:img', 'MISSING_ASSET', 'image'],
    ])
  })

  it('under the value-card lock, keeps a card annotation but not its move, rename or deletion', () => {
    const { server, device } = setUp([card('shape:v1', 10, 'Gezondheid'), card('shape:v2', 10, 'Water')])
    const records = device.getMap<Y.Map<unknown>>('records')
    records.get('shape:v1')?.set('x', 999)
    propsOf(device, 'shape:v1').set('explanation', 'want')
    records.delete('shape:v2')
    server.getMap(FACILITATION_MAP).set('lock', { structure: false, valueCards: true })

    const participant = recoverLocalChanges(server, Y.encodeStateAsUpdate(device), 'participant')
    expect(participant.put).toHaveLength(1)
    expect(participant.put[0]).toMatchObject({ x: 10, props: { explanation: 'want', name: 'Gezondheid' } })
    expect(participant.remove).toEqual([])
    expect(participant.dropped.map((d) => [d.id, d.why])).toEqual([
      ['shape:v1', 'VALUE_CARDS_LOCKED'],
      ['shape:v2', 'VALUE_CARDS_LOCKED'],
    ])
    // The facilitator may move and delete locked cards.
    const facilitator = recoverLocalChanges(server, Y.encodeStateAsUpdate(device), 'facilitator')
    expect(facilitator.put[0]).toMatchObject({ x: 999 })
    expect(facilitator.remove).toEqual(['shape:v2'])
  })

  it('nothing unsynced: nothing to do', () => {
    const { server, device } = setUp([note('shape:a', 0)])
    expect(recoverLocalChanges(server, Y.encodeStateAsUpdate(device), 'participant')).toEqual({
      put: [],
      remove: [],
      dropped: [],
    })
  })
})
