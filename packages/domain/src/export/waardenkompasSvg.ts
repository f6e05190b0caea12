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

/** Characters per line of an axis label: a longer value name is broken at spaces so it stays inside the figure. */
export const KOMPAS_LABEL_CHARS = 16

/** An axis label as lines of at most KOMPAS_LABEL_CHARS characters (a longer word keeps a line of its own). */
export function kompasLabelLines(name: string): string[] {
  const lines: string[] = []
  for (const word of name.trim().split(/\s+/)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && `${last} ${word}`.length <= KOMPAS_LABEL_CHARS)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

/** Radius of score 5 as a share of the figure's size: the rest is room for the labels around it. */
export const KOMPAS_RADIUS = 0.26

export function scoredValues(kompas: Waardenkompas) {
  return kompas.values.filter((v) => v.current !== null || v.potential !== null).slice(0, KOMPAS_MAX_AXES)
}

export function waardenkompasSvg(kompas: Waardenkompas, size = 520): string {
  const values = scoredValues(kompas)
  const c = size / 2
  const radius = size * KOMPAS_RADIUS
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
      // One <text> per line, centred on the axis end; lines stack upwards above the top and downwards below it.
      const lines = kompasLabelLines(v.name)
      const first = ly < c - 1 ? -(lines.length - 1) * 14 : ly > c + 1 ? 0 : (-(lines.length - 1) * 14) / 2
      const text = lines
        .map(
          (line, n) =>
            `<text x="${fmt(lx)}" y="${fmt(ly + first + n * 14)}" text-anchor="${anchor}" dominant-baseline="middle">${escapeXml(line)}</text>`,
        )
        .join('')
      // The group's title names the whole value, for screen readers and for text search in the figure; as element
      // text, not an attribute, like every other user string in the SVG.
      return `<line x1="${c}" y1="${c}" x2="${end.split(',')[0]}" y2="${end.split(',')[1]}" stroke="#999"/><g><title>${escapeXml(v.name)}</title>${text}</g>`
    })
    .join('')
  const polygon = (key: 'current' | 'potential') => values.map((v, i) => point(i, v[key] ?? 0)).join(' ')
  const legend = `<g transform="translate(12 ${size - 40})"><rect width="12" height="12" fill="#1f6f8b" fill-opacity="0.35" stroke="#1f6f8b"/><text x="18" y="10">Huidige situatie</text><rect y="18" width="12" height="12" fill="none" stroke="#c0392b" stroke-dasharray="4 2"/><text x="18" y="28">Potentieel</text></g>`
  return `${head}${rings}${axes}<polygon points="${polygon('current')}" fill="#1f6f8b" fill-opacity="0.35" stroke="#1f6f8b" stroke-width="2"/><polygon points="${polygon('potential')}" fill="none" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 3"/>${legend}</svg>`
}
