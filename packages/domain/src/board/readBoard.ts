import { z } from 'zod'
import type { Finding } from '../findings.ts'
import { baathouderCardShape } from '../shapes/baathouderCardShape.ts'
import { bindingSequenceKey, shapeSequenceKey } from '../shapes/migrations.ts'
import { prioriteringShape } from '../shapes/prioriteringShape.ts'
import { pvwFrameShape } from '../shapes/pvwFrameShape.ts'
import { asProps, type ShapeDefinition } from '../shapes/ShapeDefinition.ts'
import { schillenShape } from '../shapes/schillenShape.ts'
import { NOTE_TYPE, TENSION_LINK_TYPE } from '../shapes/shapeTypes.ts'
import { spanningenShape } from '../shapes/spanningenShape.ts'
import { SPINE_SHAPES } from '../shapes/spineShapes.ts'
import { tensionCardShape } from '../shapes/tensionCardShape.ts'
import { tensionLinkBinding } from '../shapes/tensionLinkBinding.ts'
import { valueCardShape } from '../shapes/valueCardShape.ts'
import type { BoardModel, Placed } from './BoardModel.ts'
import {
  type BoardSnapshot,
  bindingRecordSchema,
  boardSnapshotSchema,
  shapeRecordSchema,
} from './boardSnapshotSchema.ts'
import { applyTransform } from './geometry.ts'
import { createPageTransformResolver } from './pageTransforms.ts'
import { placeCards } from './placeCards.ts'
import { readShapeProps } from './readShapeProps.ts'
import { richTextToPlainText } from './richTextToPlainText.ts'

export type ReadBoardResult =
  | { ok: true; board: BoardModel }
  | {
      ok: false
      error: { code: 'BOARD-SNAPSHOT-INVALID'; message: { nl: string; en: string }; details: string[] }
    }

const DEFINITIONS: ReadonlyMap<string, ShapeDefinition<unknown>> = new Map(
  [
    prioriteringShape,
    valueCardShape,
    schillenShape,
    baathouderCardShape,
    spanningenShape,
    tensionCardShape,
    pvwFrameShape,
    ...SPINE_SHAPES,
  ].map((d) => [d.type, d as ShapeDefinition<unknown>]),
)

// tldraw 5's own shape types. They are read only as ancestors of cards (rule S4), so skipping them says nothing;
// any other type (a `wt-` type of a newer version, a plug-in's shape) is content we cannot read, and is named.
const TLDRAW_SHAPE_TYPES: ReadonlySet<string> = new Set([
  'arrow',
  'bookmark',
  'draw',
  'embed',
  'frame',
  'geo',
  'group',
  'highlight',
  'image',
  'line',
  'note',
  'text',
  'video',
])

// tldraw's note is 200×200 at scale 1 and grows downwards by growY.
const NOTE_SIZE = 200
const noteGeometrySchema = z.looseObject({
  scale: z.number().positive().catch(1),
  growY: z.number().nonnegative().catch(0),
})

type Size = { w: number; h: number }

function sizeOf(type: string, props: Record<string, unknown>): Size {
  if (type === NOTE_TYPE) {
    const parsed = noteGeometrySchema.safeParse(props)
    const { scale, growY } = parsed.success ? parsed.data : { scale: 1, growY: 0 }
    return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + growY) * scale }
  }
  const w = typeof props.w === 'number' ? props.w : 0
  return { w, h: typeof props.h === 'number' ? props.h : w }
}

/** Reads and validates a board snapshot. Only a snapshot that is not a board at all fails; bad cards are issues. */
export function readBoard(input: unknown): ReadBoardResult {
  const snapshot = boardSnapshotSchema.safeParse(input)
  if (!snapshot.success) {
    return {
      ok: false,
      error: {
        code: 'BOARD-SNAPSHOT-INVALID',
        message: {
          nl: 'Dit is geen geldig Waardentafel-bord.',
          en: 'This is not a valid Waardentafel board.',
        },
        details: snapshot.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      },
    }
  }
  return { ok: true, board: buildModel(snapshot.data) }
}

