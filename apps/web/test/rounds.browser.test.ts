import type { RoundReport } from '@waardentafel/protocol'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp, tokenOfLink } from './browserHarness.ts'

// Ballots of a prioritising round in real Chromium against the real server: a device's ballot is a key the server
// issues (asked for as soon as it can be reached; choices made before wait on the device), and a person links a
// second device by typing the first one's code — one person, one ballot.

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

async function place(page: Page, value: string, klasse: string): Promise<void> {
  const row = page
    .getByTestId('round-value')
    .filter({ has: page.getByRole('heading', { name: value, exact: true }) })
  await row.locator(`button[data-klasse="${klasse}"]`).click()
  await expect.poll(() => row.getAttribute('data-klasse')).toBe(klasse)
}

const klasseOf = (page: Page, value: string) =>
  page
    .getByTestId('round-value')
    .filter({ has: page.getByRole('heading', { name: value, exact: true }) })
    .getAttribute('data-klasse')

const syncOf = (page: Page) => page.getByTestId('round-sync').getAttribute('data-sync')

describe('ballots', () => {
  it('[BR1] a ballot key comes from the server (also after placing offline); a second device joins the same ballot by its code', async () => {
    const board = await createBoard(app.url, 'Stembiljetten')
    const fenna = await person(browser)
    const laptop = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(laptop.page, board.links.participant, 'Anna', 'GGD')

    await fenna.page.locator('[data-template=prioritering]').click()
    await laptop.page.waitForFunction(
      () =>
        (window as unknown as W).__wtEditor.getCurrentPageShapes().filter((s) => s.type === 'wt-value-card')
          .length === 12,
    )
    await fenna.page.getByRole('button', { name: 'Begeleiding', exact: true }).click()
    await fenna.page.getByRole('tab', { name: 'Rondes' }).click()
    await fenna.page.getByLabel('Titel', { exact: true }).fill('Prioriteer vóór vrijdag')
    await fenna.page.getByRole('button', { name: 'Ronde openen' }).click()
    const roundButton = laptop.page.getByRole('button', { name: 'Prioriteringsronde' })
    await roundButton.waitFor()

    // Offline before the device ever had a key: the choice waits on the device, and no code is shown yet.
    await laptop.context.setOffline(true)
    await roundButton.click()
    await place(laptop.page, 'Vergroenen', 'sturend')
    await expect.poll(() => syncOf(laptop.page), { timeout: 5000 }).toBe('pending')
    expect(await laptop.page.getByTestId('round-code').count()).toBe(0)
    // Back online: the server issues the key, and the waiting choice is sent under it.
    await laptop.context.setOffline(false)
    await expect.poll(() => syncOf(laptop.page), { timeout: 15_000 }).toBe('saved')
    const code = (await laptop.page.getByTestId('round-code').textContent()) ?? ''
    expect(code.replace(/-/g, '')).toMatch(/^[A-HJ-NP-Z2-9]{26}$/)

    // Anna's phone: its own (empty) ballot at first; a code the board never issued is refused by the server.
    const phone = await person(browser)
    await joinBoard(phone.page, board.links.participant, 'Anna', 'GGD')
    await phone.page.getByRole('button', { name: 'Prioriteringsronde' }).click()
    await expect.poll(() => phone.page.getByTestId('round-code').count(), { timeout: 10_000 }).toBe(1)
    expect(await phone.page.getByTestId('round-code').textContent()).not.toBe(code)
    await phone.page.getByRole('button', { name: 'Verder op een ander apparaat' }).click()
    await phone.page.getByLabel('Code van je andere apparaat').fill('ABCD-EFGH-JKMN-PQRS')
    await phone.page.getByRole('button', { name: 'Code gebruiken' }).click()
    await expect
      .poll(() => phone.page.locator('#wt-round-code-error').textContent(), { timeout: 5000 })
      .toContain('hoort niet bij dit bord')
    // The laptop's code: the phone continues Anna's ballot, with her choice restored from the server.
    await phone.page.getByLabel('Code van je andere apparaat').fill(code)
    await phone.page.getByRole('button', { name: 'Code gebruiken' }).click()
    await expect.poll(() => phone.page.getByTestId('round-code').textContent(), { timeout: 5000 }).toBe(code)
    await expect.poll(() => klasseOf(phone.page, 'Vergroenen'), { timeout: 5000 }).toBe('sturend')
    await place(phone.page, 'Geluid', 'meekoppelen')
    await expect.poll(() => syncOf(phone.page), { timeout: 5000 }).toBe('saved')

    // One person, one ballot: the facilitator sees Anna once, with both choices (a named round: who chose what).
    const report = async () => {
      const res = await fetch(`${app.url}/api/boards/${board.id}/rounds/${await roundId()}`, {
        headers: { authorization: `Bearer ${tokenOfLink(board.links.facilitator)}` },
      })
      return (await res.json()) as RoundReport
    }
    const roundId = () =>
      fenna.page.getByTestId('round-admin').getAttribute('data-round-id') as Promise<string>
    await expect
      .poll(async () => (await report()).progress, { timeout: 10_000 })
      .toEqual([{ name: 'Anna', organisation: 'GGD', placed: 2, done: false }])
    const ballots = fenna.page.getByTestId('round-ballots')
    await expect.poll(() => ballots.count(), { timeout: 10_000 }).toBe(1)
    await ballots.locator('summary').click()
    await expect.poll(() => ballots.textContent(), { timeout: 5000 }).toContain('Vergroenen: Sturend')
    await Promise.all([fenna, laptop, phone].map((p) => p.context.close()))
    // Three browser profiles on a shared machine: ~25 s quiet, more under load.
  }, 120_000)
})
