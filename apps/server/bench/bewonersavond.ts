import { fork } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import {
  type BenchServer,
  Child,
  cpuShare,
  type ServerKind,
  startOurServer,
  startReferenceServer,
} from './lib/processes.ts'
import { type BenchOptions, type BenchResult, ms, pct, type Row } from './lib/report.ts'
import type { Summary } from './lib/stats.ts'

// Benchmark "bewonersavond" (issue #21): a town hall of phones on one board, all behind one address (127.0.0.1, the
// hall's Wi-Fi). The phones join by the board's short code within the arrival window, then each moves its own card
// now and then and its cursor a few times a second. Edit → every-peer latency on our server (with the limits and
// admission control as shipped) against the reference y-websocket server under the same load in the same run; on our
// server the room's presenter screen (Chromium, the built web app, ?presenter=1) counts its frames meanwhile.

type Refusals = { http429: number; upgrade429: number; close4429: number; other: Record<string, number> }
type Joined = { allInMs: number; perPhone: Summary; refusals: Refusals; phones: number }
type Steady = {
  latency: Summary
  allPeers: Summary
  presenceToOnePeer: Summary
  edits: number
  moves: number
  missing: number
  presenceFramesInPerSecond: number
  closed: number[]
}
type Frames = { fps: number; frames: number; ms: number; longestFrameMs: number }
type Presenter = {
  idle: Frames
  loaded: Frames
  presencesSeen: number
  collaboratorsOnPage: number
  cards: number
}
export type RoomRun = {
  server: ServerKind
  joinedBy: 'code' | 'link' | 'websocket'
  joined: Joined
  steady: Steady
  serverCpuShare: number
  presenter: Presenter | { error: string } | null
}

const root = join(import.meta.dirname, '../../..')
const webDist = join(root, 'apps/web/dist')

