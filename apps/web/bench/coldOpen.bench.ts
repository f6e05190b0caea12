// Cold open in Chromium: time from navigating to a board link until a 5,000-shape board is rendered (every
// shape in the editor's store and two frames painted), against an empty board opened in the same run. Two big
// boards: 5,000 tldraw notes (rich text, measured by tldraw) and 5,000 of our value cards.
//   pnpm --filter @waardentafel/web build && node apps/web/bench/coldOpen.bench.ts [--runs 5]
// SHAPES=1000 measures smaller boards, WEB_DIST=<dir> another build. Every run uses a fresh browser profile (no IndexedDB copy), so the board
// comes from the server. Writes bench-results/cold-open.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { createBoard, launchChromium, startApp } from '../test/browserHarness.ts'
import { drawBoard, returningVisitor, untilAllShapes } from './drawBoard.ts'

const SHAPES = Number(process.env.SHAPES ?? 5000)
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5
type W = { __wtEditor?: import('tldraw').Editor }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

// WEB_DIST=<dir> measures another build of the app (e.g. the previous commit's) against the same server.
const app = await startApp(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {})
const browser = await launchChromium()
try {
  const empty = await createBoard(app.url, 'Leeg')
  const notes = await drawBoard(browser, app.url, 'Koude start notities', 'note', SHAPES)
  const cards = await drawBoard(browser, app.url, 'Koude start waardekaarten', 'wt-value-card', SHAPES)

  const open = async (board: CreateBoardResponse, expected: number) => {
    const { context, page } = await returningVisitor(browser, app.url)
    const started = Date.now()
    await page.goto(board.links.observer)
    await page.waitForFunction(() => !!(window as unknown as W).__wtEditor, undefined, {
      timeout: 60_000,
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

  const results = { empty: [] as number[], notes: [] as number[], cards: [] as number[] }
  await open(empty, 0) // warm-up: the browser's first start and the app's cache
  for (let i = 0; i < runs; i++) {
    results.empty.push(await open(empty, 0))
    results.notes.push(await open(notes, SHAPES))
    results.cards.push(await open(cards, SHAPES))
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
  })
  const ratio = median(results.notes) / median(results.empty)
  const cardRatio = median(results.cards) / median(results.empty)
  for (const [name, xs] of [
    ['notes', results.notes],
    ['value cards', results.cards],
  ] as const)
    console.log(
      `${SHAPES} ${name}: target < 1000 ms: ${median(xs) < 1000 ? 'met' : 'MISSED'} (${median(xs)} ms)`,
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
} finally {
  await browser.close()
  await app.close()
}
