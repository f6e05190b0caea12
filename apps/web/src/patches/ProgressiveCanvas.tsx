import { type ComponentType, useEffect, useState } from 'react'
import {
  type Atom,
  atom,
  type Computed,
  computed,
  DefaultCanvas,
  type Editor,
  isPageId,
  type TLCanvasComponentProps,
  type TLRenderingShape,
  type TLShape,
  type TLShapeId,
  transact,
  useEditor,
  useValue,
} from 'tldraw'

// Patch (editor and shape-util methods swapped at runtime: `editor.getNotVisibleShapes`, `editor.getRenderingShapes`,
// each util's `getCanvasSvgDefs`), written for tldraw 5.4.2; ProgressiveCanvas.test.ts fails when an upgrade changes
// what it relies on.

/** The tldraw version this patch was written and checked for (the test compares it with the installed one). */
export const PATCHED_FOR = { tldraw: '5.4.2' } as const

// tldraw mounts a React component for every shape of the page and hides (display: none) the ones outside the
// viewport. Opening a 5,000-card board spent most of its time there: thousands of components, each with its own
// reactors, for shapes nobody sees yet. This canvas mounts the shapes on screen first (at most FIRST_PAINT_MAX), so
// the board paints as soon as its records are in, and mounts the others in small slices in idle time after that
// first paint, those on screen first. Once every shape has been mounted, the canvas is tldraw's own again (all
// shapes mounted, culled ones hidden), so panning and zooming out cost what they always did. The shapes' order and stacking (z-index) are tldraw's: only which ones have
// a component yet differs. Selected and edited shapes are never culled, so they are always mounted.

/** Shapes mounted per idle slice after the first paint (about 0.2 ms each in Chromium on this app's cards). */
const SLICE = 200
/**
 * At most this many shapes mount for the first paint, back to front (templates and frames before the cards on them),
 * however many are on screen: a board opened fitted to its content (issue #21) has every shape on screen, and
 * mounting 5,000 in one frame took seconds. The rest, on screen first, come in the idle slices after it.
 */
const FIRST_PAINT_MAX = 100

// The canvas' SVG defs wait for that first paint too, and for a shape that uses them. tldraw's hatch pattern (geo,
// draw and arrow shapes' "pattern" fill) draws its tiles for every zoom level on canvases of up to 2048² px and
// encodes them as PNG, 30-160 ms on the main thread when it mounts; a board of cards and notes never needs it. Until
// the defs are there (a frame or two after such a shape first shows), a pattern fill shows unfilled.

// Which shapes are on screen for that first paint is worked out from the records themselves (position, rotation,
// size props), not by tldraw: its culling asks the spatial index, which measures every shape of the page (geometry,
// page transform: 60-180 ms for 5,000 shapes). After the first paint, culling is tldraw's own again, the index is
// built then. A shape whose extent the records do not tell (arrows, drawings, lines, text) counts as on screen.

/** Margin around the viewport, in screen px, within which a shape counts as on screen for the first paint. */
const FIRST_PAINT_MARGIN = 100
/** Notes store no width: tldraw's are 200 × (200 + growY) at scale 1; this errs on the large side. */
const NOTE_EXTENT = 400

type Placement = { x: number; y: number; rotation: number }

/** A shape's page position and rotation from its record and its ancestors' (no geometry involved). */
function placementOf(
  editor: Editor,
  shape: TLShape,
  known: Map<TLShapeId, Placement | null>,
): Placement | null {
  const cached = known.get(shape.id)
  if (cached !== undefined) return cached
  let placement: Placement | null = null
  if (isPageId(shape.parentId)) {
    placement = { x: shape.x, y: shape.y, rotation: shape.rotation }
  } else {
    const parent = editor.store.unsafeGetWithoutCapture(shape.parentId) as TLShape | undefined
    const at = parent ? placementOf(editor, parent, known) : null
    if (at) {
      const cos = Math.cos(at.rotation)
      const sin = Math.sin(at.rotation)
      placement = {
        x: at.x + cos * shape.x - sin * shape.y,
        y: at.y + sin * shape.x + cos * shape.y,
        rotation: at.rotation + shape.rotation,
      }
    }
  }
  known.set(shape.id, placement)
  return placement
}

type Extent = { minX: number; minY: number; maxX: number; maxY: number }

