import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import {
  blocksBaathouders,
  blocksKwaliteitstoets,
  blocksQuickscan,
  blocksWaardenkompas,
} from './blocksAppendix.ts'
import { blocksCover, type CoverOptions } from './blocksCover.ts'
import { blocksPartA, blocksPartB, blocksPartC } from './blocksPartsAtoC.ts'
import { blocksPartD, blocksPartE, blocksPartF } from './blocksPartsDtoF.ts'
import { blocksSamenvatting } from './blocksSamenvatting.ts'
import { type DocumentBlock, shortPart } from './DocumentBlock.ts'
import { parseLogo } from './documentLogo.ts'
import { cleanText } from './escape.ts'
import { KLASSE_WORDS } from './labels.ts'

export type DocumentOptions = CoverOptions & {
  /**
   * A logo for the cover as a PNG or JPEG data URL (`data:image/png;base64,…`); anything else is ignored. Only the
   * formats that can show images (HTML, DOCX, PDF) print it.
   */
  logo?: string
  /**
   * Adds the kwaliteitstoets as an annex. It is the kernteam's working list, not part of what the college adopts,
   * so the document leaves it out unless asked.
   */
  kwaliteitstoets?: boolean
  /** Blocks a caller adds after part F: a frozen version's intentieverklaring, signatures and history (issue #19). */
  afterParts?: readonly DocumentBlock[]
}

/**
 * The whole document as format-neutral blocks: the cover, the bestuurlijke samenvatting, parts A–F, then the
 * annexes (waardenkompas, baathouders, Quickscan and, when asked, the kwaliteitstoets).
 */
export function pvwToBlocks(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}): DocumentBlock[] {
  return pvwDocument(pvw, options).blocks
}

/**
 * The document with what only some formats can show: the cover's logo, and how many blocks the cover and the
 * samenvatting take, so a paged format can start part A on a new page.
 */
export function pvwDocument(pvw: ProgrammaVanWaarden, options: DocumentOptions = {}) {
  const { blocks, firstPageBlocks } = outline(pvw, options)
  return { blocks: blocks.map(cleanBlock), firstPageBlocks, logo: parseLogo(options.logo) }
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

/** What each part still needs, in one line, when it is empty (handreiking, "Opbouw en tips" per part). */
function nogTeDoen(pvw: ProgrammaVanWaarden): Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string> {
  const hoofd = KLASSE_WORDS[pvw.fase].hoofd.toLowerCase()
  return {
    A: 'de gebiedsambitie formuleren: wat dit gebied maatschappelijk moet betekenen, voor wie, en wat we hier níet doen.',
    B: `de ${hoofd} kiezen, met hun ambities, en de spanningen tussen waarden benoemen en wegen.`,
    C: 'vastleggen wat de leefwereld heeft opgehaald en welke afspraken over betrokkenheid gelden.',
    D: `baathouders in de schillen zetten en aan de ${hoofd} koppelen; wie wordt shareholder?`,
    E: 'de principes vastleggen voor samenwerken, sturen (welk instrument wanneer) en rekenen.',
    F: 'kernindicatoren, de ondertekenaars van de intentieverklaring en de borging vastleggen.',
  }
}

/** Parts A–F as the document prints them; `leeg` when nothing in the part is filled in. */
function partBlocks(pvw: ProgrammaVanWaarden) {
  const todo = nogTeDoen(pvw)
  return (
    [
      ['A', blocksPartA],
      ['B', blocksPartB],
      ['C', blocksPartC],
      ['D', blocksPartD],
      ['E', blocksPartE],
      ['F', blocksPartF],
    ] as const
  ).map(([letter, build]) => ({ letter, ...shortPart(build(pvw), todo[letter]) }))
}

/** The parts of the document with nothing filled in (the phase move to *vastgesteld* requires none). */
export function emptyParts(pvw: ProgrammaVanWaarden): ('A' | 'B' | 'C' | 'D' | 'E' | 'F')[] {
  return partBlocks(pvw)
    .filter((p) => p.leeg)
    .map((p) => p.letter)
}

function outline(pvw: ProgrammaVanWaarden, options: DocumentOptions) {
  const parts = partBlocks(pvw)
  const cover = blocksCover(pvw, options)
  const samenvatting = blocksSamenvatting({
    pvw,
    legeDelen: parts.filter((p) => p.leeg).map((p) => p.letter),
    status: options.status ?? 'concept',
  })
  return {
    blocks: [
      ...cover,
      ...samenvatting,
      ...parts.flatMap((p) => p.blocks),
      ...(options.afterParts ?? []),
      ...blocksWaardenkompas(pvw),
      ...blocksBaathouders(pvw),
      ...blocksQuickscan(pvw),
      ...(options.kwaliteitstoets ? blocksKwaliteitstoets(pvw) : []),
    ],
    firstPageBlocks: cover.length + samenvatting.length,
  }
}
