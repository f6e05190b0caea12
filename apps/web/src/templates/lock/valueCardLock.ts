import type { Editor, TLShape } from 'tldraw'

// The value-card lock ("waardekaarten vergrendeld") as this browser applies it to its own person. The server refuses
// a locked card's move (4409 VALUE_CARDS_LOCKED); the app does not even try, so nobody's drag ends in a reset. The
// flag lives in the editor's instance state (session scope: never synced, never stored), so the shape util, the
// inspector and the outline all read the same reactive value without any module state.
const META_KEY = 'wtValueCardsLocked'
const VALUE_CARD = 'wt-value-card'

/** Fields of a locked value card that only the facilitator may change: its place, size, identity and type. */
const PLACE_FIELDS = ['x', 'y', 'rotation', 'parentId', 'index', 'type'] as const
const LOCKED_PROPS = ['w', 'h', 'name', 'valueKey'] as const

/** Whether value cards are locked for the person using this editor (false for the facilitator). Reactive. */
export function valueCardsLocked(editor: Editor): boolean {
  return editor.getInstanceState().meta[META_KEY] === true
}

export function isLockedValueCard(editor: Editor, shape: TLShape | undefined | null): boolean {
  return shape?.type === VALUE_CARD && valueCardsLocked(editor)
}

export function setValueCardsLocked(editor: Editor, locked: boolean): void {
  if (valueCardsLocked(editor) === locked) return
  editor.updateInstanceState({ meta: { ...editor.getInstanceState().meta, [META_KEY]: locked } })
}

/**
 * A locked value card as a person's change would leave it: everything they may change (the annotations in its
 * props, its meta) from `next`, its place, size, name and type from `prev`. Returns `prev` itself when nothing
 * else changed, so the store sees no change at all.
 */
export function keepLockedFields(prev: TLShape, next: TLShape): TLShape {
  if (next.type !== prev.type) return prev
  const props: Record<string, unknown> = { ...next.props }
  const kept: Record<string, unknown> = { ...next, props }
  for (const field of PLACE_FIELDS) kept[field] = prev[field]
  const prevProps = prev.props as Record<string, unknown>
  for (const prop of LOCKED_PROPS) if (prop in prevProps) props[prop] = prevProps[prop]
  return sameJson(kept, prev) ? prev : (kept as unknown as TLShape)
}

/**
 * Keeps this person's own gestures (drag, nudge, resize, align, delete, reparent into another class) from changing a
 * locked value card while the lock is on. Changes from others (source `remote`) always pass. Deleting a shape that
 * holds a locked card (its template, a frame) is refused too: the card would go with it.
 */
export function guardLockedValueCards(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || prev.type !== VALUE_CARD || !valueCardsLocked(editor)) return next
    return keepLockedFields(prev, next)
  })
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || !valueCardsLocked(editor)) return
    if (shape.type === VALUE_CARD || holdsValueCard(editor, shape)) return false
  })
  return () => {
    stopChange()
    stopDelete()
  }
}

function holdsValueCard(editor: Editor, shape: TLShape): boolean {
  let found = false
  editor.visitDescendants(shape.id, (id) => {
    if (editor.getShape(id)?.type === VALUE_CARD) found = true
    return found ? false : undefined
  })
  return found
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
