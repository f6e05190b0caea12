import { readFile } from 'node:fs/promises'
import { PDFDocument } from 'pdf-lib'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoDay } from '../src/export/exportFileName.ts'
import { createBoard, joinBoard, launchChromium, person, screenshot, startApp } from './browserHarness.ts'

let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
beforeAll(async () => {
  app = await startApp()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

type E = { __wtEditor: import('tldraw').Editor }
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** A frame with a note in it, made as a person would make them (in their own editor, synced to the server). */
async function frameWithNote(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = (window as unknown as E).__wtEditor
    editor.createShape({ type: 'frame', x: 0, y: 0, props: { w: 640, h: 400, name: 'Schillendiagram' } })
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame')
    if (!frame) throw new Error('no frame')
    editor.createShape({ type: 'geo', x: 80, y: 80, parentId: frame.id, props: { w: 200, h: 120 } })
    editor.selectNone()
    return frame.id
  })
}

/** Waits for the download a click starts; the file name must carry one of the days the click may have fallen on. */
async function downloadOf(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; days: string[] }> {
  const before = isoDay(new Date())
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()])
  return { download, days: [before, isoDay(new Date())] }
}

async function openExportSubmenu(page: Page): Promise<void> {
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Alles exporteren als' }).click()
}

describe('exports of the board', () => {
  it('[X1] PNG from the main menu is named after the board and the day, with the size tldraw exports', async () => {
    const board = await createBoard(app.url, 'Gebiedsvisie Noord')
    const p = await person(browser)
    await joinBoard(p.page, board.links.facilitator, 'Fatima', 'Gemeente')
    await frameWithNote(p.page)
    // The pixels of tldraw's own PNG of the whole page (its default scale and pixel ratio), decoded by Chromium.
    const expected = await p.page.evaluate(async () => {
      const editor = (window as unknown as E).__wtEditor
      const { blob } = await editor.toImage([...editor.getCurrentPageShapeIds()], { format: 'png', scale: 1 })
      const { width, height } = await createImageBitmap(blob)
      return { width, height }
    })
    // The frame is 640 × 400 on the board; a bitmap export has twice the pixels (tldraw's default pixel ratio).
    expect(expected).toEqual({ width: 1280, height: 800 })

    await openExportSubmenu(p.page)
    await screenshot(p.page, 'export-menu')
    const { download, days } = await downloadOf(p.page, () =>
      p.page.getByRole('menuitem', { name: 'PNG', exact: true }).click(),
    )
    expect(days.map((day) => `Gebiedsvisie Noord ${day}.png`)).toContain(download.suggestedFilename())
    const png = await readFile(await download.path())
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(png.toString('latin1', 12, 16)).toBe('IHDR')
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(expected)
    await p.context.close()
  })

  it('[X2] PDF of the whole board from the main menu and of a selected frame from the context menu: one page each', async () => {
    const board = await createBoard(app.url, 'Gebiedsvisie Noord')
    const p = await person(browser)
    await joinBoard(p.page, board.links.facilitator, 'Fatima', 'Gemeente')
    const frameId = await frameWithNote(p.page)

    await openExportSubmenu(p.page)
    const whole = await downloadOf(p.page, () =>
      p.page.getByRole('menuitem', { name: 'PDF', exact: true }).click(),
    )
    expect(whole.days.map((day) => `Gebiedsvisie Noord ${day}.pdf`)).toContain(
      whole.download.suggestedFilename(),
    )
    const pdf = await PDFDocument.load(await readFile(await whole.download.path()))
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getTitle()).toBe(whole.download.suggestedFilename().replace(/\.pdf$/, ''))

    // A selected frame: right-click it, "Exporteren als PDF"; the file is named after the frame too.
    const centre = await p.page.evaluate((id) => {
      const editor = (window as unknown as E).__wtEditor
      editor.select(id as import('tldraw').TLShapeId)
      editor.zoomToSelection({ animation: { duration: 0 } })
      const bounds = editor.getSelectionScreenBounds()
      if (!bounds) throw new Error('no selection')
      return { x: bounds.center.x, y: bounds.center.y }
    }, frameId)
    await p.page.mouse.click(centre.x, centre.y, { button: 'right' })
    await p.page.getByRole('menuitem', { name: 'Exporteren als PDF' }).waitFor()
    await screenshot(p.page, 'export-context-menu')
    const part = await downloadOf(p.page, () =>
      p.page.getByRole('menuitem', { name: 'Exporteren als PDF' }).click(),
    )
    expect(part.days.map((day) => `Gebiedsvisie Noord - Schillendiagram ${day}.pdf`)).toContain(
      part.download.suggestedFilename(),
    )
    expect((await PDFDocument.load(await readFile(await part.download.path()))).getPageCount()).toBe(1)
    await p.context.close()
  })
})