/** The phones' process: one Node process for all of them (as the fan-out bench's swarm; 2 MiB semi-spaces, see processes.ts). */
function startRoomSwarm(): Child {
  return new Child(
    fork(join(import.meta.dirname, 'lib/roomSwarm.ts'), [], {
      execArgv: ['--no-warnings', '--max-old-space-size=2048', '--max-semi-space-size=2'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
}

// playwright-core is the web app's dev dependency: loaded from there, typed as far as this file uses it.
type Page = {
  goto(url: string): Promise<unknown>
  // Functions, not strings: the app's CSP has no 'unsafe-eval', which string expressions need.
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number }): Promise<unknown>
  locator(selector: string): { waitFor(options?: { timeout?: number }): Promise<void> }
  getByLabel(name: RegExp): { fill(value: string): Promise<void>; isVisible(): Promise<boolean> }
  getByRole(role: string, options: { name: RegExp }): { click(): Promise<void> }
  screenshot(options: { path: string }): Promise<unknown>
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void
  on(event: 'pageerror', listener: (error: Error) => void): void
  on(event: 'response', listener: (response: { status(): number; url(): string }) => void): void
}
type Browser = {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{ newPage(): Promise<Page> }>
  close(): Promise<void>
}
function launchChromium(): Promise<Browser> {
  const require = createRequire(join(root, 'apps/web/package.json'))
  const { chromium } = require('playwright-core') as {
    chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> }
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
}

/** What the page's functions below see of the browser (they run there; this file is typed for Node). */
type Editor = {
  getCurrentPageShapes(): unknown[]
  getCollaboratorsOnCurrentPage(): unknown[]
  zoomToFit(options: { animation: { duration: number } }): void
  store: { query: { records(type: string): { get(): unknown[] } } }
}
type Win = {
  __wtEditor?: Editor
  requestAnimationFrame(callback: (now: number) => void): void
  document: {
    querySelector(s: string): unknown
    querySelectorAll(s: string): Iterable<{ textContent: string | null }>
  }
}

/** Frames Chromium paints in `ms` (requestAnimationFrame), and the longest gap between two. */
const countFrames = (page: Page, windowMs: number) =>
  page.evaluate<Frames, number>(
    (windowMs) =>
      new Promise<Frames>((resolve) => {
        const w = globalThis as unknown as Win
        let frames = 0
        let longest = 0
        let last = performance.now()
        const t0 = last
        const frame = (now: number) => {
          frames++
          longest = Math.max(longest, now - last)
          last = now
          if (now - t0 < windowMs) w.requestAnimationFrame(frame)
          else resolve({ fps: frames / ((now - t0) / 1000), frames, ms: now - t0, longestFrameMs: longest })
        }
        w.requestAnimationFrame(frame)
      }),
    windowMs,
  )

/** Opens the board on the room's screen: the facilitator's link with ?presenter=1, zoomed to the whole board. */
async function openPresenter(browser: Browser, link: string, cards: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  const t0 = Date.now()
  const step = (what: string) => console.error(`  presenter: ${what} after ${ms(Date.now() - t0)}`)
  // What the page said, printed when it does not get to the board (a refusal, an error).
  const said: string[] = []
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`.slice(0, 300)))
  page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`.slice(0, 300)))
  page.on('response', (r) => {
    if (r.status() >= 400) said.push(`HTTP ${r.status()} ${r.url().replace(/token=[^&]+/, 'token=…')}`)
  })
  const failed = async (error: unknown) => {
    const text = await page
      .evaluate(() =>
        (
          globalThis as unknown as { document: { body: { textContent: string } } }
        ).document.body.textContent.slice(0, 400),
      )
      .catch(() => '')
    console.error(
      `  presenter: stuck; the page shows: ${JSON.stringify(text)}\n    ${said.slice(-15).join('\n    ')}`,
    )
    throw error
  }
  await page.goto(`${link}&presenter=1`)
  const name = page.getByLabel(/^Naam$|^Name$/)
  // The board, or first the name form (a new device is asked who it is).
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as Win).document
      return (
        !!d.querySelector('.tl-canvas') ||
        [...d.querySelectorAll('label')].some((l) => /^(Naam|Name)$/.test(l.textContent?.trim() ?? ''))
      )
    },
    undefined,
    { timeout: 60_000 },
  )
  step('page or name form')
  if (await name.isVisible()) {
    await name.fill('Zaal')
    await page.getByRole('button', { name: /Naar het bord|Go to the board/ }).click()
  }
  await page.locator('[data-status=connected]').waitFor({ timeout: 60_000 }).catch(failed)
  step('connected')
  await page.waitForFunction(
    (cards) => ((globalThis as unknown as Win).__wtEditor?.getCurrentPageShapes().length ?? 0) >= cards,
    cards,
    { timeout: 60_000 },
  )
  step(`${cards} cards in the editor`)
  await page.evaluate(() => {
    ;(globalThis as unknown as Win).__wtEditor?.zoomToFit({ animation: { duration: 0 } })
  })
  return page
}

async function createBoard(server: BenchServer): Promise<CreateBoardResponse> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bewonersavond' }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status}`)
  return (await res.json()) as CreateBoardResponse
}

/** The board's short code (the facilitator's join screen), or null on a server without the endpoint. */
async function joinCode(server: BenchServer, board: CreateBoardResponse): Promise<string | null> {
  const token = new URL(board.links.facilitator).searchParams.get('token') ?? ''
  const res = await fetch(`http://127.0.0.1:${server.port}/api/boards/${board.id}/join-code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  })
  if (res.status === 404 || res.status === 405) return null
  if (!res.ok) throw new Error(`join code: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { code: string }).code
}

type Shape = {
  phones: number
  spreadMs: number
  editRate: number
  presenceHz: number
  movers: number
  steadyMs: number
  frameWindowMs: number
}

