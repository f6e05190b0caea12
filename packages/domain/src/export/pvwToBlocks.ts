import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { blocksKwaliteitstoets, blocksQuickscan, blocksWaardenkompas } from './blocksAppendix.ts'
import { blocksPartA, blocksPartB, blocksPartC } from './blocksPartsAtoC.ts'
import { blocksPartD, blocksPartE, blocksPartF } from './blocksPartsDtoF.ts'
import { type DocumentBlock, h, text } from './DocumentBlock.ts'
import { cleanText } from './escape.ts'

/** The whole document as format-neutral blocks: title, parts A–F, then waardenkompas, Quickscan and toets. */
export function pvwToBlocks(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  return outline(pvw).map(cleanBlock)
}

/** Cleaned once here, so the Markdown, HTML and DOCX exports all carry the same text. */
function cleanBlock(block: DocumentBlock): DocumentBlock {
  switch (block.kind) {
    case 'heading':
      return { ...block, text: cleanText(block.text) }
    case 'paragraph':
      return {
        ...block,
        text: cleanText(block.text),
        ...(block.label ? { label: cleanText(block.label) } : {}),
      }
    case 'list':
      return { ...block, items: block.items.map((i) => ({ ...i, text: cleanText(i.text) })) }
    case 'table':
      return {
        ...block,
        header: block.header.map(cleanText),
        rows: block.rows.map((r) => ({ ...r, cells: r.cells.map(cleanText) })),
      }
    case 'kompas':
      return block
  }
}

function outline(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  const meta = [pvw.board.title, pvw.board.createdAt ? `bord van ${pvw.board.createdAt.slice(0, 10)}` : '']
    .filter(Boolean)
    .join(' · ')
  return [
    h(1, `Programma van Waarden: ${pvw.gebied}`),
    text(meta, [pvw.board.id]),
    ...blocksPartA(pvw),
    ...blocksPartB(pvw),
    ...blocksPartC(pvw),
    ...blocksPartD(pvw),
    ...blocksPartE(pvw),
    ...blocksPartF(pvw),
    ...blocksWaardenkompas(pvw),
    ...blocksQuickscan(pvw),
    ...blocksKwaliteitstoets(pvw),
  ]
}
