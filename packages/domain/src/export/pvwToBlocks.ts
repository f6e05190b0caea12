import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { blocksKwaliteitstoets, blocksQuickscan, blocksWaardenkompas } from './blocksAppendix.ts'
import { blocksPartA, blocksPartB, blocksPartC } from './blocksPartsAtoC.ts'
import { blocksPartD, blocksPartE, blocksPartF } from './blocksPartsDtoF.ts'
import { type DocumentBlock, h, text } from './DocumentBlock.ts'

/** The whole document as format-neutral blocks: title, parts A–F, then waardenkompas, Quickscan and toets. */
export function pvwToBlocks(pvw: ProgrammaVanWaarden): DocumentBlock[] {
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
