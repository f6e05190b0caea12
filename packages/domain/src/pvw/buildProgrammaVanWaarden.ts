import type { BoardModel } from '../board/BoardModel.ts'
import { type ReadBoardResult, readBoard } from '../board/readBoard.ts'
import { buildPartA } from './buildPartA.ts'
import { buildPartB } from './buildPartB.ts'
import { buildPartC } from './buildPartC.ts'
import { buildPartD } from './buildPartD.ts'
import { buildPartE } from './buildPartE.ts'
import { buildPartF } from './buildPartF.ts'
import { buildQuickscan } from './buildQuickscan.ts'
import { buildWaardenkompas } from './buildWaardenkompas.ts'
import {
  FASEN,
  type Fase,
  type PartB,
  type ProgrammaVanWaarden,
  PVW_FORMAT,
  PVW_VERSION,
} from './programmaVanWaardenSchema.ts'
import { runKwaliteitstoets } from './runKwaliteitstoets.ts'

/** The area's name: what the workshop says, else the schillen diagram's centre, else the board title. */
function gebiedsnaam(board: BoardModel): string {
  const fromDiagram = board.schillen.map((s) => s.props.areaName.trim()).find(Boolean)
  return board.workshop?.gebied?.trim() || fromDiagram || board.title
}

/**
 * The phase the board is in. The workshop may say so (`workshop.fase`, docs/board-schema.md); otherwise the
 * board is in the Kansenanalyse once the waardenkompas can be drawn from it: there are sturende values and every
 * sturende and meekoppel value has both its scores (current situation and potential), which the handreiking
 * collects in the Kansenanalyse. Before that it is the Quickscan.
 */
export function faseOf(board: BoardModel, b: PartB): Fase {
  const said = board.workshop?.fase
  if (typeof said === 'string' && (FASEN as readonly string[]).includes(said)) return said as Fase
  const cards = new Map(board.valueCards.map((c) => [c.id, c.props]))
  const scored = [...b.prioritair, ...b.secundair].every((v) => {
    const props = cards.get(v.valueId)
    return props?.scoreCurrent != null && props.scorePotential != null
  })
  return b.prioritair.length > 0 && scored ? 'kansenanalyse' : 'quickscan'
}

/** Builds the Programma van Waarden, waardenkompas, Quickscan and kwaliteitstoets from a read board. */
export function buildProgrammaVanWaarden(board: BoardModel): ProgrammaVanWaarden {
  const gebied = gebiedsnaam(board)
  const B = buildPartB(board)
  const parts = {
    A: buildPartA(board),
    B,
    C: buildPartC(board),
    D: buildPartD(board, B),
    E: buildPartE(board),
    F: buildPartF(board),
  }
  return {
    format: PVW_FORMAT,
    version: PVW_VERSION,
    board: { id: board.id, title: board.title, createdAt: board.createdAt },
    gebied,
    fase: faseOf(board, B),
    werksessie: board.workshop,
    ...parts,
    waardenkompas: buildWaardenkompas(board, B),
    quickscan: buildQuickscan(board, B, gebied),
    kwaliteitstoets: runKwaliteitstoets(board, parts),
    invoer: board.issues,
  }
}

export type PvwFromSnapshotResult =
  | { ok: true; pvw: ProgrammaVanWaarden }
  | Extract<ReadBoardResult, { ok: false }>

/** Snapshot JSON (unknown) in, Programma van Waarden out. Fails only when the input is not a board at all. */
export function programmaVanWaardenFromSnapshot(input: unknown): PvwFromSnapshotResult {
  const read = readBoard(input)
  return read.ok ? { ok: true, pvw: buildProgrammaVanWaarden(read.board) } : read
}
