import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The V8 flags the server runs with in production (`apps/server/node-flags`, read by `npm start` too), for
 * whatever starts the server process otherwise (tests, benchmarks): one list, so they measure what runs.
 * `--max-semi-space-size=16`: V8 sizes the young generation from the machine's memory (up to 2 × 64 MiB here) and
 * keeps it once grown; 16 MiB semi-spaces keep ~80–95 MiB less resident and RSS flat over open/close cycles, at a CPU
 * cost within the benchmark's noise (`--only memory --parts c,d`; docs/performance.md).
 */
export const NODE_FLAGS: readonly string[] = readFileSync(join(import.meta.dirname, '../node-flags'), 'utf8')
  .split(/\s+/)
  .filter(Boolean)