/** Whether a shape's page bounds, from its record alone, miss `view`; false when the record does not tell. */
function outsideByRecord(
  editor: Editor,
  shape: TLShape,
  view: Extent,
  known: Map<TLShapeId, Placement | null>,
): boolean {
  const props = shape.props as { w?: unknown; h?: unknown; growY?: unknown; scale?: unknown }
  const growY = typeof props.growY === 'number' ? props.growY : 0
  const scale = typeof props.scale === 'number' ? props.scale : 1
  let w: number
  let h: number
  if (typeof props.w === 'number' && typeof props.h === 'number') {
    w = props.w
    h = props.h + growY
  } else if (shape.type === 'note') {
    w = NOTE_EXTENT * scale
    h = (NOTE_EXTENT + growY) * scale
  } else return false
  const at = isPageId(shape.parentId) ? shape : placementOf(editor, shape, known)
  if (!at || !Number.isFinite(w + h + at.x + at.y + at.rotation)) return false
  let { x: minX, y: minY } = at
  let maxX = minX + w
  let maxY = minY + h
  if (at.rotation !== 0) {
    const cos = Math.cos(at.rotation)
    const sin = Math.sin(at.rotation)
    const xs = [0, cos * w, -sin * h, cos * w - sin * h]
    const ys = [0, sin * w, cos * h, sin * w + cos * h]
    minX = at.x + Math.min(...xs)
    maxX = at.x + Math.max(...xs)
    minY = at.y + Math.min(...ys)
    maxY = at.y + Math.max(...ys)
  }
  return maxX < view.minX || minX > view.maxX || maxY < view.minY || minY > view.maxY
}

type Hydration = {
  /** The board has had its first paint. */
  readonly painted: Atom<boolean>
  /** Ids on screen in the first paint (by their records), mounted since. */
  readonly firstPaint: () => ReadonlySet<TLShapeId>
  /** Ids mounted although culled (they were on screen once, or their slice came). */
  readonly mounted: Atom<ReadonlySet<TLShapeId>>
  readonly done: Atom<boolean>
  readonly all: () => TLRenderingShape[]
}

const hydrations = new WeakMap<Editor, Hydration>()

function hydrationOf(editor: Editor): Hydration {
  const existing = hydrations.get(editor)
  if (existing) return existing
  const all = editor.getRenderingShapes.bind(editor)
  const mounted = atom<ReadonlySet<TLShapeId>>('wt mounted shapes', new Set())
  const painted = atom('wt board painted', false)
  // Which shape types use each of the canvas' SVG defs (tldraw mounts one per key).
  const typesByDef = new Map<string, Set<string>>()
  const defsByUtil = Object.entries(editor.shapeUtils).flatMap(([type, util]) => {
    if (!util) return []
    const defs = util.getCanvasSvgDefs()
    for (const { key } of defs) typesByDef.set(key, (typesByDef.get(key) ?? new Set()).add(type))
    return [{ util, defs }]
  })
  for (const { util, defs } of defsByUtil) {
    const wrapped = defs.map(({ key, component }) => ({
      key,
      component: whenShown(component, shownOnce(editor, painted, typesByDef.get(key) ?? new Set())),
    }))
    util.getCanvasSvgDefs = () => wrapped
  }
  // Until the first paint, culling (tldraw's and this canvas') goes by the shapes' records (see above).
  const ownNotVisible = editor.getNotVisibleShapes.bind(editor)
  const recordNotVisible = computed<ReadonlySet<TLShapeId>>('wt not visible by records', () => {
    const viewport = editor
      .getViewportPageBounds()
      .clone()
      .expandBy(FIRST_PAINT_MARGIN / editor.getZoomLevel())
    const view = { minX: viewport.minX, minY: viewport.minY, maxX: viewport.maxX, maxY: viewport.maxY }
    const known = new Map<TLShapeId, Placement | null>()
    const out = new Set<TLShapeId>()
    for (const id of editor.getCurrentPageShapeIds()) {
      const shape = editor.store.unsafeGetWithoutCapture(id) as TLShape | undefined
      if (!shape || !outsideByRecord(editor, shape, view, known)) continue
      if (editor.getShapeUtil(shape).canCull(shape)) out.add(id)
    }
    return out
  })
  editor.getNotVisibleShapes = () =>
    (painted.get() ? ownNotVisible() : recordNotVisible.get()) as Set<TLShapeId>
  // The first paint's shapes in tldraw's order (depth first, siblings by index), without tldraw's list of every
  // shape of the page (a computed list of children per shape: 40-80 ms for 5,000). Their stacking (z-index) follows
  // the same order; it is renumbered when tldraw's list takes over after the paint.
  const firstRendering = computed<TLRenderingShape[]>('wt first paint shapes', () => {
    const culled = editor.getCulledShapes()
    const entries: { key: string[]; opacity: number; shape: TLShape }[] = []
    for (const id of editor.getCurrentPageShapeIds()) {
      if (culled.has(id)) continue
      // Read as tldraw's list reads them: a change to a shown shape renders it again.
      const shape = editor.getShape(id)
      if (!shape || editor.isShapeHidden(shape)) continue
      const key: string[] = []
      let opacity = 1
      for (let at: TLShape | undefined = shape; at; ) {
        key.unshift(at.index)
        opacity *= at.opacity
        at = isPageId(at.parentId)
          ? undefined
          : (editor.store.unsafeGetWithoutCapture(at.parentId) as TLShape | undefined)
      }
      entries.push({ key, opacity, shape })
    }
    entries.sort((a, b) => compareKeys(a.key, b.key))
    const { maxShapesPerPage } = editor.options
    return (
      entries
        .slice(0, FIRST_PAINT_MAX)
        .map(({ shape, opacity }, i) => ({
          id: shape.id,
          shape,
          util: editor.getShapeUtil(shape),
          index: maxShapesPerPage * 2 + i,
          backgroundIndex: maxShapesPerPage + i,
          opacity,
        }))
        // In id order, as tldraw's list is (React keeps the elements in place when that list takes over).
        .sort((a, b) => (a.id > b.id ? 1 : -1))
    )
  })
  const firstPaint = () => new Set(firstRendering.get().map(({ id }) => id))
  const done = atom('wt all shapes mounted', false)
  const rendering = computed<TLRenderingShape[]>('wt rendering shapes', () => {
    if (!painted.get()) return firstRendering.get()
    const shapes = all()
    if (done.get()) return shapes
    // Until every shape is mounted: those mounted so far (on screen first, see mountSlice), and whatever is selected
    // or being edited, which is never left without its component.
    const ids = mounted.get()
    const selected = new Set(editor.getSelectedShapeIds())
    const editing = editor.getEditingShapeId()
    return shapes.filter((s) => ids.has(s.id) || selected.has(s.id) || s.id === editing)
  })
  // Only the canvas' shape layer reads the rendering shapes in this app (tldraw's debug overlays and menu too).
  editor.getRenderingShapes = () => rendering.get()
  const hydration = { painted, firstPaint, mounted, done, all }
  hydrations.set(editor, hydration)
  return hydration
}

