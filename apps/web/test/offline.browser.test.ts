import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const noteTexts = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
    return editor
      .getCurrentPageShapes()
      .map((s) => editor.getShapeUtil(s).getText(s) ?? '')
      .sort()
  })

const addNote = (page: import('playwright-core').Page, text: string, x: number) =>
  page.evaluate(
    ([text, x]) => {
      const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
      editor.createShape({
        type: 'note',
        x: Number(x),
        y: 100,
        props: {
          richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        },
      })
    },
    [text, String(x)] as const,
  )

describe('offline and final close codes', () => {
  it('[B5] edits made offline are kept, shown as offline, and merge on reconnect', async () => {
    const app = await startApp()
    try {
      const board = await createBoard(app.url)
      const a = await person(browser)
      const b = await person(browser)
      await joinBoard(a.page, board.links.participant, 'Anna')
      await joinBoard(b.page, board.links.participant, 'Bram')

      await a.context.setOffline(true)
      await a.page.locator('[data-status=offline]').waitFor()
      await addNote(a.page, 'offline gemaakt', 0)
      await addNote(b.page, 'online gemaakt', 400)
      await a.context.setOffline(false)
      await a.page.locator('[data-status=connected]').waitFor({ timeout: 15_000 })
      const both = ['offline gemaakt', 'online gemaakt']
      await expect.poll(() => noteTexts(a.page), { timeout: 10_000 }).toEqual(both)
      await expect.poll(() => noteTexts(b.page), { timeout: 10_000 }).toEqual(both)
      await a.context.close()
      await b.context.close()
    } finally {
      await app.close()
    }
  })

  it('[B7] an edit made offline survives closing the tab: it is kept in IndexedDB and sent on the next visit', async () => {
    const app = await startApp()
    try {
      const board = await createBoard(app.url)
      const a = await person(browser)
      const b = await person(browser)
      await joinBoard(a.page, board.links.participant, 'Anna')
      await joinBoard(b.page, board.links.participant, 'Bram')
      await a.context.setOffline(true)
      await a.page.locator('[data-status=offline]').waitFor()
      const countStored = () =>
        a.page.evaluate(
          (name) =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open(name)
              open.onerror = () => reject(open.error)
              open.onsuccess = () => {
                const db = open.result
                const req = db.transaction('updates').objectStore('updates').count()
                req.onsuccess = () => {
                  db.close()
                  resolve(req.result)
                }
              }
            }),
          `waardentafel:${board.id}:participant`,
        )
      const before = await countStored()
      await addNote(a.page, 'bewaard op dit apparaat', 0)
      await expect.poll(countStored).toBeGreaterThan(before)
      await a.page.close()
      await a.context.setOffline(false)
      const again = await a.context.newPage()
      await again.goto(board.links.participant)
      await again.locator('[data-status=connected]').waitFor()
      await expect.poll(() => noteTexts(b.page), { timeout: 10_000 }).toEqual(['bewaard op dit apparaat'])
      await a.context.close()
      await b.context.close()
    } finally {
      await app.close()
    }
  })

  it('[B6] when the link expires the app stops reconnecting and says why', async () => {
    // Links valid for 8 seconds: the session starts fine (joining takes 3 s and more on a loaded machine), the next
    // reconnect is refused with 4410.
    const app = await startApp({ TOKEN_TTL_DAYS: String(8 / 86_400) })
    try {
      const board = await createBoard(app.url)
      const exp = JSON.parse(
        Buffer.from(
          new URL(board.links.participant).searchParams.get('token')!.split('.')[0]!,
          'base64url',
        ).toString(),
      ).exp as number
      const a = await person(browser)
      await joinBoard(a.page, board.links.participant, 'Anna')
      await a.context.setOffline(true)
      await a.page.locator('[data-status=offline]').waitFor()
      await a.page.waitForFunction((expMs) => Date.now() > expMs, exp * 1000, { timeout: 15_000 })
      await a.context.setOffline(false)
      const dialog = a.page.getByTestId('connection-closed')
      await dialog.waitFor({ timeout: 15_000 })
      expect(await dialog.textContent()).toContain('verlopen')
      await a.context.close()
    } finally {
      await app.close()
    }
  })
})
