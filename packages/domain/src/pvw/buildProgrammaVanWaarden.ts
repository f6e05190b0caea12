import type { BoardModel } from '../board/BoardModel.ts'
import { type ReadBoardResult, readBoard } from '../board/readBoard.ts'
import type { MethodPhase } from '../phases/phases.ts'
import { buildPartA } from './buildPartA.ts'
import { buildPartB } from './buildPartB.ts'
import { buildPartC } from './buildPartC.ts'
import { buildPartD } from './buildPartD.ts'
import { buildPartE } from './buildPartE.ts'
import { buildPartF } from './buildPartF.ts'
import { buildQuickscan } from './buildQuickscan.ts'
import { buildWaardenkompas } from './buildWaardenkompas.ts'
import { faseOf, gebiedsfaseOf, procesfaseOf } from './faseOf.ts'
import { type ProgrammaVanWaarden, PVW_FORMAT, PVW_VERSION } from './programmaVanWaardenSchema.ts'
import { runKwaliteitstoets } from './runKwaliteitstoets.ts'

/** The area's name: what the workshop says, else the schillen diagram's centre, else the board title. */
function gebiedsnaam(board: BoardModel): string {
  const fromDiagram = board.schillen.map((s) => s.props.areaName.trim()).find(Boolean)
  return board.workshop?.gebied?.trim() || fromDiagram || board.title
}

/**
 * What the document prints of the workshop. People's names (procesbegeleider, deelnemers) and keys we do not know
 * stay in the board's snapshot: the PvW is handed on and published, and who agreed to be named is not known here.
 */
function werksessie(board: BoardModel): ProgrammaVanWaarden['werksessie'] {
  const w = board.workshop
  if (!w) return null
  const { gemeente, gebied, datum } = w
  return {
    ...(gemeente !== undefined ? { gemeente } : {}),
    ...(gebied !== undefined ? { gebied } : {}),
    ...(datum !== undefined ? { datum } : {}),
  }
}

export type BuildOptions = {
  /** The project's phase as the caller recorded it; overrides `workshop.fase`. `null`: not known. */
  procesfase?: MethodPhase | null
  /** The date (`yyyy-mm-dd`) monitoring is reported on; else the workshop's date, else none (nothing overdue). */
  asOf?: string
}

/** Builds the Programma van Waarden, waardenkompas, Quickscan and kwaliteitstoets from a read board. */
export function buildProgrammaVanWaarden(board: BoardModel, options: BuildOptions = {}): ProgrammaVanWaarden {
  const gebied = gebiedsnaam(board)
  const procesfase = options.procesfase !== undefined ? options.procesfase : procesfaseOf(board)
  const datum = board.workshop?.datum
  const asOf =
    options.asOf ?? (typeof datum === 'string' && /^\d{4}-\d{2}-\d{2}/.test(datum) ? datum.slice(0, 10) : '')
  const B = buildPartB(board)
  const parts = {
    A: buildPartA(board),
    B,
    C: buildPartC(board),
    D: buildPartD(board, B),
    E: buildPartE(board),
    F: buildPartF(board, B, asOf),
  }
  return {
    format: PVW_FORMAT,
    version: PVW_VERSION,
    board: { id: board.id, title: board.title, createdAt: board.createdAt },
    gebied,
    fase: faseOf(board, B, procesfase),
    procesfase,
    gebiedsfase: gebiedsfaseOf(board),
    werksessie: werksessie(board),
    ...parts,
    waardenkompas: buildWaardenkompas(board, B),
    quickscan: buildQuickscan(board, B, gebied),
    kwaliteitstoets: runKwaliteitstoets(board, parts, procesfase),
    invoer: board.issues,
  }
}

export type PvwFromSnapshotResult =
  | { ok: true; pvw: ProgrammaVanWaarden }
  | Extract<ReadBoardResult, { ok: false }>

/** Snapshot JSON (unknown) in, Programma van Waarden out. Fails only when the input is not a board at all. */
export function programmaVanWaardenFromSnapshot(
  input: unknown,
  options: BuildOptions = {},
): PvwFromSnapshotResult {
  const read = readBoard(input)
  return read.ok ? { ok: true, pvw: buildProgrammaVanWaarden(read.board, options) } : read
}
