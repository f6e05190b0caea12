import { type ComponentType, useEffect, useState } from 'react'
import {
  type Atom,
  atom,
  computed,
  DefaultCanvas,
  type Editor,
  type TLCanvasComponentProps,
  type TLRenderingShape,
  type TLShapeId,
  useEditor,
  useValue,
} from 'tldraw'

// tldraw mounts a React component for every shape of the page and hides (display: none) the ones outside the
// viewport. Opening a 5,000-card board spent most of its time there: thousands of components, each with its own
// reactors, for shapes nobody sees yet. This canvas mounts the shapes on screen first, so the board paints as soon
// as its records are in, and mounts the others in small slices in idle time after that first paint. Once every
// shape has been mounted, the canvas is tldraw's own again (all shapes mounted, culled ones hidden), so panning and
// zooming out cost what they always did. The shapes' order and stacking (z-index) are tldraw's: only which ones have
// a component yet differs. Selected and edited shapes are never culled, so they are always mounted.

/** Shapes mounted per idle slice after the first paint (about 0.2 ms each in Chromium on this app's cards). */
const SLICE = 200

// The canvas' SVG defs wait for that first paint too. tldraw's hatch pattern (geo, draw and arrow shapes' "pattern" fill)
// draws its tiles for every zoom level on canvases of up to 2048² px and encodes them as PNG, 30-50 ms on the main
// thread when the canvas mounts; until the defs are there (a frame or two), a pattern fill shows unfilled.

type Hydration = {
  /** The board has had its first paint. */
  readonly painted: Atom<boolean>
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
  for (const util of Object.values(editor.shapeUtils)) {
    if (!util) continue
    const defs = util.getCanvasSvgDefs().map(({ key, component }) => ({
      key,
      component: afterFirstPaint(component, painted),
    }))
    util.getCanvasSvgDefs = () => defs
  }
  const done = atom('wt all shapes mounted', false)
  const rendering = computed<TLRenderingShape[]>('wt rendering shapes', () => {
    const shapes = all()
    if (done.get()) return shapes
    const culled = editor.getCulledShapes()
    if (culled.size === 0) return shapes
    const ids = mounted.get()
    return shapes.filter((s) => !culled.has(s.id) || ids.has(s.id))
  })
  // Only the canvas' shape layer reads the rendering shapes in this app (tldraw's debug overlays and menu too).
  editor.getRenderingShapes = () => rendering.get()
  const hydration = { painted, mounted, done, all }
  hydrations.set(editor, hydration)
  return hydration
}

function afterFirstPaint(Def: ComponentType, painted: Atom<boolean>): ComponentType {
  return function AfterFirstPaint() {
    return useValue('wt board painted', () => painted.get(), [painted]) ? <Def /> : null
  }
}

/** Mounts the next slice of not yet mounted shapes; returns false once all are. */
function mountSlice(editor: Editor, { mounted, done, all }: Hydration): boolean {
  if (done.get()) return false
  const shapes = all()
  const culled = editor.getCulledShapes()
  const next = new Set(mounted.get())
  let added = 0
  for (const { id } of shapes) {
    if (next.has(id)) continue
    // Shapes on screen are mounted already; keeping them keeps them mounted when they scroll off again.
    if (!culled.has(id)) next.add(id)
    else if (added < SLICE) {
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
        const step = () => {
          idle = 0
          hydration.painted.set(true)
          if (mountSlice(editor, hydration)) idle = requestIdleCallback(step, { timeout: 200 })
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
