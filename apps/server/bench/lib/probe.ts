import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type ELDHistogram,
  monitorEventLoopDelay,
  type PerformanceEntry,
  PerformanceObserver,
} from 'node:perf_hooks'
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from 'node:v8'
import { wallNow } from './stats.ts'

/** A request from the bench to a child process over IPC, answered with `{ id, ok, result | error }`. */
export type ProbeRequest = { id: number; type: string; arg?: unknown }
export type ProbeHandler = (arg: unknown) => unknown

/**
 * Lets the bench ask a child process (our server or the reference server) for its own
 * `process.cpuUsage()` and memory, and collect garbage first when run with --expose-gc.
 */
export function installProbe(handlers: Record<string, ProbeHandler> = {}): void {
  const pauses = watchPauses()
  const all: Record<string, ProbeHandler> = {
    /** GC pauses and event-loop delay since the previous call (the first call starts the count). */
    pauses: () => pauses.take(),
    stats: () => ({ cpu: process.cpuUsage(), memory: process.memoryUsage(), at: wallNow() }),
    gc: () => {
      const gc = (globalThis as { gc?: () => void }).gc
      if (!gc) throw new Error('run with --expose-gc')
      for (let i = 0; i < 3; i++) gc()
      return { memory: process.memoryUsage(), at: wallNow() }
    },
    /** After GC: memoryUsage, V8's own view (malloced, external) and the kernel's (smaps_rollup), in bytes. */
    memDetail: () => {
      const gc = (globalThis as { gc?: () => void }).gc
      if (!gc) throw new Error('run with --expose-gc')
      for (let i = 0; i < 3; i++) gc()
      return {
        memory: process.memoryUsage(),
        heap: getHeapStatistics(),
        spaces: Object.fromEntries(
          getHeapSpaceStatistics().map((s) => [
            s.space_name,
            { size: s.space_size, used: s.space_used_size },
          ]),
        ),
        smaps: smapsRollup(),
        regions: residentByRegion(),
        resources: countBy(process.getActiveResourcesInfo()),
        at: wallNow(),
      }
    },
    /** Writes a heap snapshot into `dir` (a path the bench chose) and returns its file name. */
    heapSnapshot: (arg) =>
      writeHeapSnapshot(join((arg as { dir: string }).dir, `${process.pid}-${Date.now()}.heapsnapshot`)),
    ...handlers,
  }
  process.on('message', (raw) => {
    const msg = raw as ProbeRequest
    if (typeof msg?.id !== 'number') return
    Promise.resolve()
      .then(() => {
        const handler = all[msg.type]
        if (!handler) throw new Error(`unknown probe request ${msg.type}`)
        return handler(msg.arg)
      })
      .then(
        (result) => process.send?.({ id: msg.id, ok: true, result }),
        (error: unknown) => process.send?.({ id: msg.id, ok: false, error: String(error) }),
      )
  })
}

export type Pauses = {
  /** Main-thread GC pauses: count and total/longest duration, by kind (scavenge, mark-compact, …). */
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>
  /** How late the event loop ran a 1 ms timer: percentiles in ms. */
  loopDelay: { p50: number; p99: number; max: number }
}

const GC_KINDS: Record<number, string> = {
  1: 'scavenge',
  2: 'minor-mark-sweep',
  4: 'mark-compact',
  8: 'incremental',
  16: 'weak-callbacks',
}

/** Collects GC pauses (PerformanceObserver 'gc' entries) and event-loop delay from now on. */
function watchPauses(): { take(): Pauses } {
  let gc: Pauses['gc'] = {}
  const count = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      const kind = GC_KINDS[(entry as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other'
      const k = gc[kind] ?? { count: 0, totalMs: 0, maxMs: 0 }
      gc[kind] = k
      k.count++
      k.totalMs += entry.duration
      k.maxMs = Math.max(k.maxMs, entry.duration)
    }
  }
  const observer = new PerformanceObserver((list) => count(list.getEntries()))
  let loop: ELDHistogram | null = null
  return {
    take() {
      // Entries not yet handed to the callback (it runs later) count too.
      count(observer.takeRecords())
      observer.disconnect()
      const taken: Pauses = {
        gc,
        loopDelay: loop
          ? { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 }
          : { p50: 0, p99: 0, max: 0 },
      }
      loop?.disable()
      gc = {}
      observer.observe({ entryTypes: ['gc'] })
      loop = monitorEventLoopDelay({ resolution: 1 })
      loop.enable()
      return taken
    },
  }
}

export function emit(event: string, data: Record<string, unknown>): void {
  process.send?.({ event, at: wallNow(), ...data })
}

/** /proc/self/smaps_rollup in bytes (Rss, Anonymous, Private_Dirty, …); empty where there is no procfs. */
export function smapsRollup(): Record<string, number> {
  const out: Record<string, number> = {}
  let text: string
  try {
    text = readFileSync('/proc/self/smaps_rollup', 'utf8')
  } catch {
    return out
  }
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s+(\d+) kB$/.exec(line)
    if (m) out[m[1]!] = Number(m[2]) * 1024
  }
  return out
}

function countBy(items: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) out[item] = (out[item] ?? 0) + 1
  return out
}

/**
 * Resident bytes by kind of mapping, from /proc/self/smaps (heuristics, Linux x64): `brk` is glibc's main malloc
 * arena, `arenas` its per-thread arenas (64 MiB-aligned), `v8` V8's heap pages and their pool (256 KiB-aligned),
 * `code` anonymous executable memory (JIT), `files` mapped files, `other` the remaining anonymous memory.
 */
export function residentByRegion(): Record<string, number> {
  const out: Record<string, number> = { brk: 0, arenas: 0, v8: 0, code: 0, files: 0, other: 0 }
  let text: string
  try {
    text = readFileSync('/proc/self/smaps', 'utf8')
  } catch {
    return out
  }
  let kind = 'other'
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head) {
      const start = BigInt(`0x${head[1]}`)
      const path = head[4] ?? ''
      if (path === '[heap]') kind = 'brk'
      else if (path.startsWith('/')) kind = 'files'
      else if (path) kind = 'other'
      else if (head[3]!.includes('x')) kind = 'code'
      else if (start % 0x4000000n === 0n && start > 0x7f0000000000n) kind = 'arenas'
      else if (start % 0x40000n === 0n) kind = 'v8'
      else kind = 'other'
      continue
    }
    const rss = /^Rss:\s+(\d+) kB$/.exec(line)
    if (rss) out[kind] = (out[kind] ?? 0) + Number(rss[1]) * 1024
  }
  return out
}
