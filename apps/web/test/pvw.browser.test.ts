import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

const fixture = readFileSync(
  join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
  'utf8',
)

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

describe('Programma van Waarden panel', () => {
  it("[P1] shows parts A–F and the checks of the live board, zooms to a finding's cards, and updates as cards change", async () => {
    const res = await fetch(`${app.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fixture,
    })
    const board = (await res.json()) as CreateBoardResponse
    const p = await person(browser)
    await joinBoard(p.page, board.links.facilitator, 'Fenna')
    await p.page.getByRole('button', { name: 'Programma van Waarden' }).click()
    const panel = p.page.getByTestId('pvw-panel')
    for (const part of ['A. Gebiedsambitie', 'B.', 'C.', 'D.', 'E.', 'F.']) {
      await expect.poll(() => panel.textContent()).toContain(part)
    }

    const finding = p.page.getByTestId('pvw-findings').locator('li').first()
    await finding.getByRole('button').click()
    const selected = await p.page.evaluate(
      () => (window as unknown as E).__wtEditor.getSelectedShapeIds().length,
    )
    expect(selected).toBeGreaterThan(0)

    // Delete every tension card: the toets must now say the Kansenanalyse collected too little.
    expect(await p.page.locator('[data-code="PVW-B-NO-TENSIONS"]').count()).toBe(0)
    await p.page.evaluate(() => {
      const editor = (window as unknown as E).__wtEditor
      const tensions = editor.getCurrentPageShapes().filter((s) => s.type === 'wt-tension-card')
      editor.deleteShapes(tensions.map((s) => s.id))
    })
    await p.page.locator('[data-code="PVW-B-NO-TENSIONS"]').waitFor()
    await p.context.close()
  })

  it('[P2] downloads the concept PDF of the live board, with the kwaliteitstoets annex on request, named after the board and the day', async () => {
    const res = await fetch(`${app.url}/api/boards/import?title=${encodeURIComponent('De Veenhoek')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fixture,
    })
    const board = (await res.json()) as CreateBoardResponse
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, 'Pim')
    await p.page.getByRole('button', { name: 'Programma van Waarden' }).click()
    const panel = p.page.getByTestId('pvw-panel')
    await panel.getByLabel('Kwaliteitstoets als bijlage (voor het kernteam)').check()
    const [download, request] = await Promise.all([
      p.page.waitForEvent('download'),
      p.page.waitForRequest((r) => r.url().includes('/programma?')),
      panel.getByRole('button', { name: 'PDF', exact: true }).click(),
    ])
    const asked = new URL(request.url()).searchParams
    expect(Object.fromEntries(asked)).toEqual({
      format: 'pdf',
      kwaliteitstoets: '1',
    })
    expect(download.suggestedFilename()).toMatch(/^Programma van Waarden - .+ \d{4}-\d{2}-\d{2}\.pdf$/)
    const path = await download.path()
    const bytes = readFileSync(path)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // What the cover then says is the server's test ([X3] in apps/server); here, that the choice reached it.
    expect(bytes.byteLength).toBeGreaterThan(2000)
    await p.context.close()
  })
})
