// Where a cold open spends its time: one board (KIND=note|wt-value-card, SHAPES=5000) seeded as seedBoard.ts does,
// then opened from a fresh profile under the CPU profiler (self time by function) and under tracing (time by
// trace event: script evaluation, compile, style, layout, paint, GC).
//   pnpm --filter @waardentafel/web exec vite build --minify false --outDir /tmp/wt-dist
//   WEB_DIST=/tmp/wt-dist node apps/web/bench/coldOpen.profile.ts
import { writeFileSync } from 'node:fs'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Page } from 'playwright-core'
import { launchChromium, startApp } from '../test/browserHarness.ts'
import { closeWithin, type Kind, returningVisitor, seedBoard, untilAllShapes } from './seedBoard.ts'

const SHAPES = Number(process.env.SHAPES ?? 5000)
const KIND = (process.env.KIND ?? 'wt-value-card') as Kind
type CpuProfile = {
  startTime: number
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    children?: number[]
  }>
  samples: number[]
  timeDeltas: number[]
}

const OPEN = { OPEN_BOARD_CREATION: 'true' } // board creation is for signed-in organisers since issue #17
const app = await startApp(process.env.WEB_DIST ? { ...OPEN, WEB_DIST: process.env.WEB_DIST } : OPEN)
const browser = await launchChromium()
try {
  const board: CreateBoardResponse = await seedBoard(browser, app.url, 'Profiel', KIND, SHAPES)

  const open = async (page: Page) => {
    const started = Date.now()
    await page.goto(board.links.observer)
    await untilAllShapes(page, SHAPES)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const ms = Date.now() - started
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
    )
    return { ms, marks }
  }
  const fresh = () => returningVisitor(browser, app.url)
  {
    // warm-up
    const { context, page } = await fresh()
    console.log('warm-up', await open(page))
    await context.close()
  }
  {
    const { context, page } = await fresh()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const result = await open(page)
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    console.log('profiled open', result)
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
    const self = new Map<string, number>()
    const byUrl = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      const n = byNode.get(id)
      if (!n) return
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
      const f = n.callFrame
      const file = f.url.split('/').pop() || '(native)'
      const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`
      self.set(key, (self.get(key) ?? 0) + dt)
      byUrl.set(file, (byUrl.get(file) ?? 0) + dt)
    })
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`)
    console.log(`--- self time by file\n${top(byUrl, 10).join('\n')}`)
    console.log(`--- self time by function\n${top(self, Number(process.env.TOP ?? 45)).join('\n')}`)
    // inclusive time for functions matching FOCUS (comma-separated names)
    const focus = (process.env.FOCUS ?? '').split(',').filter(Boolean)
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile))
    {
      const parent = new Map<number, number>()
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
      const incl = new Map<string, number>()
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
        const seen = new Set<string>()
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const name = byNode.get(cur)?.callFrame.functionName ?? ''
          if ((focus.length === 0 || focus.includes(name)) && name && !seen.has(name)) {
            seen.add(name)
            incl.set(name, (incl.get(name) ?? 0) + dt)
          }
        }
      })
      console.log(`--- inclusive\n${top(incl, Number(process.env.TOP ?? 45)).join('\n')}`)
    }
    await context.close()
  }
  {
    const { context, page } = await fresh()
    const cdp = await context.newCDPSession(page)
    const events: Array<{
      name: string
      ph: string
      dur?: number
      tid: number
      pid: number
      ts: number
      args?: unknown
    }> = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)))
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
    // WebSocket frames (the Network domain's monotonic clock is the trace's, in seconds): when the client's
    // sync step 1 left and when the server's answer had fully arrived, with its size.
    const frames: Array<[number, string]> = []
    await cdp.send('Network.enable')
    const frame =
      (dir: string) => (e: { timestamp: number; response: { opcode: number; payloadData: string } }) => {
        const bytes = e.response.opcode === 2 ? Math.floor((e.response.payloadData.length * 3) / 4) : 0
        frames.push([e.timestamp * 1e6, `ws ${dir} ${bytes} bytes`])
      }
    cdp.on('Network.webSocketFrameSent', frame('sent'))
    cdp.on('Network.webSocketFrameReceived', frame('received'))
    await cdp.send('Tracing.start', {
      categories:
        'devtools.timeline,v8,v8.execute,blink,loading,blink.user_timing,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
    await cdp.send('Profiler.start')
    const result = await open(page)
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
    await cdp.send('Tracing.end')
    await done
    console.log('traced open', result)
    // Main thread of the renderer: the thread with most CrRendererMain-ish complete events; take top-level X events.
    const tids = new Map<string, number>()
    for (const e of events)
      if (e.ph === 'X' && e.dur) tids.set(`${e.pid}:${e.tid}`, (tids.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur)
    const main = [...tids].sort((a, b) => b[1] - a[1])[0]?.[0]
    const byName = new Map<string, number>()
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || `${e.pid}:${e.tid}` !== main) continue
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000)
    }
    // The main thread's tasks over time (≥ 4 ms), each with its longest named inner events, and the page's marks.
    type Ev = (typeof events)[number] & { args?: { data?: { functionName?: string; url?: string } } }
    const onMain = (events as Ev[]).filter((e) => `${e.pid}:${e.tid}` === main)
    const marks = (events as Ev[]).filter((e) => e.name.startsWith('wt:') || e.name === 'navigationStart')
    const t0 = Math.min(...(events as Ev[]).filter((e) => e.name === 'navigationStart').map((e) => e.ts))
    const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) >= 4000)
    const lines: Array<[number, string]> = [
      ...marks.map((m): [number, string] => [m.ts, `mark ${m.name}`]),
      ...frames,
    ]
    for (const e of events as Array<Ev & { args?: { data?: { url?: string; requestId?: string } } }>) {
      if (!/^Resource(SendRequest|ReceiveResponse|Finish)$/.test(e.name)) continue
      const url = e.args?.data?.url ?? ''
      lines.push([e.ts, `${e.name} ${url ? url.split('/').pop() : (e.args?.data?.requestId ?? '')}`])
    }
    for (const task of tasks) {
      const inner = onMain
        .filter(
          (e) =>
            e.ph === 'X' &&
            e !== task &&
            e.ts >= task.ts &&
            e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) &&
            !/^(RunTask|v8\.callFunction|ThreadControllerImpl|V8\.)/.test(e.name),
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map((e) => {
          const d = e.args?.data
          const what =
            d?.functionName || d?.url ? ` ${d.functionName ?? ''}@${(d.url ?? '').split('/').pop()}` : ''
          return `${e.name}${what} ${((e.dur ?? 0) / 1000).toFixed(0)}`
        })
      lines.push([
        task.ts,
        `task ${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms: ${inner.join(' | ')}`,
      ])
    }
    if (Number.isFinite(t0))
      console.log(
        `--- timeline (ms after navigationStart)\n${lines
          .sort((a, b) => a[0] - b[0])
          .map(([ts, text]) => `${((ts - t0) / 1000).toFixed(0).padStart(6)}  ${text}`)
          .join('\n')}`,
      )
    // Inclusive time per function between consecutive marks (profile and trace share the clock).
    {
      const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
      const parent = new Map<number, number>()
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
      const bounds = [
        ...marks.filter((m) => m.name.startsWith('wt:')).map((m) => ({ name: m.name, ts: m.ts })),
      ].sort((a, b) => a.ts - b.ts)
      bounds.unshift({ name: 'navigationStart', ts: t0 })
      bounds.push({ name: 'end', ts: Number.POSITIVE_INFINITY })
      const windows = bounds.slice(0, -1).map(() => new Map<string, number>())
      let at = profile.startTime
      profile.samples.forEach((id, i) => {
        at += profile.timeDeltas[i] ?? 0
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
        const w = bounds.findIndex(
          (b, j) => j + 1 < bounds.length && at >= b.ts && at < (bounds[j + 1]?.ts ?? 0),
        )
        const m = windows[w]
        if (!m) return
        const seen = new Set<string>()
        if (process.env.WINDOW_SELF) {
          const f = byNode.get(id)?.callFrame
          const key = `${f?.functionName || '(anon)'}:${f?.url.split('/').pop() ?? ''}:${(f?.lineNumber ?? 0) + 1}`
          m.set(key, (m.get(key) ?? 0) + dt)
          return
        }
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const f = byNode.get(cur)?.callFrame
          if (!f?.functionName || seen.has(f.functionName)) continue
          seen.add(f.functionName)
          m.set(f.functionName, (m.get(f.functionName) ?? 0) + dt)
        }
        if (!seen.size)
          m.set(byNode.get(id)?.callFrame.functionName || '(native)', (m.get('(native)') ?? 0) + dt)
      })
      windows.forEach((m, j) => {
        const skip =
          /^(\(root\)|performWorkUntilDeadline|performWorkOnRoot.*|flushSyncWork.*|performSyncWorkOnRoot|commitRoot|completeRoot.*|flushSpawnedWork|recursivelyTraverse.*|commitLayoutEffectOnFiber|commitPassiveMountOnFiber|flushPassiveEffects|flushPendingEffects|flushLayoutEffects|workLoopSync|renderRootSync|performUnitOfWork|beginWork|wrapper|execute|transact.*|run|atomic)$/
        const top = [...m]
          .filter(([k]) => !skip.test(k))
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.WINDOW_TOP ?? 12))
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        const from = bounds[j]
        const to = bounds[j + 1]
        if (!from || !to) return
        const span = Number.isFinite(to.ts) ? ((to.ts - from.ts) / 1000).toFixed(0) : '…'
        console.log(`[${from.name} → ${to.name}: ${span} ms] ${top.join(', ')}`)
      })
    }
    console.log('--- trace events on the main thread (inclusive, nested events overlap)')
    console.log(
      [...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`)
        .join('\n'),
    )
    await context.close()
  }
} finally {
  await browser.close()
  await closeWithin('app server', () => app.close())
}
