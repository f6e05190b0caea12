// Cold open of two builds of the web app, interleaved: each round opens every board with build A and with build B
// (A first in even rounds, B first in odd ones), so that the machine's drift falls on both. Same measurement as
// coldOpen.bench.ts (from page.goto until every shape is in the editor's store and two frames have painted, fresh
// profile each time), plus the same end as the page sees it, when every shape had its component, and the phases
// between the page's marks.
//   A=/tmp/dist-before B=apps/web/dist node apps/web/bench/coldOpenAB.bench.ts [--runs 7]
// SHAPES=1000 measures smaller boards; A_SERVER=/tmp/wt-before (a checkout) serves A with that checkout's server.
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { createBoard, launchChromium, startApp } from '../test/browserHarness.ts'
import { closeWithin, OPEN_TIMEOUT_MS, returningVisitor, seedBoard, untilAllShapes } from './seedBoard.ts'
import { startTreeServer } from './treeServer.ts'

const SHAPES = Number(process.env.SHAPES ?? 5000)
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7
const dists = { A: process.env.A, B: process.env.B }
if (!dists.A || !dists.B) throw new Error('set A and B to the two builds (dist directories)')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

// A_SERVER / B_SERVER=<checkout>: that checkout's server (a child process) serves the build, so that the run
// compares both builds whole; without, both builds are served by this checkout's server in this process.
const trees = { A: process.env.A_SERVER, B: process.env.B_SERVER }

const browser = await launchChromium()
const apps = await Promise.all(
  (['A', 'B'] as const).map((side) => {
    const dist = resolve(dists[side] ?? '')
    const tree = trees[side]
    // Board creation is for signed-in organisers since issue #17; the benches' servers leave it open.
    return tree ? startTreeServer(tree, dist) : startApp({ WEB_DIST: dist, OPEN_BOARD_CREATION: 'true' })
  }),
)
try {
  const boards = []
  for (const app of apps) {
    boards.push({
      empty: await createBoard(app.url, 'Leeg'),
      notes: await seedBoard(browser, app.url, 'Koude start notities', 'note', SHAPES),
      cards: await seedBoard(browser, app.url, 'Koude start waardekaarten', 'wt-value-card', SHAPES),
    })
  }

  const open = async (appUrl: string, board: CreateBoardResponse, expected: number) => {
    const { context, page } = await returningVisitor(browser, appUrl)
    const started = Date.now()
    await page.goto(board.links.observer, { timeout: OPEN_TIMEOUT_MS })
    await untilAllShapes(page, expected)
    // The same end as seen by the page: after navigationStart (without the browser's own start of the navigation).
    const inPage = await page.evaluate(
      () =>
        new Promise<number>((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => r(Math.round(performance.now())))),
        ),
    )
    const ms = Date.now() - started
    // Also when every shape had its component (ProgressiveCanvas' idle slices), after navigationStart.
    await page.waitForFunction(() => performance.getEntriesByName('wt:all-mounted').length > 0, undefined, {
      timeout: OPEN_TIMEOUT_MS,
    })
    const hydrated = await page.evaluate(() =>
      Math.round(performance.getEntriesByName('wt:all-mounted')[0]?.startTime ?? Number.NaN),
    )
    const marks: Record<string, number> = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    )
    await context.close()
    return { ms, inPage, hydrated, marks }
  }

  type Runs = { ms: number; inPage: number; hydrated: number; marks: Record<string, number> }[]
  const results = [0, 1].map(() => ({ empty: [] as Runs, notes: [] as Runs, cards: [] as Runs }))
  for (const [i, app] of apps.entries()) await open(app.url, boards[i]?.empty as CreateBoardResponse, 0) // warm-up
  for (let r = 0; r < runs; r++) {
    for (const kind of ['empty', 'notes', 'cards'] as const) {
      // A then B in even rounds, B then A in odd ones.
      for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const app = apps[i] as (typeof apps)[number]
        const board = boards[i]?.[kind] as CreateBoardResponse
        results[i]?.[kind].push(await open(app.url, board, kind === 'empty' ? 0 : SHAPES))
      }
    }
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const table: Record<string, Record<string, string | number>> = {}
  for (const kind of ['empty', 'notes', 'cards'] as const) {
    for (const what of ['ms', 'inPage', 'hydrated'] as const) {
      const [a, b] = results.map((res) => res[kind].map((run) => run[what]))
      table[{ ms: kind, inPage: `${kind} (in page)`, hydrated: `${kind}, all mounted at` }[what]] = {
        'A median': median(a ?? []),
        'B median': median(b ?? []),
        'B/A': (median(b ?? []) / median(a ?? [])).toFixed(3),
        'A runs': (a ?? []).join(', '),
        'B runs': (b ?? []).join(', '),
      }
    }
  }
  console.log(
    `A = ${dists.A} (server ${trees.A ?? 'this checkout'}), B = ${dists.B} (server ${trees.B ?? 'this checkout'}), ` +
      `${SHAPES} shapes, ${runs} rounds`,
  )
  console.table(table)
  // Phases between the page's own marks (median per phase, ms): less noisy than the totals for one part's change.
  const phases = [
    ['wt:ws-open', 'wt:synced'],
    ['wt:doc-ready', 'wt:store-bound'],
    ['wt:store-bound', 'wt:canvas'],
    ['wt:canvas', 'wt:editor-mounted'],
  ] as const
  const phaseTable: Record<string, Record<string, string | number>> = {}
  for (const kind of ['notes', 'cards'] as const) {
    for (const [from, to] of phases) {
      const [a, b] = results.map((res) =>
        res[kind].map((run) => Math.round((run.marks[to] ?? Number.NaN) - (run.marks[from] ?? Number.NaN))),
      )
      phaseTable[`${kind} ${from.slice(3)} → ${to.slice(3)}`] = {
        'A median': median(a ?? []),
        'B median': median(b ?? []),
        'B/A': (median(b ?? []) / median(a ?? [])).toFixed(3),
      }
    }
    const [a, b] = results.map((res) =>
      res[kind].map((run) => Math.round(run.inPage - (run.marks['wt:editor-mounted'] ?? Number.NaN))),
    )
    phaseTable[`${kind} editor-mounted → end`] = {
      'A median': median(a ?? []),
      'B median': median(b ?? []),
      'B/A': (median(b ?? []) / median(a ?? [])).toFixed(3),
    }
  }
  console.table(phaseTable)
} catch (error) {
  // Printed here: a close below that never settles would end the process without it.
  console.error(error)
  process.exitCode = 1
} finally {
  await browser.close()
  for (const [i, app] of apps.entries()) await closeWithin(`server ${i === 0 ? 'A' : 'B'}`, () => app.close())
}