async function runRoom(kind: ServerKind, shape: Shape): Promise<RoomRun> {
  const server =
    kind === 'ours'
      ? await startOurServer({
          // The limits as shipped (the bench's server otherwise runs without them): one address, 300 phones.
          RATE_LIMITS: 'true',
          ...(existsSync(join(webDist, 'index.html')) ? { WEB_DIST: webDist } : {}),
        })
      : await startReferenceServer()
  const swarm = startRoomSwarm()
  let browser: Browser | null = null
  try {
    let spec: Record<string, unknown>
    let joinedBy: RoomRun['joinedBy']
    let facilitatorLink: string | null = null
    let cardsUrl: string
    if (kind === 'ours') {
      const board = await createBoard(server)
      const code = await joinCode(server, board)
      joinedBy = code ? 'code' : 'link'
      facilitatorLink = board.links.facilitator
      cardsUrl = server.syncUrl(board.id, new URL(facilitatorLink).searchParams.get('token') ?? '')
      spec = { kind, origin: `http://127.0.0.1:${server.port}`, code, link: board.links.participant }
    } else {
      joinedBy = 'websocket'
      cardsUrl = server.syncUrl('bewonersavond')
      spec = { kind, wsUrl: cardsUrl }
    }
    await swarm.request('cards', { wsUrl: cardsUrl, count: shape.phones })
    const joined = await swarm.request<Joined>(
      'join',
      { spec, count: shape.phones, spreadMs: shape.spreadMs },
      180_000,
    )
    console.error(
      `  ${kind}: ${joined.phones} phones in after ${ms(joined.allInMs)} (by ${joinedBy}), refusals ${JSON.stringify(joined.refusals)}`,
    )

    let page: Page | null = null
    let presenterError: string | null = null
    let idle: Frames | null = null
    if (kind === 'ours' && facilitatorLink) {
      if (!existsSync(join(webDist, 'index.html'))) presenterError = 'web app not built (apps/web/dist)'
      else {
        try {
          browser = await launchChromium()
          page = await openPresenter(browser, facilitatorLink, shape.phones)
          idle = await countFrames(page, shape.frameWindowMs)
        } catch (error) {
          presenterError = error instanceof Error ? error.message : String(error)
        }
      }
    }

    const s0 = await server.child.stats()
    const steadyDone = swarm.request<Steady>('steady', {
      editRate: shape.editRate,
      presenceHz: shape.presenceHz,
      movers: shape.movers,
      durationMs: shape.steadyMs,
    })
    let presenter: RoomRun['presenter'] = presenterError ? { error: presenterError } : null
    if (page && idle) {
      // Let the presences arrive and the cards start moving, then count frames while they keep on.
      await page.waitForFunction(
        (n) => ((globalThis as unknown as Win).__wtEditor?.getCollaboratorsOnCurrentPage().length ?? 0) >= n,
        Math.floor(shape.movers * 0.9),
        { timeout: shape.steadyMs / 2 },
      )
      const loaded = await countFrames(page, shape.frameWindowMs)
      const seen = await page.evaluate(() => {
        const editor = (globalThis as unknown as Win).__wtEditor
        return {
          presences: editor?.store.query.records('instance_presence').get().length ?? 0,
          collaborators: editor?.getCollaboratorsOnCurrentPage().length ?? 0,
          cards: editor?.getCurrentPageShapes().length ?? 0,
        }
      })
      // To look at: the room's screen with the phones' cursors and cards (after the frames were counted).
      mkdirSync('/tmp/shots', { recursive: true })
      await page.screenshot({ path: '/tmp/shots/bewonersavond-presenter.png' })
      presenter = {
        idle,
        loaded,
        presencesSeen: seen.presences,
        collaboratorsOnPage: seen.collaborators,
        cards: seen.cards,
      }
    }
    const steady = await steadyDone
    const s1 = await server.child.stats()
    await swarm.request('closeAll')
    return { server: kind, joinedBy, joined, steady, serverCpuShare: cpuShare(s0, s1).share, presenter }
  } finally {
    await browser?.close()
    await swarm.stop()
    await server.stop()
  }
}

const lat = (s: Summary) => `p50 ${ms(s.p50)} / p99 ${ms(s.p99)} / max ${ms(s.max)}`
const refusalCount = (r: Refusals) =>
  r.http429 + r.upgrade429 + r.close4429 + Object.values(r.other).reduce((a, b) => a + b, 0)

/**
 * 300 phones (100 with --quick) join one board from one address, spread over 20 s; then each moves its own card
 * every 10 s (30 edits/s over the board) and one in ten moves its cursor at 1 Hz (on a phone a cursor exists only
 * while a finger is down; 300 cursors at 1 Hz are 90,000 presence frames a second to deliver, more than the
 * reference or the phones' process keeps up with on this 2-core machine). Our server first, then the
 * reference with the same shape (its phones skip the HTTP steps it does not have). `BEWONERS_MOVERS`,
 * `BEWONERS_HZ` and `BEWONERS_PHONES` change the shape.
 */
