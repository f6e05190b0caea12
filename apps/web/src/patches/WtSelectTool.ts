import { type Editor, SelectTool, type TLStateNodeConstructor } from 'tldraw'

// Patch (editor methods swapped at runtime), written for tldraw 5.4.2; WtSelectTool.test.ts fails when an upgrade
// changes what it relies on. tldraw's select tool, but its idle state skips the hover check when the editor starts in it. That check (which
// shape is under the pointer) asks the spatial index, and building that index measures every shape of the page:
// 60-180 ms for 5,000 shapes, on the way to the board's first paint. When the editor starts, no pointer event has
// come yet (the pointer is assumed at 0,0), so there is nothing to hover; the first pointer move checks as always.

/** The tldraw version this patch was written and checked for (the test compares it with the installed one). */
export const PATCHED_FOR = { tldraw: '5.4.2' } as const

const Idle = SelectTool.children().find((state) => state.id === 'idle')
if (!Idle) throw new Error("tldraw's select tool has no idle state")

class StartingIdle extends Idle {
  override onEnter(info: unknown, from: string) {
    if (from !== 'initial') return super.onEnter?.(info, from)
    // tldraw's own onEnter (cursor, masks, key state), with hit tests that find nothing while it runs.
    const editor: Editor = this.editor
    const { overlays } = editor
    editor.getShapeAtPoint = () => undefined
    overlays.getOverlayAtPoint = () => null
    try {
      super.onEnter?.(info, from)
    } finally {
      // Back to the prototypes' methods.
      delete (editor as Partial<Editor>).getShapeAtPoint
      delete (overlays as Partial<Editor['overlays']>).getOverlayAtPoint
    }
  }
}

/** tldraw's select tool (same id, states and behaviour) without the hover check as the editor starts. */
export class WtSelectTool extends SelectTool {
  static override children(): TLStateNodeConstructor[] {
    return SelectTool.children().map((state) => (state === Idle ? StartingIdle : state))
  }
}
