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

/**
 * A free position for a card centred on the ring of radius `radius` around `centre`, trying angles around the
 * ring clockwise from half past one, so the ring names at the top stay readable as long as there is room.
 */
export function freeSlotOnRing(
  centre: { x: number; y: number },
  radius: number,
  size: { w: number; h: number },
  taken: readonly Rect[],
): Rect {
  const steps = Math.max(8, Math.floor((2 * Math.PI * radius) / (size.w * 0.75)))
  const at = (i: number): Rect => {
    const angle = -Math.PI / 4 + (i / steps) * 2 * Math.PI
    return {
      x: centre.x + Math.cos(angle) * radius - size.w / 2,
      y: centre.y + Math.sin(angle) * radius - size.h / 2,
      w: size.w,
      h: size.h,
    }
  }
  for (let i = 0; i < steps; i++) {
    const slot = at(i)
    if (!taken.some((t) => overlaps(t, slot))) return slot
  }
  return at(0)
}
