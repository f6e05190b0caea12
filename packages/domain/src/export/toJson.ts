import { type ProgrammaVanWaarden, programmaVanWaardenSchema } from '../pvw/programmaVanWaardenSchema.ts'

/** Schema-versioned JSON (`format` + `version` at the top); validated on the way out so consumers can trust it. */
export function pvwToJson(pvw: ProgrammaVanWaarden): string {
  return `${JSON.stringify(programmaVanWaardenSchema.parse(pvw), null, 2)}\n`
}
