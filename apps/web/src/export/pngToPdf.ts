import { PDFDocument } from 'pdf-lib'

// A4 in PDF points (1/72 inch); the image is fitted inside a margin, on a page turned the image's way.
const A4_LONG = 841.89
const A4_SHORT = 595.28
const MARGIN = 28

/** One A4 page holding a PNG image, fitted and centred; the title goes into the document's properties. */
export async function pngToPdf(
  png: ArrayBuffer | Uint8Array,
  meta: { title: string; date: Date },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(meta.title)
  pdf.setCreator('Waardentafel')
  pdf.setCreationDate(meta.date)
  pdf.setModificationDate(meta.date)
  const image = await pdf.embedPng(png)
  const [width, height] = image.width >= image.height ? [A4_LONG, A4_SHORT] : [A4_SHORT, A4_LONG]
  const page = pdf.addPage([width, height])
  const scale = Math.min((width - 2 * MARGIN) / image.width, (height - 2 * MARGIN) / image.height)
  const drawn = { width: image.width * scale, height: image.height * scale }
  page.drawImage(image, { x: (width - drawn.width) / 2, y: (height - drawn.height) / 2, ...drawn })
  return pdf.save()
}
