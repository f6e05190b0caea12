import { type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import type { Waardenkompas } from '../pvw/programmaVanWaardenSchema.ts'
import { KOMPAS_RADIUS, kompasLabelLines, scoredValues } from './waardenkompasSvg.ts'

// The waardenkompas drawn in the PDF as vectors, with the geometry of waardenkompasSvg.ts (one axis per scored
// value, rings for scores 1…5, current situation filled, potential dashed), so it stays sharp when printed and
// needs no rasteriser. pdf-lib draws SVG paths with y pointing down from the given top-left corner, as in the SVG.

const MAX = 5
const TEAL = rgb(0x1f / 255, 0x6f / 255, 0x8b / 255)
const RED = rgb(0xc0 / 255, 0x39 / 255, 0x2b / 255)
const GREY = rgb(0.8, 0.8, 0.8)
const DARK = rgb(0.11, 0.11, 0.1)

export type Pen = { font: PDFFont; text: (s: string) => string }

export function drawKompas(
  page: PDFPage,
  kompas: Waardenkompas,
  left: number,
  top: number,
  size: number,
  pen: Pen,
) {
  const values = scoredValues(kompas)
  const c = size / 2
  const radius = size * KOMPAS_RADIUS
  const label = (s: string, x: number, y: number, fontSize: number) =>
    page.drawText(pen.text(s), { x, y, size: fontSize, font: pen.font, color: DARK })
  if (values.length < 3) {
    const message = 'Te weinig gescoorde waarden voor een kompas (minimaal 3).'
    label(message, left + c - pen.font.widthOfTextAtSize(message, 9) / 2, top - c, 9)
    return
  }
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / values.length
  const at = (i: number, score: number) => {
    const r = (radius * Math.min(Math.max(score, 0), MAX)) / MAX
    return [c + r * Math.cos(angle(i)), c + r * Math.sin(angle(i))] as const
  }
  const path = (points: (readonly [number, number])[]) =>
    `M ${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join(' L ')} Z`
  for (const s of [1, 2, 3, 4, 5])
    page.drawSvgPath(path(values.map((_, i) => at(i, s))), {
      x: left,
      y: top,
      borderColor: GREY,
      borderWidth: 0.5,
    })
  values.forEach((v, i) => {
    const [x, y] = at(i, MAX)
    page.drawLine({
      start: { x: left + c, y: top - c },
      end: { x: left + x, y: top - y },
      thickness: 0.5,
      color: GREY,
    })
    const lx = c + (radius + 8) * Math.cos(angle(i))
    const ly = c + (radius + 8) * Math.sin(angle(i))
    const lines = kompasLabelLines(v.name).map(pen.text)
    const first = ly < c - 1 ? -(lines.length - 1) * 8.5 : ly > c + 1 ? 0 : (-(lines.length - 1) * 8.5) / 2
    lines.forEach((line, n) => {
      const width = pen.font.widthOfTextAtSize(line, 7)
      const dx = Math.abs(lx - c) < 1 ? -width / 2 : lx > c ? 0 : -width
      label(line, left + lx + dx, top - (ly + first + n * 8.5) - 2.5, 7)
    })
  })
  const polygon = (key: 'current' | 'potential') => path(values.map((v, i) => at(i, v[key] ?? 0)))
  page.drawSvgPath(polygon('current'), {
    x: left,
    y: top,
    color: TEAL,
    opacity: 0.35,
    borderColor: TEAL,
    borderWidth: 1.5,
  })
  page.drawSvgPath(polygon('potential'), {
    x: left,
    y: top,
    borderColor: RED,
    borderWidth: 1.5,
    borderDashArray: [5, 3],
  })
  const legendY = top - size + 24
  page.drawRectangle({
    x: left,
    y: legendY,
    width: 9,
    height: 9,
    color: TEAL,
    opacity: 0.35,
    borderColor: TEAL,
  })
  label('Huidige situatie', left + 14, legendY + 1, 8)
  page.drawRectangle({
    x: left,
    y: legendY - 14,
    width: 9,
    height: 9,
    borderColor: RED,
    borderWidth: 1,
    borderDashArray: [3, 2],
  })
  label('Potentieel', left + 14, legendY - 13, 8)
}
