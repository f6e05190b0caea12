// Rewrites a board snapshot so that every string a person can type is hostile: the board title, the document and
// page names, the workshop details, every free-text card field and note text. Fields the schemas read as keys
// (enums, library keys, references to other cards) keep their value, so the board stays readable card for card
// and the export still has every section to put the hostile text in.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Props that are keys or references, not text; everything else that is a string in a card's props is text. */
const NOT_TEXT = new Set([
  'valueKey',
  'involvement',
  'role',
  'level',
  'kind',
  'part',
  'typeOpgave',
  'schaal',
  'scenario',
  'valueIds',
  // The process spine's cards: enum keys, references and dates (issue #20).
  'source',
  'currentSource',
  'potentialSource',
  'route',
  'lifecycle',
  'form',
  'phase',
  'baathouderId',
  'baathouderIds',
  'direction',
  'regime',
  'instruments',
  'vraag',
  'answer',
  'moment',
  'keuze',
  'item',
  'status',
  'date',
  'targetDate',
  // tldraw's own note styles, which the domain does not read.
  'color',
  'labelColor',
  'size',
  'font',
  'align',
  'verticalAlign',
  'url',
  'textLastEditedBy',
  // rich-text node types ('doc', 'paragraph', 'text'); the `text` leaves are user text.
  'type',
])

export type Poison = (field: string) => string

function poisonValue(value: Json, key: string, type: string, next: Poison): Json {
  if (typeof value === 'string') {
    // A value card's `beleid` is a status key; a part-A frame's `beleid` is text.
    if (NOT_TEXT.has(key) || (key === 'beleid' && type === 'wt-value-card')) return value
    return next(`${type}.${key}`)
  }
  if (Array.isArray(value)) return value.map((v) => poisonValue(v, key, type, next))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisonValue(v, k, type, next)]))
  }
  return value
}

/**
 * The snapshot with every user string replaced by `next(field)`. With `renameIds`, shape and binding ids (which a
 * client chooses) are renamed too, consistently wherever they are referenced.
 */
export function poisonSnapshot(snapshot: unknown, next: Poison, renameIds?: (id: string) => string): unknown {
  let text = JSON.stringify(snapshot)
  if (renameIds) {
    const ids = new Set(text.match(/"(?:shape|binding):[^"\\]+"/g) ?? [])
    for (const quoted of ids) {
      text = text.replaceAll(quoted, JSON.stringify(renameIds(JSON.parse(quoted) as string)))
    }
  }
  const board = JSON.parse(text) as {
    board: { title: string; createdAt?: string }
    records: { typeName: string; type?: string; name?: string; props?: Json }[]
    workshop?: Record<string, Json>
  }
  board.board.title = next('board.title')
  if (board.board.createdAt !== undefined) board.board.createdAt = next('board.createdAt')
  for (const record of board.records) {
    if (record.typeName === 'document' || record.typeName === 'page') record.name = next(record.typeName)
    if (record.typeName === 'shape' && record.props) {
      record.props = poisonValue(record.props, 'props', record.type ?? '', next)
    }
  }
  if (board.workshop) board.workshop = poisonValue(board.workshop, 'workshop', 'workshop', next) as never
  return board
}
