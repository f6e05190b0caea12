import { loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient, tokenOf } from '../harness.ts'
import { prepareAttack } from './attack.ts'
import { type Frame, generateFrames, touchesDoc } from './frames.ts'
import { stateOf } from './roomHarness.ts'
import { fuzzSeeds, loadRegressions, saveRegression } from './seeds.ts'
import { type ServerProcess, startServerProcess } from './serverProcess.ts'

// Seeded fuzzing through the real server and real sockets: refused frames on one board (its stored state must
// only ever hold what the honest clients wrote), decodable updates on another, honest clients timed throughout.
//
// Who runs where, so that the test's own CPU use is not charged to the server: the server is the production entry
// point in a process of its own, the attacker another process, each in a session of its own (the kernel shares CPU
// between sessions); the honest clients are here. Each seed first measures the honest clients alone (the baseline),
// then during its attack, so both see the machine as loaded at that moment. The attacker's processes are started and
// handed their frames before the attack phase's measurement starts (that is the test's work, not the attack's).
const MAX_MESSAGE_BYTES = 64 * 1024
const FRAMES_PER_SEED = 12_500
const seeds = fuzzSeeds([101, 202, 303, 404, 505, 606, 707, 808])
/**
 * The honest writer's pace, and how many of its edits a baseline takes (the attack phase lasts as long as the attack,
 * ~16 s with admission control). Four seconds a seed: with two, the pooled baseline covered 16 s against the
 * attacks' 125, and whether those 16 s happened to miss the bursts of whatever else the machine was running decided
 * the ratio more than the attack did.
 */
const EDIT_EVERY_MS = 25
const BASELINE_EDITS = 160
/** The issue's figure: honest p99 during the attack at most this many times the baseline. */
const ISSUE_P99_RATIO = 2

let srv: ServerProcess
let honest: TestClient[] = []
let urlA = ''
let urlB = ''
let boardA = ''

beforeAll(async () => {
  srv = await startServerProcess({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) })
  const a = await srv.createBoard('fuzz A')
  const b = await srv.createBoard('fuzz B')
  boardA = a.id
  urlA = `${srv.wsUrl}/sync/${a.id}?token=${tokenOf(a.links.participant)}`
  urlB = `${srv.wsUrl}/sync/${b.id}?token=${tokenOf(b.links.participant)}`
  honest = [0, 1, 2].map(() => connectClient(srv.wsUrl, a, 'participant'))
  await Promise.all(honest.map((c) => c.synced()))
})
afterAll(async () => {
  for (const c of honest) c.destroy()
  await srv?.stop()
})

/**
 * Honest client 0 writes a timestamp every `EDIT_EVERY_MS` — `edits` of them, and on until `until` settles — the
 * others report each arrival's latency. Resolves once every edit has arrived everywhere, the last one written after
 * `until` settled (so whatever the server received before it is stored).
 */
async function honestLatencies(tag: string, edits: number, until?: Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  const [writer, ...readers] = honest
  const map = (c: TestClient) => c.doc.getMap<number>('honest')
  let sent = 0
  let settled = until === undefined
  until?.then(
    () => (settled = true),
    () => (settled = true),
  )
  let arrived = 0
  let allSent = false
  let onAllArrived = () => {}
  const everywhere = new Promise<void>((resolve) => (onAllArrived = resolve))
  const observers = readers.map((r) => {
    const observer = (event: Y.YMapEvent<number>) => {
      for (const key of event.keysChanged) {
        if (!key.startsWith(tag)) continue
        arrived++
        if (key !== `${tag}last`) samples.push(performance.now() - (map(r).get(key) ?? 0))
        if (allSent && arrived === sent * readers.length) onAllArrived()
      }
    }
    map(r).observe(observer)
    return observer
  })
  const timeout = setTimeout(() => onAllArrived(), 60_000)
  try {
    while (sent < edits || !settled) {
      map(writer!).set(`${tag}${sent++}`, performance.now())
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS)) // pacing the edits, not synchronisation
    }
    map(writer!).set(`${tag}last`, performance.now())
    sent++
    allSent = true
    if (arrived === sent * readers.length) onAllArrived()
    await everywhere
    expect(arrived, `${tag}: arrivals`).toBe(sent * readers.length)
  } finally {
    clearTimeout(timeout)
    for (const [i, r] of readers.entries()) map(r).unobserve(observers[i]!)
  }
  return samples
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1]!
const p99 = (xs: number[]) => quantile(xs, 0.99)
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function storedState(boardId: string): Promise<string> {
  const stored = await srv.storage.loadDoc(boardId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u.data)
  const state = stateOf(doc)
  doc.destroy()
  return state
}

