// Cold open in Chromium: time from navigating to a board link until a 5,000-shape board is rendered (every
// shape in the editor's store and two frames painted), against an empty board opened in the same run. Two big
// boards: 5,000 tldraw notes (rich text, measured by tldraw) and 5,000 of our value cards.
// Reference in the same run: tldraw alone (bench/floor: no Yjs, no sync, no app around it) opening the same two
// boards from a snapshot file, and an empty store: what tldraw itself needs on this machine.
//   pnpm --filter @waardentafel/web build && node apps/web/bench/coldOpen.bench.ts [--runs 5]
// SHAPES=1000 measures smaller boards, WEB_DIST=<dir> another build. Every run uses a fresh browser profile (no IndexedDB copy), so the board
// comes from the server. Writes bench-results/cold-open.json.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBoard, launchChromium, startApp } from '../test/browserHarness.ts'
import {
  closeWithin,
  OPEN_TIMEOUT_MS,
  returningVisitor,
  seedBoard,
  storedSnapshot,
  untilAllShapes,
} from './seedBoard.ts'

const SHAPES = Number(process.env.SHAPES ?? 5000)
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5
type W = { __wtEditor?: import('tldraw').Editor }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

// tldraw alone: built here, served by a second server of ours (same static files handling) with the boards'
// snapshots next to it (written before that server starts: it lists its files as it starts).
const floorDist = mkdtempSync(join(tmpdir(), 'wt-floor-'))
execFileSync(
  'pnpm',
  ['exec', 'vite', 'build', '--config', 'bench/floor/vite.config.ts', '--outDir', floorDist],
  { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' },
)
// WEB_DIST=<dir> measures another build of the app (e.g. the previous commit's) against the same server.
// Board creation is for signed-in organisers since issue #17; the benches' servers leave it open.
const OPEN = { OPEN_BOARD_CREATION: 'true' }
const app = await startApp(process.env.WEB_DIST ? { ...OPEN, WEB_DIST: process.env.WEB_DIST } : OPEN)
const browser = await launchChromium()
let floor: Awaited<ReturnType<typeof startApp>> | null = null
try {
  const empty = await createBoard(app.url, 'Leeg')
  const notes = await seedBoard(browser, app.url, 'Koude start notities', 'note', SHAPES)
  const cards = await seedBoard(browser, app.url, 'Koude start waardekaarten', 'wt-value-card', SHAPES)
  // The same boards as tldraw snapshot files for the reference (read from the server's snapshot route).
  for (const [name, board] of [
    ['notes', notes],
    ['cards', cards],
  ] as const) {
    const body = await storedSnapshot(app.url, board)
    const snapshot = { schema: body.schema, store: Object.fromEntries(body.records.map((r) => [r.id, r])) }
    writeFileSync(join(floorDist, `${name}.json`), JSON.stringify(snapshot))
  }
  floor = await startApp({ ...OPEN, WEB_DIST: floorDist })
  const floorUrl = floor.url

  /** Opens `link` as a visitor who has been to `site` before (its files cached); ms until `expected` shapes show. */
  const open = async (site: string, link: string, expected: number) => {
    const { context, page } = await returningVisitor(browser, site)
    const started = Date.now()
    await page.goto(link, { timeout: OPEN_TIMEOUT_MS })
    await page.waitForFunction(() => !!(window as unknown as W).__wtEditor, undefined, {
      timeout: OPEN_TIMEOUT_MS,
      polling: 'raf',
    })
    const mounted = Date.now() - started
    await untilAllShapes(page, expected)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    if (process.env.VERBOSE) {
      const marks = await page.evaluate(() =>
        Object.fromEntries([
          ...performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
          [
            'domContentLoaded',
            Math.round(
              (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
                .domContentLoadedEventEnd,
            ),
          ],
        ]),
      )
      console.log(`editor mounted after ${mounted} ms`, marks)
    }
    const ms = Date.now() - started
    await context.close()
    return ms
  }

  const results = {
    empty: [] as number[],
    notes: [] as number[],
    cards: [] as number[],
    floorEmpty: [] as number[],
    floorNotes: [] as number[],
    floorCards: [] as number[],
  }
  await open(app.url, empty.links.observer, 0) // warm-up: the browser's first start and the app's cache
  await open(floorUrl, floorUrl, 0)
  for (let i = 0; i < runs; i++) {
    results.empty.push(await open(app.url, empty.links.observer, 0))
    results.notes.push(await open(app.url, notes.links.observer, SHAPES))
    results.cards.push(await open(app.url, cards.links.observer, SHAPES))
    results.floorEmpty.push(await open(floorUrl, floorUrl, 0))
    results.floorNotes.push(await open(floorUrl, `${floorUrl}/?board=notes`, SHAPES))
    results.floorCards.push(await open(floorUrl, `${floorUrl}/?board=cards`, SHAPES))
  }
  const row = (xs: number[]) => ({
    medianMs: median(xs),
    ratio: `${(median(xs) / median(results.empty)).toFixed(2)}×`,
    runs: xs.join(', '),
  })
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores)`,
  )
  console.table({
    'empty board (baseline)': row(results.empty),
    [`${SHAPES} notes`]: row(results.notes),
    [`${SHAPES} value cards`]: row(results.cards),
    'tldraw alone: empty store': row(results.floorEmpty),
    [`tldraw alone: ${SHAPES} notes (snapshot)`]: row(results.floorNotes),
    [`tldraw alone: ${SHAPES} value cards (snapshot)`]: row(results.floorCards),
  })
  const ratio = median(results.notes) / median(results.empty)
  const cardRatio = median(results.cards) / median(results.empty)
  for (const [name, xs, alone] of [
    ['notes', results.notes, results.floorNotes],
    ['value cards', results.cards, results.floorCards],
  ] as const)
    console.log(
      `${SHAPES} ${name}: target < 1000 ms: ${median(xs) < 1000 ? 'met' : 'MISSED'} (${median(xs)} ms; ` +
        `tldraw alone ${median(alone)} ms, ours ${(median(xs) / median(alone)).toFixed(2)}× that)`,
    )
  mkdirSync(join(import.meta.dirname, '../../../bench-results'), { recursive: true })
  writeFileSync(
    join(import.meta.dirname, '../../../bench-results/cold-open.json'),
    JSON.stringify(
      {
        shapes: SHAPES,
        runs,
        results,
        ratio,
        cardRatio,
        load: loadavg(),
        measuredAt: new Date().toISOString(),
      },
      null,
      2,
    ),
  )
} catch (error) {
  // Printed here: a close below that never settles would end the process without it.
  console.error(error)
  process.exitCode = 1
} finally {
  await browser.close()
  await closeWithin('app server', () => app.close())
  const reference = floor
  if (reference) await closeWithin('tldraw-alone server', () => reference.close())
}
