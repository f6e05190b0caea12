import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Failing cases of the write-policy property test, kept as files: each is replayed by every later run.

const dir = join(import.meta.dirname, 'regressions', 'policy')

export type PolicyRegression = { seed: number; path: string; counterexample: string; failure: string }

export function savePolicyRegression(r: PolicyRegression): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `policy-seed-${r.seed}.json`)
  writeFileSync(file, `${JSON.stringify(r, null, 1)}\n`)
  return file
}

export function loadPolicyRegressions(): (PolicyRegression & { file: string })[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('policy-') && f.endsWith('.json'))
    .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as PolicyRegression) }))
}
