import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

type W = { __wtEditor: import('tldraw').Editor }
const CARDS = 300

const shapeCount = (page: Page) =>
  page.evaluate(() => (window as unknown as W).__wtEditor?.getCurrentPageShapes().length ?? 0)

/** Bytes of the board's local copy (y-indexeddb's 'updates' store). */
const storedBytes = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction('updates').objectStore('updates').getAll()
          req.onsuccess = () => {
            db.close()
            resolve((req.result as Uint8Array[]).reduce((sum, u) => sum + u.byteLength, 0))
          }
        }
      }),
    name,
  )

describe('opening a big board', () => {
  it('[C1] shapes off screen are mounted after the first paint (hidden while culled), and the local copy gets the whole board', async () => {
    const app = await startApp()
    try {
      const board = await createBoard(app.url)
      const facilitator = await person(browser)
      await joinBoard(facilitator.page, board.links.facilitator, 'Fenna')
      await facilitator.page.evaluate((count) => {
        const editor = (window as unknown as W).__wtEditor
        editor.createShapes(
          Array.from({ length: count }, (_, i) => ({
            type: 'wt-value-card' as const,
            x: (i % 20) * 400,
            y: Math.floor(i / 20) * 400,
            props: { valueKey: 'custom' as const, name: `Waarde ${i}` },
          })),
        )
      }, CARDS)

      const { context, page } = await person(browser)
      await joinBoard(page, board.links.participant, 'Piet')
      await expect.poll(() => shapeCount(page), { timeout: 10_000 }).toBe(CARDS)
      // Every card gets its component in the end, as with tldraw's own canvas; those off screen stay hidden.
      await expect
        .poll(() => page.locator('.tl-shape[data-shape-type="wt-value-card"]').count(), { timeout: 10_000 })
        .toBe(CARDS)
      // A participant's first view fits the whole board (issue #21), so nothing is off screen there: at 100% over
      // the first cards, the rest must be culled and hidden.
      await page.evaluate(() => (window as unknown as W).__wtEditor.setCamera({ x: 0, y: 0, z: 1 }))
      await expect
        .poll(() => page.evaluate(() => (window as unknown as W).__wtEditor.getCulledShapes().size))
        .toBeGreaterThan(0)
      const display = await page.evaluate(() => {
        const editor = (window as unknown as W).__wtEditor
        const culled = [...editor.getCulledShapes()]
        const visible = editor.getCurrentPageShapes().find((s) => !editor.getCulledShapes().has(s.id))
        const style = (id: string) =>
          (document.querySelector(`.tl-shape[data-shape-id="${id}"]`) as HTMLElement | null)?.style.display
        return {
          culled: culled.length,
          culledDisplay: style(culled[0] ?? ''),
          visibleDisplay: style(visible?.id ?? ''),
        }
      })
      expect(display.culled).toBeGreaterThan(0)
      expect(display.culledDisplay).toBe('none')
      expect(display.visibleDisplay).toBe('block')
      // The first sync is applied without the doc's update event; the local copy stores the whole board after it.
      const name = `waardentafel:${board.id}:participant`
      await expect.poll(() => storedBytes(page, name), { timeout: 10_000 }).toBeGreaterThan(CARDS * 100)
      await context.close()
      await facilitator.context.close()
    } finally {
      await app.close()
    }
  })
})