export async function bewonersavond({ quick }: BenchOptions): Promise<BenchResult> {
  const phones = Number(process.env.BEWONERS_PHONES ?? (quick ? 100 : 300))
  const shape: Shape = {
    phones,
    spreadMs: quick ? 5_000 : 20_000,
    editRate: 0.1,
    presenceHz: Number(process.env.BEWONERS_HZ ?? 1),
    movers: Math.min(phones, Number(process.env.BEWONERS_MOVERS ?? Math.ceil(phones / 10))),
    steadyMs: quick ? 15_000 : 30_000,
    frameWindowMs: 5_000,
  }
  const ours = await runRoom('ours', shape)
  // BEWONERS_ONLY=ours: our server alone (a look at the presenter screen; no comparison is reported then).
  if (process.env.BEWONERS_ONLY === 'ours') return { rows: [], data: { shape, ours } }
  const reference = await runRoom('reference', shape)
  const bench = `bewonersavond ${phones} phones`
  const rows: Row[] = []
  const oursRefusals = refusalCount(ours.joined.refusals)
  rows.push({
    bench,
    metric: `all in (join by ${ours.joinedBy}; arrivals over ${shape.spreadMs / 1000} s, one address)`,
    measured: `${ms(ours.joined.allInMs)}; per phone ${lat(ours.joined.perPhone)}; refusals ${oursRefusals} ${JSON.stringify(ours.joined.refusals)}`,
    baseline: `ref ${ms(reference.joined.allInMs)} (WebSocket only); per phone ${lat(reference.joined.perPhone)}`,
    target: '≤ 60 s, 0 refusals',
    pass: ours.joined.allInMs <= 60_000 && oursRefusals === 0 && ours.joined.phones === phones,
  })
  rows.push({
    bench,
    metric: `edit → every peer (${shape.editRate * phones} edits/s, ${shape.movers} cursors at ${shape.presenceHz} Hz, ${shape.steadyMs / 1000} s)`,
    measured: `${lat(ours.steady.allPeers)} (${ours.steady.edits} edits; edit → one peer ${lat(ours.steady.latency)})`,
    baseline: `ref ${lat(reference.steady.allPeers)} (edit → one peer ${lat(reference.steady.latency)})`,
    target: 'p99 ≤ 50 ms, compared with the reference',
    pass: ours.steady.allPeers.count > 0 && ours.steady.missing === 0 && ours.steady.allPeers.p99 <= 50,
  })
  rows.push({
    bench,
    metric: 'presence → one phone; presence frames in / s (all phones); server CPU',
    measured: `${lat(ours.steady.presenceToOnePeer)}; ${ours.steady.presenceFramesInPerSecond.toFixed(0)}/s; ${pct(ours.serverCpuShare)}`,
    baseline: `ref ${lat(reference.steady.presenceToOnePeer)}; ${reference.steady.presenceFramesInPerSecond.toFixed(0)}/s; ${pct(reference.serverCpuShare)}`,
    target: 'reported',
    pass: null,
  })
  const missing = ours.steady.missing + reference.steady.missing
  const closed = ours.steady.closed.length + reference.steady.closed.length
  if (missing + closed > 0) {
    rows.push({
      bench,
      metric: 'edits missing / phones closed',
      measured: `${ours.steady.missing} / ${ours.steady.closed.join(',') || 0}`,
      baseline: `ref ${reference.steady.missing} / ${reference.steady.closed.join(',') || 0}`,
      target: '0 / 0',
      pass: ours.steady.missing === 0 && ours.steady.closed.length === 0,
    })
  }
  const p = ours.presenter
  rows.push(
    p && !('error' in p)
      ? {
          bench,
          metric: `presenter screen (Chromium 1920×1080, ?presenter=1): frames over ${shape.frameWindowMs / 1000} s`,
          measured: `${p.loaded.fps.toFixed(1)} fps while ${p.collaboratorsOnPage} presences move (${p.presencesSeen} presence records, ${p.cards} cards); longest frame ${ms(p.loaded.longestFrameMs)}`,
          baseline: `same screen before the phones move: ${p.idle.fps.toFixed(1)} fps, longest ${ms(p.idle.longestFrameMs)}`,
          target: '≥ 30 fps',
          pass: p.loaded.fps >= 30,
        }
      : {
          bench,
          metric: 'presenter screen',
          measured: `not measured: ${p ? p.error : 'no presenter'}`,
          baseline: '—',
          target: '≥ 30 fps',
          pass: null,
        },
  )
  return { rows, data: { shape, ours, reference } }
}
