// A tension connector runs from the tension card to a value card, edge to edge: starting and ending at the card
// borders keeps it off the card texts it connects. Boxes are given by centre and half sizes.

export type Box = { cx: number; cy: number; hw: number; hh: number }
export type Segment = { x1: number; y1: number; x2: number; y2: number }

/** Fraction of the way along direction (dx, dy) from a box centre at which the ray leaves the box. */
function exitFraction(box: Box, dx: number, dy: number): number {
  const tx = dx === 0 ? Number.POSITIVE_INFINITY : box.hw / Math.abs(dx)
  const ty = dy === 0 ? Number.POSITIVE_INFINITY : box.hh / Math.abs(dy)
  return Math.min(tx, ty)
}

/** The part of the centre-to-centre line outside both boxes, or null when the boxes overlap. */
export function connectorBetween(from: Box, to: Box): Segment | null {
  const dx = to.cx - from.cx
  const dy = to.cy - from.cy
  if (dx === 0 && dy === 0) return null
  const start = exitFraction(from, dx, dy)
  const end = 1 - exitFraction(to, -dx, -dy)
  if (start >= end) return null
  return {
    x1: from.cx + dx * start,
    y1: from.cy + dy * start,
    x2: from.cx + dx * end,
    y2: from.cy + dy * end,
  }
}
