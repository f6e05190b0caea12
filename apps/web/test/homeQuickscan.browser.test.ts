import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, ORGANISER, startApp } from './browserHarness.ts'

// "Begin met het Quickscan-sjabloon" on the home page (issue #17): the board is made with its template named in its
// document, and the first facilitator to open it finds the Quickscan laid out — once, for everyone.

let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
beforeAll(async () => {
  app = await startApp({ OPEN_BOARD_CREATION: 'false' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

type W = { __wtEditor: import('tldraw').Editor }

const shapeTypes = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as W).__wtEditor
      .getCurrentPageShapes()
      .map((s) => s.type)
      .sort(),
  )

async function openBoard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link)
  const field = page.getByLabel(/^Naam$/)
  await field.or(page.locator('.tl-canvas')).first().waitFor()
  if (await field.isVisible()) {
    await field.fill(name)
    await page.getByRole('button', { name: 'Naar het bord' }).click()
  }
  await page.locator('[data-status=connected]').waitFor()
}

describe('a board from the Quickscan template', () => {
  it('[HP16] is laid out when its first facilitator opens it; a board without the template stays empty', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
    const page = await context.newPage()
    await page.goto(app.url)
    await page.getByLabel('E-mailadres').fill(ORGANISER.email)
    await page.getByLabel('Wachtwoord').fill(ORGANISER.password)
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await page.getByLabel('Naam van de werkruimte').fill('Gemeente Veenhoek')
    await page.getByRole('button', { name: 'Werkruimte maken' }).click()
    await page.getByLabel('Naam van het project').fill('Zwembadlocatie')
    await page.getByRole('button', { name: 'Project maken' }).click()

    const make = async (title: string, quickscan: boolean) => {
      await page.getByLabel('Naam van het bord').fill(title)
      if (quickscan) await page.getByLabel('Begin met het Quickscan-sjabloon').check()
      await page.getByRole('button', { name: 'Bord maken' }).click()
      const links = page.getByTestId('board-links')
      await links.waitFor()
      const facilitator = await links.getByLabel('Link voor procesbegeleiders', { exact: true }).inputValue()
      const participant = await links.getByLabel('Link voor deelnemers', { exact: true }).inputValue()
      return { facilitator, participant }
    }
    const quickscan = await make('Quickscan sessie 1', true)

    // A participant who comes first sees an empty board: laying it out is the facilitator's.
    const early = await context.browser()!.newContext()
    const participant = await early.newPage()
    await openBoard(participant, quickscan.participant, 'Bram')
    expect(await shapeTypes(participant)).toEqual([])

    const fenna = await context.newPage()
    await openBoard(fenna, quickscan.facilitator, 'Fenna')
    const expected = [
      'wt-prioritering',
      ...Array(4).fill('wt-pvw-frame'),
      'wt-schillen',
      'wt-spanningen',
      ...Array(12).fill('wt-value-card'),
    ].sort()
    await expect.poll(() => shapeTypes(fenna)).toEqual(expected)
    await expect.poll(() => shapeTypes(participant)).toEqual(expected)
    // Opening it again lays nothing out twice.
    await fenna.reload()
    await fenna.locator('[data-status=connected]').waitFor()
    expect(await shapeTypes(fenna)).toEqual(expected)

    // Without the template, the facilitator's board starts empty.
    await page.bringToFront()
    const plain = await make('Kansenanalyse', false)
    const other = await context.newPage()
    await openBoard(other, plain.facilitator, 'Fenna')
    expect(await shapeTypes(other)).toEqual([])
    await early.close()
    await context.close()
  })
})
