import { SCHILLEN_BAND_FRACTION } from '@waardentafel/domain'
import type { Rect } from './freeSlot.ts'

// Where things sit inside a template, in the template's own coordinates. The domain only fixes the meaning
// (equal columns over the whole width, rings by distance); the header bands are ours. The header is the only
// part of a template that catches the pointer (see StructureShapeUtil), so it doubles as its drag handle.

/** Height of the title band plus the column-name band of the column templates. */
export const COLUMN_HEADER_H = 120
export const TITLE_H = 56

/** Cards placed by the app: big enough to read at projector distance, small enough to fit two per column. */
export const VALUE_CARD_SIZE = { w: 220, h: 120 }
export const BAATHOUDER_CARD_SIZE = { w: 240, h: 120 }
export const TENSION_CARD_SIZE = { w: 280, h: 170 }

/** Template sizes chosen so the twelve values fit in "Nog te plaatsen" and tensions fit in three columns. */
export const PRIORITERING_SIZE = { w: 2000, h: 1200 }
export const SPANNINGEN_SIZE = { w: 1800, h: 1000 }
export const SCHILLEN_W = 1800

/** The card area of column `index` (0-based) of `count` equal columns under the header. */
export function columnArea(w: number, h: number, count: number, index: number): Rect {
  const colW = w / count
  return { x: index * colW, y: COLUMN_HEADER_H, w: colW, h: h - COLUMN_HEADER_H }
}

/** Radius of the middle of ring `ring` (1…4) in a schillen diagram of width w; 0 is the centre circle. */
export function ringMidRadius(w: number, ring: number): number {
  const band = (w / 2) * SCHILLEN_BAND_FRACTION
  return ring === 0 ? 0 : (ring + 0.5) * band
}

export function ringBand(w: number): number {
  return (w / 2) * SCHILLEN_BAND_FRACTION
}
