/** Longest side of the image a PDF map's page is rendered to (the server keeps at most `ASSET_MAX_PIXELS`, 4096). */
const PAGE_PIXELS = 4096

/**
 * Renders the first page of a PDF (an area map) to a PNG in the browser with pdfjs-dist, loaded only when a PDF is
 * added. The PDF itself is uploaded too and named in the image's asset record.
 */
export async function pdfFirstPage(pdf: File): Promise<File> {
  const pdfjs = await import('pdfjs-dist')
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default
  const task = pdfjs.getDocument({ data: new Uint8Array(await pdf.arrayBuffer()) })
  const doc = await task.promise
  try {
    const page = await doc.getPage(1)
    const base = page.getViewport({ scale: 1 })
    const scale = Math.min(4, PAGE_PIXELS / Math.max(base.width, base.height))
    const viewport = page.getViewport({ scale })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(viewport.width)
    canvas.height = Math.round(viewport.height)
    await page.render({ canvas, viewport, background: 'white' }).promise
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('the page could not be drawn')
    return new File([blob], `${pdf.name.replace(/\.pdf$/i, '')}.png`, { type: 'image/png' })
  } finally {
    await task.destroy()
  }
}