/** Orders paths of fractional indices (tldraw compares index keys as plain strings). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string
    const y = b[i] as string
    if (x !== y) return x < y ? -1 : 1
  }
  return a.length - b.length
}

/**
 * True from when, after the first paint, the canvas shows a shape of one of `types`; stays true (the defs it
 * guards stay mounted once they are).
 */
function shownOnce(editor: Editor, painted: Atom<boolean>, types: ReadonlySet<string>): Computed<boolean> {
  let shown = false
  return computed('wt shape type shown', () => {
    if (!shown && painted.get())
      shown = editor.getRenderingShapes().some(({ shape }) => types.has(shape.type))
    return shown
  })
}

function whenShown(Def: ComponentType, shown: Computed<boolean>): ComponentType {
  return function WhenShown() {
    return useValue(shown) ? <Def /> : null
  }
}

/** Mounts the next slice of not yet mounted shapes; returns false once all are. */
function mountSlice(editor: Editor, { mounted, done, all }: Hydration): boolean {
  if (done.get()) return false
  const shapes = all()
  const culled = editor.getCulledShapes()
  const next = new Set(mounted.get())
  let added = 0
  // Shapes on screen first (the view may have moved since the last slice), then those off screen; a mounted shape
  // stays mounted when it scrolls off again.
  for (const onScreen of [true, false]) {
    for (const { id } of shapes) {
      if (added >= SLICE) break
      if (next.has(id) || culled.has(id) === onScreen) continue
      next.add(id)
      added++
    }
  }
  if (shapes.every((s) => next.has(s.id))) {
    performance.mark('wt:all-mounted')
    done.set(true)
    mounted.set(new Set())
    return false
  }
  mounted.set(next)
  return true
}

/** tldraw's canvas, mounting the shapes on screen first and the rest after the first paint. */
export function ProgressiveCanvas(props: TLCanvasComponentProps) {
  const editor = useEditor()
  // Before the canvas' first render, so that render already mounts only the visible shapes.
  const [hydration] = useState(() => {
    performance.mark('wt:canvas')
    return hydrationOf(editor)
  })
  useEffect(() => {
    let idle = 0
    let frame = requestAnimationFrame(() => {
      // After the frame that paints the board.
      frame = requestAnimationFrame(() => {
        // One piece of work per idle period: tldraw's spatial index, its list of all shapes, the switch to
        // tldraw's culling, then the slices.
        const steps = [
          () => editor.getShapeIdsInsideBounds(editor.getViewportPageBounds()),
          () => hydration.all(),
          () =>
            transact(() => {
              // What the first paint mounted stays mounted; culling is tldraw's from here on.
              hydration.mounted.set(hydration.firstPaint())
              hydration.painted.set(true)
            }),
        ]
        const step = () => {
          idle = 0
          const next = steps.shift()
          if (next) next()
          else if (!mountSlice(editor, hydration)) return
          idle = requestIdleCallback(step, { timeout: 200 })
        }
        idle = requestIdleCallback(step, { timeout: 200 })
      })
    })
    return () => {
      cancelAnimationFrame(frame)
      if (idle) cancelIdleCallback(idle)
    }
  }, [editor, hydration])
  return <DefaultCanvas {...props} />
}
