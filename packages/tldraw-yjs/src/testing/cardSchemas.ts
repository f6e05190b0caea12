import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  createTLSchema,
  defaultShapeSchemas,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
} from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { DEFAULT_PAGE_ID } from '../ensureBoardInitialised.ts'

const cardVersions = createShapePropsMigrationIds('card', { RenameTitleToLabel: 1 })

/** App version 1: a custom 'card' shape with a `title` prop and an empty migration sequence. */
export const cardSchemaV1 = createTLSchema({
  shapes: {
    ...defaultShapeSchemas,
    card: { props: { title: T.string }, migrations: createShapePropsMigrationSequence({ sequence: [] }) },
  },
})

/** App version 2: the card's `title` prop was renamed to `label`. */
export const cardSchemaV2 = createTLSchema({
  shapes: {
    ...defaultShapeSchemas,
    card: {
      props: { label: T.string },
      migrations: createShapePropsMigrationSequence({
        sequence: [
          {
            id: cardVersions.RenameTitleToLabel,
            up: (props: { title?: string; label?: string }) => {
              props.label = props.title ?? ''
              delete props.title
            },
            down: (props: { title?: string; label?: string }) => {
              props.title = props.label ?? ''
              delete props.label
            },
          },
        ],
      }),
    },
  },
})

/** A card record; typed loosely because 'card' is not in tldraw's built-in shape union. */
export function makeCard(id: string, props: Record<string, unknown>, x = 0): TLRecord {
  return {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'card',
    parentId: DEFAULT_PAGE_ID as TLPageId,
    index: 'a2' as IndexKey,
    x,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  } as unknown as TLRecord
}

export function getCard(store: { get(id: TLShapeId): TLRecord | undefined }, id: string) {
  return store.get(`shape:${id}` as TLShapeId) as unknown as
    | { x: number; props: Record<string, unknown> }
    | undefined
}
