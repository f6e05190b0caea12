/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs'
import { pvwToDocx } from './export/toDocx.ts'
import { pvwToHtml } from './export/toHtml.ts'
import { pvwToJson } from './export/toJson.ts'
import { pvwToMarkdown } from './export/toMarkdown.ts'
import { pvwToPdf } from './export/toPdf.ts'
import { isMethodPhase, METHOD_PHASES, type MethodPhase } from './phases/phases.ts'
import { programmaVanWaardenFromSnapshot } from './pvw/buildProgrammaVanWaarden.ts'

// Thin I/O shell around the pure library: read a board snapshot, write a Programma van Waarden.
// Exit codes: 0 ok, 2 bad usage or invalid input. Errors are converted to a message here and nowhere else.

const FORMATS = ['md', 'json', 'docx', 'html', 'pdf'] as const
type Format = (typeof FORMATS)[number]

const USAGE =
  'Gebruik: pvw <snapshot.json> --format md|json|docx|html|pdf [--out bestand] [--kwaliteitstoets] [--fase fase]'

class CliError extends Error {
  readonly code = 2
}

type Args = {
  input: string
  format: Format
  out: string | null
  kwaliteitstoets: boolean
  /** The project's phase, which decides the checks of the kwaliteitstoets (else the snapshot's own, if any). */
  fase: MethodPhase | undefined
}

function parseArgs(argv: readonly string[]): Args {
  let input: string | null = null
  let format: string | null = null
  let out: string | null = null
  // The kwaliteitstoets is the kernteam's working list: an annex only on request (docs/board-schema.md, PV-D).
  let kwaliteitstoets = false
  let fase: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--format' || arg === '-f') format = argv[++i] ?? null
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg === '--out' || arg === '-o') out = argv[++i] ?? null
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length)
    else if (arg === '--kwaliteitstoets') kwaliteitstoets = true
    else if (arg === '--fase') fase = argv[++i] ?? ''
    else if (arg.startsWith('--fase=')) fase = arg.slice('--fase='.length)
    else if (arg.startsWith('-')) throw new CliError(`Onbekende optie ${arg}.\n${USAGE}`)
    else if (input === null) input = arg
    else throw new CliError(`Eén snapshot tegelijk.\n${USAGE}`)
  }
  if (!input) throw new CliError(USAGE)
  if (!format || !(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`Kies --format uit ${FORMATS.join(', ')}.\n${USAGE}`)
  }
  if (fase !== undefined && !isMethodPhase(fase)) {
    throw new CliError(`Kies --fase uit ${METHOD_PHASES.join(', ')}.\n${USAGE}`)
  }
  return { input, format: format as Format, out, kwaliteitstoets, fase }
}

async function main(argv: readonly string[]): Promise<void> {
  const { input, format, out, kwaliteitstoets, fase } = parseArgs(argv)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(input, 'utf8'))
  } catch (error) {
    throw new CliError(`Kan ${input} niet lezen als JSON: ${(error as Error).message}`)
  }
  const result = programmaVanWaardenFromSnapshot(json, fase ? { procesfase: fase } : {})
  if (!result.ok) {
    throw new CliError(
      `${result.error.message.nl} (${result.error.code})\n${result.error.details.map((d) => `  - ${d}`).join('\n')}`,
    )
  }
  const { pvw } = result
  const options = { kwaliteitstoets }
  const output: string | Uint8Array =
    format === 'md'
      ? pvwToMarkdown(pvw, options)
      : format === 'json'
        ? pvwToJson(pvw)
        : format === 'html'
          ? pvwToHtml(pvw, options)
          : format === 'pdf'
            ? await pvwToPdf(pvw, options)
            : await pvwToDocx(pvw, options)
  if (out) writeFileSync(out, output)
  else process.stdout.write(output)
  const findings = [...pvw.invoer, ...pvw.kwaliteitstoets]
  const errors = findings.filter((f) => f.severity === 'error').length
  process.stderr.write(
    `${findings.length} bevinding(en), waarvan ${errors} fout(en)${out ? `; geschreven naar ${out}` : ''}\n`,
  )
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = error instanceof CliError ? error.code : 1
})