/** Runs one seed's frames and checks the invariants; returns what the honest clients measured meanwhile. */
async function runFrames(frames: Frame[], tag: string) {
  const refusedOnly = frames.filter((f) => !touchesDoc(f.bytes))
  const docFrames = frames.filter((f) => touchesDoc(f.bytes))
  const [onA, onB] = await Promise.all([
    prepareAttack(urlA, refusedOnly, 2),
    prepareAttack(urlB, docFrames, 1),
  ])
  const started = performance.now()
  const cpuBefore = srv.cpuSeconds()
  const attacks = Promise.all([onA.start(), onB.start()])
  const latencies = await honestLatencies(tag, 40, attacks)
  const outcomes = await attacks
  const seconds = (performance.now() - started) / 1000
  const cpu = srv.cpuSeconds() - cpuBefore
  // Every frame went out (each connection also ends with one of unknown type).
  const connections = outcomes[0].connections + outcomes[1].connections
  expect(outcomes[0].frames + outcomes[1].frames).toBe(frames.length + connections)
  expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  // Board A holds exactly what the honest clients wrote: no refused frame reached its storage. The honest clients'
  // last edit was written after the attack ended, and is relayed only once it and all before it are stored.
  expect(await storedState(boardA)).toBe(stateOf(honest[0]!.doc))
  return { latencies, outcomes, seconds, connections, cpu }
}

describe('fuzz: real server, real sockets', () => {
  const pooled = { baseline: [] as number[], attack: [] as number[] }

  it('warms the server up with a smaller attack (not measured: a fresh process compiles as it goes)', async () => {
    const run = await runFrames(generateFrames(1, 2_500, MAX_MESSAGE_BYTES), 'w-')
    expect(run.latencies.length).toBeGreaterThan(0)
  }, 60_000)

  it.each(seeds)(
    '[S6] seed %i: healthy, refused frames store nothing, honest clients keep syncing',
    async (seed) => {
      const baselineStarted = performance.now()
      const baselineCpu = srv.cpuSeconds()
      const baseline = await honestLatencies(`b${seed}-`, BASELINE_EDITS)
      /** The server's CPU use with the honest clients alone, in CPU seconds per second. */
      const baselineLoad = (srv.cpuSeconds() - baselineCpu) / ((performance.now() - baselineStarted) / 1000)
      const frames = generateFrames(seed, FRAMES_PER_SEED, MAX_MESSAGE_BYTES)
      let run: Awaited<ReturnType<typeof runFrames>>
      try {
        run = await runFrames(frames, `s${seed}-`)
      } catch (error) {
        // Crashes and stored changes become regression cases; a latency miss is a load figure, not a case.
        saveRegression('server', seed, String(error), frames)
        throw error
      }
      pooled.baseline.push(...baseline)
      pooled.attack.push(...run.latencies)
      const codes = [...run.outcomes[0].codes, ...run.outcomes[1].codes]
        .map(([c, n]) => `${c}×${n}`)
        .join(' ')
      console.info(
        `fuzz seed ${seed}: honest p99 ${p99(run.latencies).toFixed(1)} ms during the attack vs ${p99(baseline).toFixed(1)} ms before = ${(p99(run.latencies) / p99(baseline)).toFixed(2)}× (p50 ${quantile(run.latencies, 0.5).toFixed(1)} vs ${quantile(baseline, 0.5).toFixed(1)} ms; n ${run.latencies.length}/${baseline.length}); attack ${run.seconds.toFixed(1)} s, ${run.connections} connections [${codes}], ${run.outcomes[0].refusals + run.outcomes[1].refusals} refused (429); server CPU ${((100 * run.cpu) / run.seconds).toFixed(1)}% during the attack vs ${(100 * baselineLoad).toFixed(1)}% before; load ${load()}`,
      )
      // Per seed the p99 is one of a dozen largest arrivals, at the mercy of whatever else the machine runs in
      // those seconds, so this only catches a stall: two seconds without edits is starvation whatever the baseline
      // (a loaded CI machine has shown single seconds). The latency figure is judged over all seeds, below.
      expect(p99(run.latencies), `honest p99 vs baseline ${p99(baseline).toFixed(2)} ms`).toBeLessThanOrEqual(
        Math.max(10 * p99(baseline), 2000),
      )
    },
    60_000,
  )

  it('[S6] honest p99 over all attacks vs over all baselines', () => {
    expect(pooled.attack.length).toBeGreaterThanOrEqual(40 * seeds.length * (honest.length - 1))
    const ratio = p99(pooled.attack) / p99(pooled.baseline)
    console.info(
      `fuzz: honest p99 ${p99(pooled.attack).toFixed(1)} ms during the attacks vs ${p99(pooled.baseline).toFixed(1)} ms in the baselines = ${ratio.toFixed(2)}× (issue: at most ${ISSUE_P99_RATIO}×; n ${pooled.attack.length}/${pooled.baseline.length}); load ${load()}`,
    )
    // The issue's figure. An attack connection costs the server ~1–2 ms of CPU (ws, the kernel, the board), and every
    // one of these ends in a protocol violation: admission control spaces the attacker's upgrades out to one per
    // ADMISSION_MAX_DELAY_MS (50 ms), which leaves the attack a few per cent of a core instead of all of it.
    // Pooled over all seeds (thousands of arrivals, so its p99 is not one outlier).
    expect(ratio, `honest p99 vs baseline ${p99(pooled.baseline).toFixed(2)} ms`).toBeLessThanOrEqual(
      ISSUE_P99_RATIO,
    )
  })

  it('replays every saved regression case through the server', async () => {
    for (const r of loadRegressions()) await runFrames(r.frames, `r${r.seed}-`)
  }, 120_000)
})
