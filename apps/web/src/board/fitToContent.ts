import type { Editor } from 'tldraw'

/** Chrome that floats over the canvas: the content is fitted into the part of the canvas they leave free. */
const OVERLAYS = ['.wt-tpl-panel', '.tlui-menu-zone', '.tlui-layout__bottom', '.tlui-style-panel__wrapper']
const MARGIN = 16

type Insets = { left: number; top: number; right: number; bottom: number }

/**
 * The canvas's free area: each overlay takes the narrowest strip along one edge that clears it (the template
 * panel a strip on the left, tldraw's menu one at the top, its toolbar one at the bottom).
 */
export function freeInsets(editor: Editor): Insets {
  const canvas = editor.getContainer().getBoundingClientRect()
  const insets: Insets = { left: 0, top: 0, right: 0, bottom: 0 }
  for (const selector of OVERLAYS) {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.right <= canvas.left || box.left >= canvas.right) continue
      if (box.bottom <= canvas.top || box.top >= canvas.bottom) continue
      const strips: Array<[keyof Insets, number]> = [
        ['left', box.right - canvas.left],
        ['top', box.bottom - canvas.top],
        ['right', canvas.right - box.left],
        ['bottom', canvas.bottom - box.top],
      ]
      strips.sort((a, b) => a[1] - b[1])
      const [side, size] = strips[0] as [keyof Insets, number]
      insets[side] = Math.max(insets[side], size)
    }
  }
  return insets
}

/**
 * Fits everything on the page into the free part of the canvas (never above 100%), so that no panel or toolbar
 * covers a template. Returns false when the page is empty.
 */
export function fitToContent(editor: Editor, animate = false): boolean {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds) return false
  const viewport = editor.getViewportScreenBounds()
  const insets = freeInsets(editor)
  const width = viewport.w - insets.left - insets.right - 2 * MARGIN
  const height = viewport.h - insets.top - insets.bottom - 2 * MARGIN
  if (width <= 0 || height <= 0) return false
  const { zoomSteps } = editor.getCameraOptions()
  const minZoom = zoomSteps[0] ?? 0.05
  const z = Math.max(minZoom, Math.min(1, width / bounds.w, height / bounds.h))
  // The centre of the free area (in viewport coordinates) shows the centre of the content.
  const cx = insets.left + MARGIN + width / 2
  const cy = insets.top + MARGIN + height / 2
  editor.setCamera(
    { x: cx / z - bounds.center.x, y: cy / z - bounds.center.y, z },
    animate ? { animation: { duration: 300 } } : undefined,
  )
  return true
}
