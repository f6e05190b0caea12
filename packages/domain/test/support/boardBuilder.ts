import { BOARD_SNAPSHOT_FORMAT, BOARD_SNAPSHOT_VERSION } from '../../src/board/boardSnapshotSchema.ts'
import { plainTextToRichText } from '../../src/board/richTextToPlainText.ts'
import { bindingSequenceKey, shapeSequenceKey } from '../../src/shapes/migrations.ts'
import {
  BAATHOUDER_CARD_TYPE,
  PRIORITERING_TYPE,
  PVW_FRAME_TYPE,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  TENSION_CARD_TYPE,
  TENSION_LINK_TYPE,
  VALUE_CARD_TYPE,
} from '../../src/shapes/shapeTypes.ts'

// Builds tldraw-shaped board snapshots for fixtures, tests and the benchmark, so none of them hand-writes
// record boilerplate (typeName, index, opacity, meta, ...).

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** tldraw fractional index for the n-th sibling: 'a1'…'az', then 'b10'…, so string order = creation order. */
export function indexKey(n: number): string {
  if (n < 61) return `a${DIGITS[n + 1]}`
  const m = n - 61
  if (m < 62 * 62) return `b${DIGITS[Math.floor(m / 62)]}${DIGITS[m % 62]}`
  const k = m - 62 * 62
  return `c${DIGITS[Math.floor(k / 3844) % 62]}${DIGITS[Math.floor(k / 62) % 62]}${DIGITS[k % 62]}`
}

export type ShapeInput = {
  id: string
  x: number
  y: number
  rotation?: number
  parentId?: string
  props: Record<string, unknown>
}

export const PAGE_ID = 'page:main'

export function createBoardBuilder(id: string, title: string) {
  const records: Record<string, unknown>[] = [
    { id: 'document:document', typeName: 'document', gridSize: 10, name: title, meta: {} },
    { id: PAGE_ID, typeName: 'page', name: 'Bord', index: 'a1', meta: {} },
  ]
  const siblings = new Map<string, number>()

  function shape(type: string, input: ShapeInput): string {
    const parentId = input.parentId ?? PAGE_ID
    const n = siblings.get(parentId) ?? 0
    siblings.set(parentId, n + 1)
    const fullId = input.id.startsWith('shape:') ? input.id : `shape:${input.id}`
    records.push({
      id: fullId,
      typeName: 'shape',
      type,
      x: input.x,
      y: input.y,
      rotation: input.rotation ?? 0,
      index: indexKey(n),
      parentId:
        parentId.startsWith('page:') || parentId.startsWith('shape:') ? parentId : `shape:${parentId}`,
      isLocked: false,
      opacity: 1,
      props: input.props,
      meta: {},
    })
    return fullId
  }

  return {
    prioritering: (input: ShapeInput) => shape(PRIORITERING_TYPE, input),
    valueCard: (input: ShapeInput) => shape(VALUE_CARD_TYPE, input),
    schillen: (input: ShapeInput) => shape(SCHILLEN_TYPE, input),
    baathouder: (input: ShapeInput) => shape(BAATHOUDER_CARD_TYPE, input),
    spanningen: (input: ShapeInput) => shape(SPANNINGEN_TYPE, input),
    tension: (input: ShapeInput) => shape(TENSION_CARD_TYPE, input),
    frame: (input: ShapeInput) => shape(PVW_FRAME_TYPE, input),
    shape,
    note(input: Omit<ShapeInput, 'props'> & { text: string }) {
      const { text, ...rest } = input
      return shape('note', {
        ...rest,
        props: {
          color: 'yellow',
          labelColor: 'black',
          size: 'm',
          font: 'draw',
          fontSizeAdjustment: 0,
          align: 'middle',
          verticalAlign: 'middle',
          growY: 0,
          url: '',
          richText: plainTextToRichText(text),
          scale: 1,
          textLastEditedBy: null,
        },
      })
    },
    link(id: string, fromId: string, toId: string) {
      records.push({
        id: id.startsWith('binding:') ? id : `binding:${id}`,
        typeName: 'binding',
        type: TENSION_LINK_TYPE,
        fromId,
        toId,
        props: {},
        meta: {},
      })
    },
    snapshot(extra: { createdAt?: string; workshop?: Record<string, unknown> } = {}) {
      const sequences: Record<string, number> = { 'com.tldraw.shape.note': 13 }
      for (const type of [
        PRIORITERING_TYPE,
        VALUE_CARD_TYPE,
        SCHILLEN_TYPE,
        BAATHOUDER_CARD_TYPE,
        SPANNINGEN_TYPE,
      ]) {
        sequences[shapeSequenceKey(type)] = 1
      }
      sequences[shapeSequenceKey(TENSION_CARD_TYPE)] = 1
      sequences[shapeSequenceKey(PVW_FRAME_TYPE)] = 1
      sequences[bindingSequenceKey(TENSION_LINK_TYPE)] = 1
      return {
        format: BOARD_SNAPSHOT_FORMAT,
        version: BOARD_SNAPSHOT_VERSION,
        board: { id, title, ...(extra.createdAt ? { createdAt: extra.createdAt } : {}) },
        schema: { schemaVersion: 2, sequences },
        records: JSON.parse(JSON.stringify(records)) as unknown[],
        ...(extra.workshop ? { workshop: extra.workshop } : {}),
      }
    },
  }
}

export type BoardBuilder = ReturnType<typeof createBoardBuilder>
