import type { DocumentBlock, PerSchil } from './DocumentBlock.ts'

// "Betrokkenheid per schil per waarde" drawn: four small bars, schil 1 (closest to the area) to schil 4, each as
// long as its count relative to the largest count in the table, so rows can be compared at a glance. The numbers
// stay beside the bars, for readers who cannot see them and for exact values.

/** One colour per schil, dark to light as the rings move away from the area; shared by HTML, DOCX and PDF. */
export const SCHIL_COLOURS = ['1f6f8b', '4b94ad', '83b9cb', 'b9d9e3'] as const

export const PER_SCHIL_BAR_WIDTH = 90

/** The largest count in a table's per-schil rows (at least 1), the scale of all its bars. */
export function perSchilScale(block: Extract<DocumentBlock, { kind: 'table' }>): number {
  return Math.max(1, ...block.rows.flatMap((r) => (r.perSchil ? [...r.perSchil] : [])))
}

/** The bar length of `count` on a scale of `max`, in units of `width`; a non-zero count is always visible. */
export function barLength(count: number, max: number, width = PER_SCHIL_BAR_WIDTH): number {
  return count <= 0 ? 0 : Math.max(2, Math.round((width * Math.min(count, max)) / max))
}

export function perSchilLabel(counts: PerSchil): string {
  return `Baathouders per schil: ${counts.map((n, i) => `schil ${i + 1}: ${n}`).join(', ')}`
}

/** Four horizontal bars as inline SVG, one per schil. */
export function perSchilSvg(counts: PerSchil, max: number): string {
  const bar = 5
  const gap = 2
  const height = 4 * bar + 3 * gap
  const bars = counts
    .map(
      (n, i) =>
        `<rect x="0" y="${i * (bar + gap)}" width="${barLength(n, max)}" height="${bar}" fill="#${SCHIL_COLOURS[i]}"/>`,
    )
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" class="schillen" width="${PER_SCHIL_BAR_WIDTH}" height="${height}" viewBox="0 0 ${PER_SCHIL_BAR_WIDTH} ${height}" role="img" aria-label="${perSchilLabel(counts)}">${bars}</svg>`
}
