import { Group2d, Rectangle2d } from 'tldraw'

// Templates are big and sit behind the cards. Only their header band catches the pointer (marked as a label,
// which is how tldraw's own frame makes its heading the handle): pressing inside the body starts a brush
// selection of cards instead of dragging the whole template away, and cards dropped on the body land on it.
// Compared with locking the template, everyone can still move, resize and delete it on purpose, and nothing
// else needs to know a template is special.
export function structureGeometry(w: number, h: number, headerW: number, headerH: number): Group2d {
  return new Group2d({
    children: [
      new Rectangle2d({ width: w, height: h, isFilled: false }),
      new Rectangle2d({ width: headerW, height: headerH, isFilled: true, isLabel: true }),
    ],
  })
}

export function rectPath(w: number, h: number): Path2D {
  const path = new Path2D()
  path.rect(0, 0, w, h)
  return path
}
