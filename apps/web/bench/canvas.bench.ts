// Canvas benchmark: frames per second in Chromium while panning and while dragging a selection, on a board
// with 300 Waardentafel cards (value cards inside a prioritering, so every card derives its class live),
// against a baseline board with 300 plain tldraw geo shapes in the same layout, in the same run.
//   pnpm --filter @waardentafel/web build && node apps/web/bench/canvas.bench.ts
// Writes bench-results/canvas.json. Frames are counted with requestAnimationFrame inside the page.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createBoard, joinBoard, launchChromium, person, startApp } from '../test/browserHarness.ts'

const CARDS = 300
const PAN_MS = 3000
const DRAG_STEPS = 120
const DRAG_SELECTION = 60
type W = { __wtEditor: import('tldraw').Editor }
type Kind = 'wt-value-card' | 'geo'
type Measure = { fps: number; frames: number; ms: number; p95FrameMs: number }

/** 300 shapes in a 20×15 grid; Waardentafel cards sit in one big prioritering, as on a real board. */
function build(page: Page, kind: Kind): Promise<void> {
  return page.evaluate(
    ({ kind, count }) => {
      const editor = (window as unknown as W).__wtEditor
      const cols = 20
      const [w, h, gap] = [220, 120, 20]
      const rows = Math.ceil(count / cols)
      editor.run(() => {
        let parentId: string | undefined
        if (kind === 'wt-value-card') {
          parentId = 'shape:bench-template'
          editor.createShape({
            id: parentId as never,
            type: 'wt-prioritering',
            x: -40,
            y: -160,
            props: { w: cols * (w + gap) + 80, h: rows * (h + gap) + 200, title: 'Benchmark' },
          })
        }
        const offset = parentId ? { x: 40, y: 160 } : { x: 0, y: 0 }
        editor.createShapes(
          Array.from({ length: count }, (_, i) => {
            const base = {
              x: offset.x + (i % cols) * (w + gap),
              y: offset.y + Math.floor(i / cols) * (h + gap),
            }
            return kind === 'geo'
              ? { type: 'geo' as const, ...base, props: { w, h, geo: 'rectangle' as const } }
              : {
                  type: 'wt-value-card' as const,
                  ...base,
                  ...(parentId ? { parentId: parentId as never } : {}),
                  props: { w, h, name: `Waarde ${i + 1}`, twijfel: i % 7 === 0 },
                }
          }),
        )
      })
      editor.selectNone()
      editor.zoomToFit()
    },
    { kind, count: CARDS },
  )
}

/** Pans the camera a little every frame for PAN_MS and counts the frames the page managed to paint. */
function measurePan(page: Page): Promise<Measure> {
  return page.evaluate(
    (ms) =>
      new Promise<Measure>((resolve) => {
        const editor = (window as unknown as W).__wtEditor
        const start = editor.getCamera()
        const times: number[] = []
        const t0 = performance.now()
        const tick = (now: number) => {
          times.push(now)
          const t = now - t0
          editor.setCamera({
            x: start.x + Math.sin(t / 400) * 300,
            y: start.y + Math.cos(t / 500) * 150,
            z: start.z,
          })
          if (t < ms) requestAnimationFrame(tick)
          else resolve(summarise(times))
        }
        const summarise = (ts: number[]): Measure => {
          const gaps = ts
            .slice(1)
            .map((t, i) => t - (ts[i] ?? t))
            .sort((a, b) => a - b)
          const total = (ts.at(-1) ?? 0) - (ts[0] ?? 0)
          return {
            fps: ((ts.length - 1) * 1000) / total,
            frames: ts.length - 1,
            ms: total,
            p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
          }
        }
        requestAnimationFrame(tick)
      }),
    PAN_MS,
  )
}

/** Drags DRAG_SELECTION selected shapes with real mouse events while counting frames. */
async function measureDrag(page: Page, kind: Kind): Promise<Measure> {
  const start = await page.evaluate(
    ({ kind, n }) => {
      const editor = (window as unknown as W).__wtEditor
      const shapes = editor
        .getCurrentPageShapesSorted()
        .filter((s) => s.type === kind)
        .slice(0, n)
      editor.select(...shapes.map((s) => s.id))
      const first = editor.getShapePageBounds(shapes[0]!)!
      const p = editor.pageToScreen(first.center)
      const w = window as unknown as { __frames: number[]; __counting: boolean }
      w.__frames = []
      w.__counting = true
      const tick = (now: number) => {
        w.__frames.push(now)
        if (w.__counting) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
      return { x: p.x, y: p.y }
    },
    { kind, n: DRAG_SELECTION },
  )
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(start.x + Math.sin(i / 10) * 200, start.y + i)
  }
  await page.mouse.up()
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean }
    w.__counting = false
    const ts = w.__frames
    const gaps = ts
      .slice(1)
      .map((t, i) => t - (ts[i] ?? t))
      .sort((a, b) => a - b)
    const total = (ts.at(-1) ?? 0) - (ts[0] ?? 0)
    return {
      fps: ((ts.length - 1) * 1000) / total,
      frames: ts.length - 1,
      ms: total,
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    }
  })
}

async function run(): Promise<void> {
  const app = await startApp()
  const browser = await launchChromium()
  const results: Record<string, { pan: Measure; drag: Measure }> = {}
  try {
    for (const [name, kind] of [
      ['baseline: 300 tldraw geo shapes', 'geo'],
      ['waardentafel: 300 value cards in a prioritering', 'wt-value-card'],
    ] as const) {
      const board = await createBoard(app.url, name)
      const { context, page } = await person(browser)
      await joinBoard(page, board.links.facilitator, 'Bench', '')
      // Measure the canvas, not our side panel.
      await page.getByRole('button', { name: 'Paneel verbergen' }).click()
      await build(page, kind)
      await measurePan(page) // warm-up: fonts, first layout, JIT
      results[name] = { pan: await measurePan(page), drag: await measureDrag(page, kind) }
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
  }

  const [base, ours] = Object.values(results)
  if (!base || !ours) throw new Error('missing results')
  const round = (n: number) => Math.round(n * 10) / 10
  console.log(`\nCanvas benchmark — ${CARDS} shapes, Chromium ${browser.version()}, 1280×800\n`)
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        {
          'pan fps': round(r.pan.fps),
          'pan p95 ms': round(r.pan.p95FrameMs),
          'drag fps': round(r.drag.fps),
          'drag p95 ms': round(r.drag.p95FrameMs),
        },
      ]),
    ),
  )
  const ratio = { pan: round(ours.pan.fps / base.pan.fps), drag: round(ours.drag.fps / base.drag.fps) }
  console.log(
    `ratio waardentafel / baseline: pan ${ratio.pan}, drag ${ratio.drag} (1.0 = as smooth as plain tldraw)`,
  )
  const dir = join(import.meta.dirname, '../../../bench-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'canvas.json'),
    `${JSON.stringify({ cards: CARDS, dragSelection: DRAG_SELECTION, chromium: browser.version(), results, ratio }, null, 2)}\n`,
  )
  console.log('written to bench-results/canvas.json')
}

await run()
