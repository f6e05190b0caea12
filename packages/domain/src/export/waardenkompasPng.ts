import type { Waardenkompas } from '../pvw/programmaVanWaardenSchema.ts'
import { encodePng } from './encodePng.ts'
import { scoredValues } from './waardenkompasSvg.ts'

// Raster fallback of the spider diagram for Word processors without SVG support (docx requires one). Shapes only:
// rendering text would need a font rasteriser, so labels live in the SVG and in the table next to the figure.

type Rgb = readonly [number, number, number]
type Pt = readonly [number, number]

function createCanvas(size: number) {
  const px = new Uint8Array(size * size * 3).fill(255)
  const blend = (x: number, y: number, [r, g, b]: Rgb, alpha: number) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return
    const i = (y * size + x) * 3
    px[i] = Math.round(px[i]! * (1 - alpha) + r * alpha)
    px[i + 1] = Math.round(px[i + 1]! * (1 - alpha) + g * alpha)
    px[i + 2] = Math.round(px[i + 2]! * (1 - alpha) + b * alpha)
  }
  /** Even-odd scanline fill. */
  const fill = (poly: readonly Pt[], colour: Rgb, alpha: number) => {
    for (let y = 0; y < size; y++) {
      const yc = y + 0.5
      const xs: number[] = []
      for (let i = 0; i < poly.length; i++) {
        const [x1, y1] = poly[i]!
        const [x2, y2] = poly[(i + 1) % poly.length]!
        if (y1 <= yc !== y2 <= yc) xs.push(x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1))
      }
      xs.sort((a, b) => a - b)
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (let x = Math.ceil(xs[k]! - 0.5); x < xs[k + 1]! - 0.5; x++) blend(x, y, colour, alpha)
      }
    }
  }
  const line = ([x1, y1]: Pt, [x2, y2]: Pt, colour: Rgb, width: number, dash = 0) => {
    const len = Math.hypot(x2 - x1, y2 - y1)
    for (let s = 0; s <= len; s += 0.5) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue
      const x = x1 + ((x2 - x1) * s) / (len || 1)
      const y = y1 + ((y2 - y1) * s) / (len || 1)
      for (let dx = -width / 2; dx <= width / 2; dx++) {
        for (let dy = -width / 2; dy <= width / 2; dy++)
          blend(Math.round(x + dx), Math.round(y + dy), colour, 1)
      }
    }
  }
  const outline = (poly: readonly Pt[], colour: Rgb, width: number, dash = 0) => {
    for (let i = 0; i < poly.length; i++) line(poly[i]!, poly[(i + 1) % poly.length]!, colour, width, dash)
  }
  return { px, fill, line, outline }
}

export function waardenkompasPng(kompas: Waardenkompas, size = 400): Uint8Array {
  const canvas = createCanvas(size)
  const values = scoredValues(kompas)
  if (values.length >= 3) {
    const c = size / 2
    const radius = size * 0.4
    const at = (i: number, score: number): Pt => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / values.length
      const r = (radius * Math.min(Math.max(score, 0), 5)) / 5
      return [c + r * Math.cos(a), c + r * Math.sin(a)]
    }
    for (let s = 1; s <= 5; s++)
      canvas.outline(
        values.map((_, i) => at(i, s)),
        [204, 204, 204],
        1,
      )
    for (let i = 0; i < values.length; i++) canvas.line([c, c], at(i, 5), [153, 153, 153], 1)
    const current = values.map((v, i) => at(i, v.current ?? 0))
    canvas.fill(current, [31, 111, 139], 0.35)
    canvas.outline(current, [31, 111, 139], 2)
    canvas.outline(
      values.map((v, i) => at(i, v.potential ?? 0)),
      [192, 57, 43],
      2,
      6,
    )
  }
  return encodePng(size, size, canvas.px)
}
