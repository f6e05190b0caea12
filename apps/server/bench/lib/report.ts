/** One line of the results table: a figure next to its target, with the same-run baseline where there is one. */
export type Row = {
  bench: string
  metric: string
  measured: string
  baseline: string
  target: string
  pass: boolean | null
}

export type BenchResult = { rows: Row[]; data: Record<string, unknown> }
export type BenchOptions = {
  quick: boolean
  /** Parts of a benchmark to run (`--parts a,c`); all when absent. */
  parts?: string[]
  /** Open/close cycles for the memory benchmark's RSS part (`--cycles 10000`). */
  cycles?: number
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : 'n/a')
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
export const pct = (share: number) => `${(share * 100).toFixed(1)}% core`

export function table(rows: Row[]): string {
  const head = ['Benchmark', 'Metric', 'Measured', 'Baseline (same run)', 'Target', 'Pass']
  const body = rows.map((r) => [
    r.bench,
    r.metric,
    r.measured,
    r.baseline,
    r.target,
    r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL',
  ])
  const lines = [head, head.map(() => '---'), ...body]
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
