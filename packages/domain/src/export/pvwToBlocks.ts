import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { blocksKwaliteitstoets, blocksQuickscan, blocksWaardenkompas } from './blocksAppendix.ts'
import { blocksPartA, blocksPartB, blocksPartC } from './blocksPartsAtoC.ts'
import { blocksPartD, blocksPartE, blocksPartF } from './blocksPartsDtoF.ts'
import { type DocumentBlock, h, text } from './DocumentBlock.ts'
import { cleanText } from './escape.ts'
import { FASE_TEXT } from './labels.ts'

export type DocumentOptions = {
  /**
   * Adds the kwaliteitstoets as an annex. It is the kernteam's working list, not part of what the college adopts,
   * so the document leaves it out unless asked.
   */
  kwaliteitstoets?: boolean
}

/**
 * The whole document as format-neutral blocks: title, parts A–F, then the annexes (waardenkompas, Quickscan and,
 * when asked, the kwaliteitstoets).
 */
export function pvwToBlocks(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): DocumentBlock[] {
  return outline(pvw, options).map(cleanBlock)
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

function outline(pvw: ProgrammaVanWaarden, options: DocumentOptions): DocumentBlock[] {
  const w = pvw.werksessie
  // People's names (procesbegeleider, deelnemers) stay out of the document: who agreed to be named is not known here.
  const meta = [
    pvw.board.title,
    w?.gemeente?.trim() ? `gemeente ${w.gemeente.trim()}` : '',
    w?.datum?.trim() ? `werksessie van ${w.datum.trim()}` : '',
    pvw.board.createdAt ? `bord van ${pvw.board.createdAt.slice(0, 10)}` : '',
  ]
    .filter(Boolean)
    .join(' · ')
  return [
    h(1, `Programma van Waarden: ${pvw.gebied}`),
    text(meta, [pvw.board.id]),
    text(FASE_TEXT[pvw.fase]),
    ...blocksPartA(pvw),
    ...blocksPartB(pvw),
    ...blocksPartC(pvw),
    ...blocksPartD(pvw),
    ...blocksPartE(pvw),
    ...blocksPartF(pvw),
    ...blocksWaardenkompas(pvw),
    ...blocksQuickscan(pvw),
    ...(options.kwaliteitstoets ? blocksKwaliteitstoets(pvw) : []),
  ]
}
