import {
  BOARD_SNAPSHOT_FORMAT,
  BOARD_SNAPSHOT_VERSION,
  PRIORITERING_TYPE,
  readBoard,
  VALUE_CARD_TYPE,
} from '@waardentafel/domain'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from '@waardentafel/tldraw-yjs'
import * as Y from 'yjs'

/**
 * The value cards a round covers, read from the board's document. Only what decides that is read — value cards,
 * waarden-prioritering templates and the shapes they hang under — not the whole board (this runs on every save
 * and every poll of the report).
 */
export function roundValueIds(doc: Y.Doc, prioriteringId: string | null): string[] {
  const records = doc.getMap<unknown>(RECORDS_MAP_NAME)
  const parentOf = new Map<string, string>()
  const wanted: string[] = []
  for (const [id, value] of records) {
    if (!(value instanceof Y.Map) || value.get('typeName') !== 'shape') continue
    const parentId = value.get('parentId')
    if (typeof parentId === 'string') parentOf.set(id, parentId)
    const type = value.get('type')
    if (type === VALUE_CARD_TYPE || type === PRIORITERING_TYPE) wanted.push(id)
  }
  const needed = new Set<string>()
  for (const id of wanted) {
    // Up to the page: a card's position on the page needs every shape above it.
    for (let at: string | undefined = id; at !== undefined && !needed.has(at); at = parentOf.get(at)) {
      needed.add(at)
    }
  }
  const subset = [...needed].flatMap((id) => {
    const value = records.get(id)
    return value instanceof Y.Map ? [value.toJSON()] : []
  })
  const sequences = (doc.getMap<unknown>(SCHEMA_MAP_NAME).toJSON() as { sequences?: unknown }).sequences
  const read = readBoard({
    format: BOARD_SNAPSHOT_FORMAT,
    version: BOARD_SNAPSHOT_VERSION,
    board: { id: 'round', title: 'round', createdAt: new Date(0).toISOString() },
    ...(sequences && typeof sequences === 'object' ? { schema: { schemaVersion: 2, sequences } } : {}),
    records: subset,
  })
  const cards = read.ok ? read.board.valueCards : []
  return cards
    .filter((card) => prioriteringId === null || card.templateId === prioriteringId)
    .map((card) => card.id)
}
