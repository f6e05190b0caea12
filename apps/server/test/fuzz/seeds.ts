import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Frame, fromHex, toHex } from './frames.ts'

/** The fixed seeds every run covers, plus `FUZZ_SEED` (one number) to explore a new one. */
export function fuzzSeeds(fixed: number[]): number[] {
  const extra = process.env.FUZZ_SEED
  return extra ? [...fixed, Number(extra)] : fixed
}

const dir = join(import.meta.dirname, 'regressions')

export type Regression = {
  suite: string
  seed: number
  failure: string
  frames: { kind: string; hex: string }[]
}

/** Saves a failing seed with its frames, so `regressions.*.test.ts` replays it from then on. */
export function saveRegression(suite: string, seed: number, failure: string, frames: Frame[]): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${suite}-seed-${seed}.json`)
  const body: Regression = {
    suite,
    seed,
    failure,
    frames: frames.map((f) => ({ kind: f.kind, hex: toHex(f.bytes) })),
  }
  writeFileSync(file, `${JSON.stringify(body, null, 1)}\n`)
  return file
}

export function loadRegressions(): { file: string; seed: number; frames: Frame[] }[] {
  let files: string[] = []
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  } catch {
    return []
  }
  return files.map((file) => {
    const r = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Regression
    return {
      file,
      seed: r.seed,
      frames: r.frames.map((f) => ({ kind: f.kind as Frame['kind'], bytes: fromHex(f.hex) })),
    }
  })
}
