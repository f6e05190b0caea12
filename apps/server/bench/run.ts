import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { attack } from './attack.ts'
import { bewonersavond } from './bewonersavond.ts'
import { coldOpen } from './coldOpen.ts'
import { fanOut } from './fanOut.ts'
import { type BenchOptions, type BenchResult, type Row, table } from './lib/report.ts'
import { manyBoards } from './manyBoards.ts'
import { memory } from './memory.ts'
import { multiInstance } from './multiInstance.ts'
import { storage } from './storage.ts'

// `node apps/server/bench/run.ts [--quick] [--only name] [--parts a,c] [--cycles n]`: the sync server's benchmarks.
// `--parts` and `--cycles` narrow a benchmark (e.g. `--only memory --parts c --cycles 10000`: only the RSS cycles). Servers and clients run
// as separate child processes; every comparison is against a baseline measured in the same run.

const registry: Record<string, (options: BenchOptions) => Promise<BenchResult>> = {
  fanOut,
  manyBoards,
  coldOpen,
  memory,
  multiInstance,
  storage,
  // The HTTP attacks of issue #15 against a server with the limits on (`--only attack` runs it alone).
  attack,
  bewonersavond,
}

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined
const flagValue = (flag: string) => {
  const at = args.indexOf(flag)
  return at >= 0 ? args[at + 1] : undefined
}
const parts = flagValue('--parts')?.split(',')
const cyclesArg = flagValue('--cycles')
const cycles = cyclesArg === undefined ? undefined : Number(cyclesArg)
if (cycles !== undefined && !(Number.isInteger(cycles) && cycles > 0)) {
  console.error(`--cycles wants a positive whole number, not ${cyclesArg}`)
  process.exit(2)
}
if (only && !registry[only]) {
  console.error(`unknown benchmark ${only}; one of ${Object.keys(registry).join(', ')}`)
  process.exit(2)
}

// Keeps the runner alive until it exits below: a bench step that waits on something holding no handle of its own
// (e.g. an unref'd worker thread's exit, as SqliteBoardStorage.close() does) must not end the process midway.
const keepAlive = setInterval(() => {}, 60_000)
const started = new Date()
const load0 = loadavg()[0]
const rows: Row[] = []
const data: Record<string, unknown> = {}
for (const [name, bench] of Object.entries(registry)) {
  if (only && name !== only) continue
  const t0 = performance.now()
  console.error(`› ${name}${quick ? ' (quick)' : ''}`)
  try {
    const result = await bench({ quick, ...(parts ? { parts } : {}), ...(cycles ? { cycles } : {}) })
    rows.push(...result.rows)
    data[name] = { ...result.data, seconds: Math.round((performance.now() - t0) / 1000) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`  ${name} not measured: ${message}`)
    rows.push({
      bench: name,
      metric: 'not measured',
      measured: message,
      baseline: '—',
      target: '—',
      pass: null,
    })
    data[name] = { error: message }
  }
}

const results = {
  date: started.toISOString(),
  quick,
  ...(parts ? { parts } : {}),
  ...(cycles ? { cycles } : {}),
  node: process.version,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem() },
  // The machine is shared; load averages before and after show how busy it was.
  loadAverage1m: { before: load0, after: loadavg()[0] },
  rows,
  data,
}
console.log(table(rows))
const out = join(import.meta.dirname, '../../../bench-results')
mkdirSync(out, { recursive: true })
const suffix = parts ? `-${parts.join('')}` : ''
const file = join(out, only ? `server-${only}${suffix}.json` : 'server.json')
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
console.error(`wrote ${file}`)
clearInterval(keepAlive)
process.exit(0)
