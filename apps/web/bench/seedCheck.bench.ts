// Does seeding through the import route (seedBoard.ts) change what the cold-open benches measure? One board drawn
// shape by shape through the real editor (as the benches did before; fine at 500 shapes, it crashed at 5,000) and one
// seeded, same kind and size, opened in turns (A B B A) from fresh profiles; also their records compared.
//   SHAPES=500 KIND=wt-value-card node apps/web/bench/seedCheck.bench.ts [--runs 4]
import { loadavg } from 'node:os'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { createBoard, joinBoard, launchChromium, person, startApp } from '../test/browserHarness.ts'
import {
  closeWithin,
  type Kind,
  OPEN_TIMEOUT_MS,
  returningVisitor,
  seedBoard,
  storedSnapshot,
  untilAllShapes,
} from './seedBoard.ts'

const SHAPES = Number(process.env.SHAPES ?? 500)
const KIND = (process.env.KIND ?? 'wt-value-card') as Kind
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 4
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/** The benches' former seeding: every shape made by the editor, in batches of 500, synced to the server. */
async function drawn(browser: Awaited<ReturnType<typeof launchChromium>>, appUrl: string) {
  const board = await createBoard(appUrl, 'Getekend')
  const { context, page } = await person(browser)
  await joinBoard(page, board.links.facilitator, 'Bench')
  for (let from = 0; from < SHAPES; from += 500) {
    await page.evaluate(
      ([from, count, kind]) => {
        const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
        const at = (i: number) => ({ x: (i % 100) * 240, y: Math.floor(i / 100) * 240 })
        editor.createShapes(
          Array.from({ length: count }, (_, j) => from + j).map((i) =>
            kind === 'note'
              ? {
                  type: 'note' as const,
                  ...at(i),
                  props: {
                    richText: {
                      type: 'doc',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: `Notitie ${i}` }] }],
                    },
                  },
                }
              : {
                  type: 'wt-value-card' as const,
                  ...at(i),
                  props: { valueKey: 'custom', name: `Waarde ${i}` },
                },
          ) as never,
        )
      },
      [from, Math.min(500, SHAPES - from), KIND] as const,
    )
  }
  for (let tries = 0; ; tries++) {
    const shapes = (await storedSnapshot(appUrl, board)).records.filter((r) => r.typeName === 'shape')
    if (shapes.length === SHAPES) break
    if (tries === 600) throw new Error('the drawn board did not reach the server in 60 s')
    await new Promise((r) => setTimeout(r, 100)) // polling the server for the setup only
  }
  await context.close()
  return board
}

const app = await startApp({
  OPEN_BOARD_CREATION: 'true',
  ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}),
})
const browser = await launchChromium()
try {
  const boards: Record<'drawn' | 'seeded', CreateBoardResponse> = {
    drawn: await drawn(browser, app.url),
    seeded: await seedBoard(browser, app.url, 'Gezaaid', KIND, SHAPES),
  }
  // Their records: the same fields and props, only ids, indices and (for notes) nothing else may differ.
  const shapeOf = async (b: CreateBoardResponse) =>
    (await storedSnapshot(app.url, b)).records.find((r) => r.typeName === 'shape') as Record<string, unknown>
  const [d, s] = [await shapeOf(boards.drawn), await shapeOf(boards.seeded)]
  const keys = (r: Record<string, unknown>) =>
    JSON.stringify([Object.keys(r).sort(), Object.keys(r.props as object).sort()])
  console.log('same fields and props:', keys(d) === keys(s))
  console.log('drawn :', JSON.stringify(d))
  console.log('seeded:', JSON.stringify(s))

  const open = async (board: CreateBoardResponse) => {
    const { context, page } = await returningVisitor(browser, app.url)
    const started = Date.now()
    await page.goto(board.links.observer, { timeout: OPEN_TIMEOUT_MS })
    await untilAllShapes(page, SHAPES)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const ms = Date.now() - started
    await context.close()
    return ms
  }
  await open(boards.drawn) // warm-up
  const ms = { drawn: [] as number[], seeded: [] as number[] }
  for (let r = 0; r < runs; r++)
    for (const which of r % 2 === 0 ? (['drawn', 'seeded'] as const) : (['seeded', 'drawn'] as const))
      ms[which].push(await open(boards[which]))
  console.log(
    `${SHAPES} ${KIND}, ${runs} rounds, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}: drawn ${median(ms.drawn)} ms (${ms.drawn.join(', ')}), seeded ${median(ms.seeded)} ms ` +
      `(${ms.seeded.join(', ')}), seeded/drawn ${(median(ms.seeded) / median(ms.drawn)).toFixed(3)}`,
  )
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await browser.close()
  await closeWithin('app server', () => app.close())
}
