import type { Waardenkompas } from '../pvw/programmaVanWaardenSchema.ts'
import { escapeXml } from './escape.ts'

// The waardenkompas spider diagram: one axis per scored value, rings for score 1…5, the current situation as a
// filled polygon and the potential as a dashed outline. Plain SVG text, so it works in HTML, a DOCX and a browser.

const MAX = 5
const fmt = (n: number) => (Math.round(n * 10) / 10).toString()

/**
 * A spider diagram stops being readable long before it stops being drawable, so it shows at most this many
 * values, in kompas order (prioritair first); the table beside it always lists every value.
 */
export const KOMPAS_MAX_AXES = 24

export function scoredValues(kompas: Waardenkompas) {
  return kompas.values.filter((v) => v.current !== null || v.potential !== null).slice(0, KOMPAS_MAX_AXES)
}

export function waardenkompasSvg(kompas: Waardenkompas, size = 520): string {
  const values = scoredValues(kompas)
  const c = size / 2
  const radius = size * 0.3
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Waardenkompas: huidige situatie en potentieel per waarde" font-family="Helvetica, Arial, sans-serif" font-size="12">`
  if (values.length < 3) {
    return `${head}<text x="${c}" y="${c}" text-anchor="middle">Te weinig gescoorde waarden voor een kompas (minimaal 3).</text></svg>`
  }
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / values.length
  const point = (i: number, score: number) => {
    const r = (radius * Math.min(Math.max(score, 0), MAX)) / MAX
    return `${fmt(c + r * Math.cos(angle(i)))},${fmt(c + r * Math.sin(angle(i)))}`
  }
  const rings = [1, 2, 3, 4, 5]
    .map(
      (s) => `<polygon points="${values.map((_, i) => point(i, s)).join(' ')}" fill="none" stroke="#ccc"/>`,
    )
    .join('')
  const axes = values
    .map((v, i) => {
      const end = point(i, MAX)
      const lx = c + (radius + 14) * Math.cos(angle(i))
      const ly = c + (radius + 14) * Math.sin(angle(i))
      const anchor = Math.abs(lx - c) < 1 ? 'middle' : lx > c ? 'start' : 'end'
      return `<line x1="${c}" y1="${c}" x2="${end.split(',')[0]}" y2="${end.split(',')[1]}" stroke="#999"/><text x="${fmt(lx)}" y="${fmt(ly)}" text-anchor="${anchor}" dominant-baseline="middle">${escapeXml(v.name)}</text>`
    })
    .join('')
  const polygon = (key: 'current' | 'potential') => values.map((v, i) => point(i, v[key] ?? 0)).join(' ')
  const legend = `<g transform="translate(12 ${size - 40})"><rect width="12" height="12" fill="#1f6f8b" fill-opacity="0.35" stroke="#1f6f8b"/><text x="18" y="10">Huidige situatie</text><rect y="18" width="12" height="12" fill="none" stroke="#c0392b" stroke-dasharray="4 2"/><text x="18" y="28">Potentieel</text></g>`
  return `${head}${rings}${axes}<polygon points="${polygon('current')}" fill="#1f6f8b" fill-opacity="0.35" stroke="#1f6f8b" stroke-width="2"/><polygon points="${polygon('potential')}" fill="none" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 3"/>${legend}</svg>`
}