function buildModel(snapshot: BoardSnapshot): BoardModel {
  const issues: Finding[] = []
  const sequences = snapshot.schema?.sequences ?? {}
  const shapes = new Map<string, z.infer<typeof shapeRecordSchema>>()
  const bindings: z.infer<typeof bindingRecordSchema>[] = []

  for (const raw of snapshot.records) {
    const typeName = (raw as { typeName?: unknown } | null)?.typeName
    const type = (raw as { type?: unknown } | null)?.type
    const ours = typeof type === 'string' && (type.startsWith('wt-') || type === NOTE_TYPE)
    if (typeName === 'shape') {
      const parsed = shapeRecordSchema.safeParse(raw)
      if (parsed.success) shapes.set(parsed.data.id, parsed.data)
      else if (ours) issues.push(invalidRecord(raw, parsed.error.issues[0]?.message ?? ''))
    } else if (typeName === 'binding' && type === TENSION_LINK_TYPE) {
      const parsed = bindingRecordSchema.safeParse(raw)
      if (parsed.success) bindings.push(parsed.data)
      else issues.push(invalidRecord(raw, parsed.error.issues[0]?.message ?? ''))
    }
  }

  const resolve = createPageTransformResolver(shapes)
  const placed = new Map<string, Placed & { type: string; props: unknown }>()
  for (const record of shapes.values()) {
    const def = DEFINITIONS.get(record.type)
    if (!def && record.type !== NOTE_TYPE) {
      if (!TLDRAW_SHAPE_TYPES.has(record.type)) issues.push(unknownShape(record.id, record.type))
      continue
    }
    let props: unknown
    if (def) {
      const version = sequences[shapeSequenceKey(record.type)] ?? def.version
      const read = readShapeProps(def, record.id, record.props, version)
      issues.push(...read.findings)
      if (read.props === null) continue
      props = read.props
    } else {
      props = { text: richTextToPlainText((record.props as { richText?: unknown } | null)?.richText) }
    }
    const position = resolve(record.id)
    if (!position) {
      issues.push({
        code: 'BOARD-SHAPE-ORPHAN',
        severity: 'warning',
        message: {
          nl: `${record.type} ${record.id} hangt aan een ontbrekende ouder; de positie telt niet mee.`,
          en: `${record.type} ${record.id} has a missing parent; its position is ignored.`,
        },
        cardIds: [record.id],
      })
      continue
    }
    const size = sizeOf(record.type, asProps(record.props))
    placed.set(record.id, {
      type: record.type,
      props,
      id: record.id,
      pageId: position.pageId,
      transform: position.transform,
      ancestors: position.ancestors,
      zPath: position.zPath,
      centre: applyTransform(position.transform, { x: size.w / 2, y: size.h / 2 }),
    })
  }

  const linkVersion = sequences[bindingSequenceKey(TENSION_LINK_TYPE)] ?? tensionLinkBinding.version
  const links = bindings.filter((b) => {
    const read = readShapeProps(tensionLinkBinding, b.id, b.props, linkVersion)
    issues.push(...read.findings.filter((f) => f.code !== 'BOARD-CARD-MIGRATED'))
    return read.props !== null
  })

  const model = placeCards(placed, links, issues)
  return {
    id: snapshot.board.id,
    title: snapshot.board.title,
    createdAt: snapshot.board.createdAt ?? null,
    workshop: snapshot.workshop ?? null,
    ...model,
  }
}

function unknownShape(id: string, type: string): Finding {
  return {
    code: 'BOARD-SHAPE-UNKNOWN',
    severity: 'warning',
    message: {
      nl: `Vorm ${id} is van een onbekend soort (${type}) en telt niet mee.`,
      en: `Shape ${id} is of an unknown type (${type}) and is not read.`,
    },
    cardIds: [id],
  }
}

function invalidRecord(raw: unknown, reason: string): Finding {
  const id = String((raw as { id?: unknown } | null)?.id ?? '(zonder id)')
  return {
    code: 'BOARD-RECORD-INVALID',
    severity: 'error',
    message: {
      nl: `Record ${id} is ongeldig en wordt overgeslagen (${reason}).`,
      en: `Record ${id} is invalid and skipped (${reason}).`,
    },
    cardIds: [id],
  }
}
