import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream } from 'pdf-lib'

// Reads back the text of a PDF made by `pvwToPdf`, with pdf-lib itself: pdf-lib writes every drawn line as one
// WinAnsi hex string (`<…> Tj`) in the page's content streams. For tests of the documents, not a general reader.

function streamsOf(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents()
  const all =
    contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents]
  return all.filter((s): s is PDFRawStream => s instanceof PDFRawStream)
}

/** The text drawn on each page, one string per drawn line. */
export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes)
  const winAnsi = new TextDecoder('windows-1252')
  return doc.getPages().map((page) =>
    streamsOf(page).flatMap((s) => {
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode())
      return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
        winAnsi.decode(Uint8Array.from(m[1]!.match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
      )
    }),
  )
}
