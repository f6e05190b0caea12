import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchChromium, person, startApp, tokenOfLink } from './browserHarness.ts'

const fixture = readFileSync(
  join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
  'utf8',
)

/** axe-core's serious and critical findings in the versions section (WCAG 2.1 AA, as a11y.browser.test.ts). */
async function sectionViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="pvw-versions"]').analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

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

describe('PvW versions in the panel', () => {
  it('[VS1] the facilitator offers the PvW for adoption, a participant signs the intentieverklaring from their own link, and both see it; then it is vastgesteld', async () => {
    const res = await fetch(`${app.url}/api/boards/import?title=${encodeURIComponent('De Veenhoek')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: fixture,
    })
    const board = (await res.json()) as CreateBoardResponse

    const fenna = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Gemeente')
    await fenna.page.getByRole('button', { name: 'Programma van Waarden' }).click()
    const facilitatorPanel = fenna.page.getByTestId('pvw-versions')
    await facilitatorPanel.getByText('Nog geen versies.').waitFor()
    await facilitatorPanel.getByRole('button', { name: 'Ter vaststelling aanbieden' }).click()
    await facilitatorPanel.getByText('Versie 1 staat ter vaststelling.').waitFor()
    await expect
      .poll(() => facilitatorPanel.getByTestId('version-1').getAttribute('data-status'))
      .toBe('ter vaststelling')

    // A participant, in their own browser, signs from the participant link.
    const anna = await person(browser)
    await joinBoard(anna.page, board.links.participant, 'Anna', 'GGD')
    await anna.page.getByRole('button', { name: 'Programma van Waarden' }).click()
    const panel = anna.page.getByTestId('pvw-versions')
    await expect(panel.getByRole('button', { name: 'Ter vaststelling aanbieden' }).count()).resolves.toBe(0)
    await panel.getByRole('button', { name: 'Bekijk versie 1' }).click()
    const view = panel.getByTestId('version-view-1')
    await view.getByText('borging tot na oplevering', { exact: false }).waitFor()
    expect(await sectionViolations(anna.page)).toEqual([])
    await view.getByLabel('Naam', { exact: true }).fill('Anna de Vries')
    await view.getByLabel('Organisatie', { exact: true }).fill('GGD Hollands Noorden')
    await view.getByLabel('Mandaat (bijvoorbeeld wethouder, directeur)').fill('directeur publieke gezondheid')
    await view.getByLabel('Namens').selectOption('GGD')
    await view.getByRole('button', { name: 'Ondertekenen' }).click()
    await view.getByText('Je hebt deze versie ondertekend.').waitFor()
    await expect.poll(() => view.getByTestId('version-signatures').textContent()).toContain('Anna de Vries')
    await expect.poll(() => panel.getByTestId('version-1').textContent()).toContain('1 handtekening')

    // The facilitator sees it in the version (its table and history) and records the vaststelling.
    // Their view of version 1 is open since they froze it: closed and opened again, it is read anew.
    await facilitatorPanel.getByRole('button', { name: 'Verberg' }).click()
    await facilitatorPanel.getByRole('button', { name: 'Bekijk versie 1' }).click()
    const fview = facilitatorPanel.getByTestId('version-view-1')
    await expect
      .poll(() => fview.getByTestId('version-signatures').textContent())
      .toContain('directeur publieke gezondheid')
    await expect
      .poll(() => fview.getByTestId('version-history').textContent())
      .toContain('Getekend door Anna de Vries (GGD Hollands Noorden) namens GGD')
    expect(await sectionViolations(fenna.page)).toEqual([])
    await fview.getByLabel('Vastgesteld door').selectOption('college')
    await fview.getByRole('button', { name: 'Markeer als vastgesteld' }).click()
    await expect
      .poll(() => facilitatorPanel.getByTestId('version-1').getAttribute('data-status'))
      .toBe('vastgesteld')
    await expect
      .poll(() => fview.getByTestId('version-history').textContent())
      .toContain('door het College van B en W')

    // The document the college receives carries the signature (read as Markdown, as the app downloads it).
    const [download] = await Promise.all([
      anna.page.waitForEvent('download'),
      panel.getByTestId('version-1').getByRole('button', { name: 'Markdown' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      /^Programma van Waarden - De Veenhoek versie 1 \d{4}-\d{2}-\d{2}\.md$/,
    )
    const md = await fetch(`${app.url}/api/boards/${board.id}/versions/1/document?format=md`, {
      headers: { authorization: `Bearer ${tokenOfLink(board.links.participant)}` },
    }).then((r) => r.text())
    expect(md).toContain('| Anna de Vries | GGD Hollands Noorden | GGD | directeur publieke gezondheid |')
    expect(md).toContain('**Status:** vastgesteld')

    // Compare the version with the live board: nothing changed since.
    const compare = facilitatorPanel.getByTestId('version-compare')
    await compare.getByRole('button', { name: 'Vergelijk' }).click()
    await compare.getByText('Geen verschillen', { exact: false }).waitFor()
    await anna.context.close()
    await fenna.context.close()
  })
})
