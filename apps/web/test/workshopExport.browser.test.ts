import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfLines } from '../../../packages/domain/test/support/pdfText.ts'
import { unzip } from '../../../packages/domain/test/support/unzip.ts'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

// Issue #19, "Done when": a small workshop played in Chromium as its people play it — values placed, three
// baathouders put in the schillendiagram on the canvas and through the Overzicht, a tension — and then every
// export the server makes of that live board holds the baathouders and the bestuurlijke samenvatting, and none
// of the engine's codes.

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

type W = { __wtEditor: import('tldraw').Editor }

const BAATHOUDERS = ['GGD', 'Bewonersvereniging De Veenhoek', 'Woningcorporatie Veenwonen']
/**
 * What the document for the college must not show: the kwaliteitstoets's codes and its "Fout" lines. ("Shareholders"
 * stays: part D's title is the handreiking's own, "D. Shareholders en gedeeld eigenaarschap".)
 */
const ENGINE_WORDS = [/\[(PVW|BOARD)-[A-Z0-9-]+\]/, /\bFout\b/, /\bError\b/]

function valueCards(page: Page): Promise<{ id: string; name: string }[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as W).__wtEditor
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'wt-value-card')
      .map((s) => ({ id: s.id, name: editor.getShapeUtil(s).getText(s) ?? '' }))
  })
}

function baathouderNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as W).__wtEditor
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'wt-baathouder-card')
      .map((s) => editor.getShapeUtil(s).getText(s) ?? '')
      .sort()
  })
}

async function openOutline(page: Page) {
  const menu = page.getByTestId('menu-toggle')
  if (await menu.isVisible()) await menu.click()
  await page.getByTestId('outline-toggle').focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('outline').getByRole('heading', { level: 3 }).first().waitFor()
  return page.getByTestId('outline')
}

describe('a small workshop, exported', () => {
  it('[WX1] baathouders from the canvas and the Overzicht, the samenvatting, and no codes in Word, PDF, Markdown and JSON', async () => {
    const board = await createBoard(app.url, 'Zwembadlocatie De Veenhoek')
    const fenna = await person(browser)
    const bram = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(bram.page, board.links.participant, 'Bram', 'GGD')
    for (const kind of ['prioritering', 'schillen', 'spanningen', 'pvw'])
      await fenna.page.locator(`[data-template=${kind}]`).click()
    await expect.poll(async () => (await valueCards(bram.page)).length).toBe(12)

    // Values: two to Sturend and one to Meekoppelen, by keyboard on the canvas (Alt+1 / Alt+2).
    const values = await valueCards(bram.page)
    for (const [value, key] of [
      [values[0]!, 'Alt+Digit1'],
      [values[1]!, 'Alt+Digit1'],
      [values[2]!, 'Alt+Digit2'],
    ] as const) {
      await bram.page.evaluate((id) => {
        ;(document.activeElement as HTMLElement | null)?.blur()
        ;(window as unknown as W).__wtEditor.select(id as never)
      }, value.id)
      await bram.page.keyboard.press(key)
    }

    // A baathouder on the canvas, from the library: Bram puts the GGD in the schillendiagram.
    await bram.page.getByText('Baathouders uit de bibliotheek').click()
    await bram.page.getByLabel('Zoeken').fill('ggd')
    await bram.page.getByRole('button', { name: 'GGD toevoegen' }).click()

    // Two through the Overzicht, in schil 3 and 2, and a tension between the two Sturend values.
    const outline = await openOutline(fenna.page)
    const schillen = outline.locator('[data-kind=schillen]')
    for (const [name, ring] of [
      [BAATHOUDERS[1]!, '3'],
      [BAATHOUDERS[2]!, '2'],
    ] as const) {
      await schillen.getByLabel('In schil').selectOption(ring)
      await schillen.getByLabel('Baathouder toevoegen').fill(name)
      await schillen.getByLabel('Baathouder toevoegen').press('Enter')
    }
    const wall = outline.locator('[data-kind=spanningen]')
    await wall.getByLabel('Spanning toevoegen').fill('Parkeren en spelen')
    await wall.getByLabel('Spanning toevoegen').press('Enter')
    const tension = outline.locator('li', { hasText: 'Parkeren en spelen' })
    await tension.getByRole('button', { name: 'Bewerk Parkeren en spelen' }).click()
    const choices = tension.getByRole('group', { name: 'Tussen deze waarden' })
    await choices.getByRole('checkbox').nth(0).check()
    await choices.getByRole('checkbox').nth(1).check()
    await expect.poll(() => baathouderNames(bram.page)).toEqual([...BAATHOUDERS].sort())

    // The exports the server makes of the live board, as the PvW panel downloads them.
    const token = new URL(board.links.participant).searchParams.get('token') ?? ''
    const exported = async (format: string) => {
      const res = await fetch(`${app.url}/api/boards/${board.id}/programma?format=${format}&download=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(res.status, format).toBe(200)
      return new Uint8Array(await res.arrayBuffer())
    }
    const markdown = new TextDecoder().decode(await exported('md'))
    const json = new TextDecoder().decode(await exported('json'))
    const documentXml = new TextDecoder().decode(unzip(await exported('docx')).get('word/document.xml'))
    const word = documentXml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    const pdf = (await pdfLines(await exported('pdf'))).flat().join('\n')

    for (const [format, text] of Object.entries({ markdown, word, pdf })) {
      for (const name of BAATHOUDERS) expect(text, `${format} names ${name}`).toContain(name)
      expect(text, `${format} has the samenvatting`).toContain('Bestuurlijke samenvatting')
      for (const word of ENGINE_WORDS) expect(text, `${format} shows no engine words`).not.toMatch(word)
    }
    // JSON is the data, not the document: every baathouder is in it, each in its schil.
    const pvw = JSON.parse(json) as unknown
    for (const name of BAATHOUDERS) expect(JSON.stringify(pvw)).toContain(name)
    await Promise.all([fenna.context.close(), bram.context.close()])
  })
})
