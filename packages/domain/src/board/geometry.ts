// tldraw positions a shape by (x, y) in its parent's space and rotates it (radians) about that point, its own
// top-left corner. A card's page position therefore needs every ancestor's transform composed. tldraw has no
// scale in shape transforms, so a rigid transform (rotation + translation) is enough.

export type Point = { x: number; y: number }

/** Rigid 2D transform: p' = R(rotation)·p + (x, y). */
export type Transform = { x: number; y: number; rotation: number }

export const IDENTITY: Transform = { x: 0, y: 0, rotation: 0 }

export function applyTransform(t: Transform, p: Point): Point {
  const cos = Math.cos(t.rotation)
  const sin = Math.sin(t.rotation)
  return { x: t.x + p.x * cos - p.y * sin, y: t.y + p.x * sin + p.y * cos }
}

/** outer ∘ inner: first apply inner (child in parent space), then outer (parent in page space). */
export function composeTransforms(outer: Transform, inner: Transform): Transform {
  const origin = applyTransform(outer, { x: inner.x, y: inner.y })
  return { x: origin.x, y: origin.y, rotation: outer.rotation + inner.rotation }
}

/** Maps a page point into the local space of a shape whose page transform is `t`. */
export function toLocal(t: Transform, p: Point): Point {
  const dx = p.x - t.x
  const dy = p.y - t.y
  const cos = Math.cos(-t.rotation)
  const sin = Math.sin(-t.rotation)
  return { x: dx * cos - dy * sin, y: dx * sin + dy * cos }
}

// Coordinates that come out of rotations carry float noise (1e-13); a card dropped exactly on a column edge
// must not flip column because of it.
const EPSILON = 1e-6

/** Index of the equal-width column (0-based) that contains local point p in a w×h rectangle, or null. */
export function columnAt(p: Point, w: number, h: number, columns: number): number | null {
  if (!(w > 0 && h > 0)) return null
  if (p.x < -EPSILON || p.x > w + EPSILON || p.y < -EPSILON || p.y > h + EPSILON) return null
  const raw = Math.floor(((p.x + EPSILON) / w) * columns)
  return Math.min(Math.max(raw, 0), columns - 1)
}

export function insideRect(p: Point, w: number, h: number): boolean {
  return p.x >= -EPSILON && p.x <= w + EPSILON && p.y >= -EPSILON && p.y <= h + EPSILON
}
