// Finding a spot for a card without covering other cards: used when a template is filled, when a card is added
// from a menu and by the keyboard "Verplaats naar …" commands. Pure geometry, in the template's local space.

export type Rect = { x: number; y: number; w: number; h: number }

export const CARD_GAP = 16

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/**
 * First free position, row by row, for a w×h card inside `area`. When the area is full the card goes to the
 * first slot anyway (overlap is better than a card outside its column, which would change its meaning).
 */
export function freeSlotInArea(area: Rect, size: { w: number; h: number }, taken: readonly Rect[]): Rect {
  const perRow = Math.max(1, Math.floor((area.w - CARD_GAP) / (size.w + CARD_GAP)))
  const rows = Math.max(1, Math.floor((area.h - CARD_GAP) / (size.h + CARD_GAP)))
  // Centre the grid in the area so cards sit evenly in narrow columns.
  const used = perRow * size.w + (perRow - 1) * CARD_GAP
  const left = area.x + Math.max(CARD_GAP, (area.w - used) / 2)
  let first: Rect | null = null
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < perRow; col++) {
      const slot = {
        x: left + col * (size.w + CARD_GAP),
        y: area.y + CARD_GAP + row * (size.h + CARD_GAP),
        w: size.w,
        h: size.h,
      }
      first ??= slot
      if (!taken.some((t) => overlaps(t, slot))) return slot
    }
  }
  return first ?? { x: area.x + CARD_GAP, y: area.y + CARD_GAP, w: size.w, h: size.h }
}

/** A ring of the schillen diagram: the annulus between `inner` and `outer` around `centre`. */
export type Ring = { centre: { x: number; y: number }; inner: number; outer: number }

/**
 * How far a rectangle sticks out of a ring: 0 when the whole card lies between the ring's two lines (then it sits
 * on no line and reads as "in this schil"), else how far its farthest corner is past the outer line plus how far its
 * nearest point is inside the inner one.
 */
export function ringOverflow(ring: Ring, rect: Rect): number {
  const { x: cx, y: cy } = ring.centre
  const dx = [rect.x - cx, rect.x + rect.w - cx]
  const dy = [rect.y - cy, rect.y + rect.h - cy]
  const farthest = Math.hypot(Math.max(...dx.map(Math.abs)), Math.max(...dy.map(Math.abs)))
  const nearX = Math.min(Math.max(cx, rect.x), rect.x + rect.w) - cx
  const nearY = Math.min(Math.max(cy, rect.y), rect.y + rect.h) - cy
  const nearest = Math.hypot(nearX, nearY)
  return Math.max(0, farthest - ring.outer) + Math.max(0, ring.inner - nearest)
}

/**
 * A free position for a card in a ring, never on one of its lines when the ring has room: angles are tried
 * clockwise from half past one (so the ring names at the top stay readable as long as there is room), at the ring's
 * middle and a little in or out of it. The first spot that lies wholly inside the ring and covers no card wins;
 * when there is none (a full or narrow ring), the free spot that sticks out least; when nothing is free, the first.
 * The card's centre is always inside the ring, so what it means (its schil) never depends on the fallback.
 */
export function freeSlotInRing(ring: Ring, size: { w: number; h: number }, taken: readonly Rect[]): Rect {
  const mid = (ring.inner + ring.outer) / 2
  const slack = Math.max(0, (ring.outer - ring.inner) / 2 - 1)
  const radii = [mid, mid - slack / 2, mid + slack / 2, mid - slack, mid + slack]
  const steps = Math.max(16, Math.ceil((2 * Math.PI * mid) / (size.w / 4)))
  const at = (i: number, radius: number): Rect => {
    const angle = -Math.PI / 4 + (i / steps) * 2 * Math.PI
    return {
      x: ring.centre.x + Math.cos(angle) * radius - size.w / 2,
      y: ring.centre.y + Math.sin(angle) * radius - size.h / 2,
      w: size.w,
      h: size.h,
    }
  }
  let best: { slot: Rect; overflow: number } | null = null
  for (let i = 0; i < steps; i++) {
    for (const radius of radii) {
      const slot = at(i, radius)
      if (taken.some((t) => overlaps(t, slot))) continue
      const overflow = ringOverflow(ring, slot)
      if (overflow === 0) return slot
      if (!best || overflow < best.overflow) best = { slot, overflow }
    }
  }
  return best?.slot ?? at(0, mid)
}
