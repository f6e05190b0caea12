import {
  type TLNoteShape,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
  type TLStore,
  toRichText,
} from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { DEFAULT_PAGE_ID } from '../ensureBoardInitialised.ts'

/** A complete, valid note shape: tldraw's record types do not fill in shape props by themselves. */
export function makeNote(id: string, overrides: Partial<TLNoteShape> = {}): TLNoteShape {
  return {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'note',
    parentId: DEFAULT_PAGE_ID as TLPageId,
    index: 'a1' as IndexKey,
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    ...overrides,
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
      richText: toRichText(''),
      scale: 1,
      textLastEditedBy: null,
      ...overrides.props,
    },
  }
}

export function getNote(store: TLStore, id: string): TLNoteShape | undefined {
  const record: TLRecord | undefined = store.get(`shape:${id}` as TLShapeId)
  return record?.typeName === 'shape' && record.type === 'note' ? record : undefined
}

/** Changes a note the way a user does in the editor: a 'user' change recorded in tldraw's history. */
export function updateNote(store: TLStore, id: string, update: (note: TLNoteShape) => TLNoteShape): void {
  const note = getNote(store, id)
  if (!note) throw new Error(`no note ${id}`)
  store.put([update(note)])
}
