import { type Editor, SelectTool, type StateNode } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { installedVersion } from './testing/installedVersion.ts'
import { PATCHED_FOR, WtSelectTool } from './WtSelectTool.ts'

// The patch relies on three things in tldraw: the select tool's idle state runs the hover check as it is entered,
// that check goes through `editor.getShapeAtPoint` and `editor.overlays.getOverlayAtPoint`, and both are methods of
// their prototypes (so deleting the own property put there restores them). A stand-in editor with just what the
// idle state's onEnter reads counts the hit tests; tldraw's own idle state must make them, ours must not.

class Overlays {
  readonly hits: string[]
  constructor(hits: string[]) {
    this.hits = hits
  }
  getOverlayAtPoint() {
    this.hits.push('overlay')
    return null
  }
  getHoveredOverlayId() {
    return null
  }
  setHoveredOverlay() {}
}

class StandInEditor {
  readonly hits: string[] = []
  readonly overlays = new Overlays(this.hits)
  readonly isDisposed = false
  readonly options = { selectLockedShapes: false }
  readonly inputs = { getCurrentPagePoint: () => ({ x: 0, y: 0 }) }
  setCursor() {}
  getHitTestMargin() {
    return 0
  }
  getCameraState() {
    return 'idle'
  }
  getShapeAtPoint() {
    this.hits.push('shape')
    return undefined
  }
  setHoveredShape() {}
  getHoveredShapeId() {
    return null
  }
}

type IdleConstructor = new (editor: Editor, parent: StateNode) => StateNode
const parent = { setCurrentToolIdMask() {} } as unknown as StateNode

function enterIdle(tool: typeof SelectTool, from: string) {
  const Idle = tool.children().find((state) => state.id === 'idle') as IdleConstructor | undefined
  if (!Idle) throw new Error('no idle state')
  const editor = new StandInEditor()
  new Idle(editor as unknown as Editor, parent).onEnter?.({}, from)
  return editor
}

describe('WtSelectTool (patch of tldraw internals)', () => {
  it(`was written for the installed tldraw (${PATCHED_FOR.tldraw}); re-check the patch on an upgrade`, () => {
    expect(installedVersion('tldraw')).toBe(PATCHED_FOR.tldraw)
  })

  it("tldraw's idle state hit-tests shapes and overlays as it is entered (what the patch is for)", () => {
    expect(enterIdle(SelectTool, 'initial').hits.sort()).toEqual(['overlay', 'shape'])
  })

  it('skips those hit tests as the editor starts, and restores the prototype methods after', () => {
    const editor = enterIdle(WtSelectTool, 'initial')
    expect(editor.hits).toEqual([])
    expect(Object.hasOwn(editor, 'getShapeAtPoint')).toBe(false)
    expect(Object.hasOwn(editor.overlays, 'getOverlayAtPoint')).toBe(false)
    expect(editor.getShapeAtPoint()).toBeUndefined()
    expect(editor.hits).toEqual(['shape'])
  })

  it('hit-tests as tldraw does on every later entry', () => {
    expect(enterIdle(WtSelectTool, 'pointing_canvas').hits.sort()).toEqual(['overlay', 'shape'])
  })

  it('keeps the select tool otherwise as tldraw has it (same id and states)', () => {
    expect(WtSelectTool.id).toBe(SelectTool.id)
    expect(WtSelectTool.children().map((state) => state.id)).toEqual(
      SelectTool.children().map((state) => state.id),
    )
  })
})
