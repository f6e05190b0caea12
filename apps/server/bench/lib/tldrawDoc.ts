import * as Y from 'yjs'
import { mulberry32 } from './stats.ts'

// Records as packages/tldraw-yjs writes them: doc.getMap('records') of Y.Maps per record, with `props` and
// `meta` as nested Y.Maps and deeper values (richText) as whole JSON values.

const COLORS = ['black', 'blue', 'green', 'yellow', 'red', 'violet', 'orange', 'light-blue']
const WORDS = [
  'groen',
  'water',
  'speelplek',
  'ontmoeting',
  'veilig',
  'gezond',
  'wonen',
  'fiets',
  'rust',
  'buurt',
]

function recordMap(fields: Record<string, unknown>, props: Record<string, unknown>): Y.Map<unknown> {
  const record = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) record.set(k, v)
  const p = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(props)) p.set(k, v)
  record.set('props', p)
  record.set('meta', new Y.Map<unknown>())
  return record
}

/**
 * A distinct, valid tldraw index key per shape: `a` and one integer digit, then a fraction that never ends in `0`
 * (`a${n.toString(36)}` did for every 36th shape, and tldraw's validator refused those shapes in the browser).
 */
export function fractionalIndex(n: number): string {
  return `aV${n.toString(36)}1`
}

export function shapeRecord(id: string, rnd: () => number, index: number): Y.Map<unknown> {
  const text = Array.from(
    { length: 2 + Math.floor(rnd() * 6) },
    () => WORDS[Math.floor(rnd() * WORDS.length)],
  )
  return recordMap(
    {
      id,
      typeName: 'shape',
      type: 'note',
      x: Math.round(rnd() * 8000),
      y: Math.round(rnd() * 6000),
      rotation: 0,
      index: fractionalIndex(index),
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
    },
    {
      color: COLORS[Math.floor(rnd() * COLORS.length)],
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: text.join(' ') }] }],
      },
    },
  )
}

/** Writes `document:document`, `page:page` and `shapes` note records into `doc` (seeded, deterministic). */
export function fillBoard(doc: Y.Doc, shapes: number, seed = 1, idPrefix = 'shape:s'): void {
  const rnd = mulberry32(seed)
  const records = doc.getMap<Y.Map<unknown>>('records')
  doc.transact(() => {
    records.set('document:document', recordMap({ id: 'document:document', typeName: 'document' }, {}))
    records.set(
      'page:page',
      recordMap({ id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1' }, {}),
    )
    for (let i = 0; i < shapes; i++) records.set(`${idPrefix}${i}`, shapeRecord(`${idPrefix}${i}`, rnd, i))
  })
  doc.getMap('schema').set('schemaVersion', 2)
}

export function boardUpdate(shapes: number, seed = 1): Uint8Array {
  const doc = new Y.Doc()
  fillBoard(doc, shapes, seed)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
