import { encode } from 'fast-png'

// docx requires a raster fallback next to an SVG image, for Word versions without SVG support. Drawing the chart
// would need a rasteriser; the fallback is a plain framed panel instead, because the figures table follows the
// image in every export and carries the same information.

// The panel depends on its size only, and deflating its pixels (811 KB at 520 px) took ~5% of a large DOCX
// export, so the last size asked for is kept encoded. Callers get a copy, so one that changes the bytes changes
// no other export.
let last: { size: number; png: Uint8Array } | undefined

export function waardenkompasPng(size: number): Uint8Array {
  if (last?.size !== size) last = { size, png: encodePanel(size) }
  return last.png.slice()
}

function encodePanel(size: number): Uint8Array {
  const data = new Uint8Array(size * size * 3).fill(255)
  for (let i = 0; i < size; i++) {
    for (const [x, y] of [
      [i, 0],
      [i, size - 1],
      [0, i],
      [size - 1, i],
    ] as const) {
      data.fill(160, (y * size + x) * 3, (y * size + x) * 3 + 3)
    }
  }
  return encode({ width: size, height: size, data, channels: 3, depth: 8 })
}
