import { readFileSync } from 'node:fs'
import { readBoard } from '../../src/board/readBoard.ts'
import { buildProgrammaVanWaarden } from '../../src/pvw/buildProgrammaVanWaarden.ts'
import type { ProgrammaVanWaarden } from '../../src/pvw/programmaVanWaardenSchema.ts'

export function loadFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'))
}

export function pvwOf(snapshot: unknown): ProgrammaVanWaarden {
  const read = readBoard(snapshot)
  if (!read.ok) throw new Error(read.error.details.join('\n'))
  return buildProgrammaVanWaarden(read.board)
}
