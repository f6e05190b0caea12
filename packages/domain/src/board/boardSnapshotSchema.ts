import { z } from 'zod'

// The stored/exported board format. Records are tldraw store records as plain JSON; they stay `unknown` here
// and each one is validated on its own later, so one bad card can never make the whole board unreadable.

export const BOARD_SNAPSHOT_FORMAT = 'waardentafel.board'
export const BOARD_SNAPSHOT_VERSION = 1

export const workshopSchema = z.looseObject({
  gemeente: z.string().optional(),
  gebied: z.string().optional(),
  procesbegeleider: z.string().optional(),
  datum: z.string().optional(),
  deelnemers: z.array(z.string()).optional(),
})

// The envelope and its `board` keep keys they do not know (z.looseObject): an import validates a snapshot with this
// schema, and a field added by a newer exporter must survive export → import → export, not be stripped here.
export const boardSnapshotSchema = z.looseObject({
  format: z.literal(BOARD_SNAPSHOT_FORMAT),
  version: z.literal(BOARD_SNAPSHOT_VERSION),
  board: z.looseObject({
    id: z.string().min(1),
    title: z.string(),
    createdAt: z.string().optional(),
  }),
  /** tldraw's serialized store schema; only `sequences` is read, to know each shape's props version. */
  schema: z.looseObject({ sequences: z.record(z.string(), z.number().int().nonnegative()) }).optional(),
  records: z.array(z.unknown()),
  workshop: workshopSchema.optional(),
})

export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>
export type Workshop = z.infer<typeof workshopSchema>

/** The parts of a shape record every shape needs for geometry; props are validated per type afterwards. */
export const shapeRecordSchema = z.object({
  id: z.string().startsWith('shape:'),
  typeName: z.literal('shape'),
  type: z.string(),
  x: z.number(),
  y: z.number(),
  rotation: z.number().default(0),
  index: z.string().default('a1'),
  parentId: z.string(),
  props: z.unknown(),
})

export type ShapeRecord = z.infer<typeof shapeRecordSchema>

export const bindingRecordSchema = z.object({
  id: z.string().startsWith('binding:'),
  typeName: z.literal('binding'),
  type: z.string(),
  fromId: z.string(),
  toId: z.string(),
  props: z.unknown(),
})
