import { mkdirSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp, tokenOfLink } from './browserHarness.ts'

// Joining from the room (issue #21): the facilitator's join screen with a QR code and a short code, the home
// page's "Code invoeren", `/<code>`, labelled role links with their own copy buttons, and the observer's name.

const SHOTS = '/tmp/shots21'
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Saves the page as the people in the room would see it, and returns its pixels. */
async function shot(page: Page, name: string): Promise<PNG> {
  const png = await page.screenshot()
  writeFileSync(`${SHOTS}/${name}.png`, png)
  return PNG.sync.read(png)
}

/** Every axe-core result tagged WCAG 2.0/2.1 A or AA, whatever its impact. */
async function wcagViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

async function roleOf(boardId: string, link: string): Promise<string> {
  const res = await fetch(`${app.url}/api/boards/${boardId}/session`, {
    headers: { authorization: `Bearer ${tokenOfLink(link)}` },
  })
  return ((await res.json()) as { role: string }).role
}

describe('joining from the room', () => {
  it('[JN1] the join screen shows a QR code that decodes to a working participant link, and a short code that opens the board from the home page and at /<code>', async () => {
    const board = await createBoard(app.url, 'Bewonersavond Gnephoek')
    const fenna = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const screen = await fenna.newPage()
    await joinBoard(screen, board.links.facilitator, 'Fenna', 'Gemeente')
    await screen.getByRole('button', { name: 'Begeleiding', exact: true }).click()
    await screen.getByRole('tab', { name: 'Links' }).click()
    await screen.getByRole('button', { name: 'Deelnamescherm tonen (QR-code en code)' }).click()
    const codeBox = screen.getByTestId('join-code')
    await codeBox.waitFor()
    const code = (await codeBox.getAttribute('data-code')) ?? ''
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
    expect(await screen.getByTestId('join-url').textContent()).toBe(`${new URL(app.url).host}/${code}`)
    expect(await screen.getByRole('dialog').getByRole('heading').textContent()).toBe(
      'Doe mee met “Bewonersavond Gnephoek”',
    )

    // The QR code, read from the screenshot's pixels as a phone camera would read the big screen.
    const pixels = await shot(screen, 'join-screen')
    const decoded = jsQR(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height)
    expect(decoded).not.toBeNull()
    const link = decoded?.data ?? ''
    expect(new URL(link).pathname).toBe(`/b/${board.id}`)
    expect(await roleOf(board.id, link)).toBe('participant')
    expect(await wcagViolations(screen)).toEqual([])

    // A phone scans it and is on the board as a participant.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const bram = await phone.newPage()
    await joinBoard(bram, link, 'Bram', 'Bewoners')
    await shot(bram, 'joined-by-qr-phone')

    // Someone else types the code on the home page, as people type it: lower case, with a space.
    const third = await person(browser)
    await third.page.goto(app.url)
    await third.page.getByLabel('Code invoeren').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`)
    await shot(third.page, 'home-code-typed')
    expect(await wcagViolations(third.page)).toEqual([])
    await third.page.getByRole('button', { name: 'Naar het bord' }).click()
    await third.page.getByLabel(/^Naam$/).waitFor()
    expect(new URL(third.page.url()).pathname).toBe(`/b/${board.id}`)
    await third.page.getByLabel(/^Naam$/).fill('Chantal')
    await third.page.getByLabel(/Organisatie/).fill('GGD')
    await third.page.getByRole('button', { name: 'Naar het bord' }).click()
    await third.page.locator('[data-status=connected]').waitFor()
    // The token left the address bar as with any link.
    expect(new URL(third.page.url()).search).toBe('')

    // And `/<code>` opens the board too; a wrong code says so.
    const fourth = await person(browser)
    await fourth.page.goto(`${app.url}/${code}`)
    await fourth.page.getByLabel(/^Naam$/).waitFor()
    expect(new URL(fourth.page.url()).pathname).toBe(`/b/${board.id}`)
    const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'
    await fourth.page.goto(`${app.url}/${wrong}`)
    await fourth.page.getByTestId('join-code-error').waitFor()
    expect(await fourth.page.getByTestId('join-code-error').textContent()).toContain(
      'Deze code kennen we niet',
    )

    // The facilitator closes the join screen and is back on the board.
    await screen.getByTestId('join-screen').getByRole('button', { name: 'Sluiten', exact: true }).click()
    await screen.getByTestId('join-screen').waitFor({ state: 'detached' })
    await Promise.all([fenna.close(), phone.close(), third.context.close(), fourth.context.close()])
  }, 180_000)

  it('[JN2] the home page labels each role link with its role and copies each with its own button', async () => {
    const p = await person(browser)
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    await p.page.goto(app.url)
    await p.page.getByLabel('Naam van het bord').fill('Quickscan')
    await p.page.getByRole('button', { name: 'Bord maken' }).click()
    const links = p.page.getByTestId('board-links')
    await links.waitFor()
    const labels = [
      'Link voor procesbegeleiders',
      'Link voor deelnemers',
      'Link voor toeschouwers (alleen lezen)',
    ]
    for (const label of labels) expect(await links.getByLabel(label, { exact: true }).count()).toBe(1)
    const participant = await links.getByLabel('Link voor deelnemers', { exact: true }).inputValue()
    await links.getByRole('button', { name: /^Kopieer\W+Link voor deelnemers$/ }).click()
    await links.getByRole('button', { name: /^Gekopieerd\W+Link voor deelnemers$/ }).waitFor()
    expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(participant)
    // Only that row says so.
    expect(await links.getByRole('button', { name: /^Kopieer\W/ }).count()).toBe(2)
    await shot(p.page, 'home-links')
    await p.context.close()
  })

  it('[JN3] an observer is asked for a name too, or watches explicitly as an observer without one', async () => {
    const board = await createBoard(app.url, 'Raadsavond')
    const named = await person(browser)
    await named.page.goto(board.links.observer)
    await named.page.getByLabel(/^Naam$/).waitFor()
    await shot(named.page, 'observer-name')
    expect(await wcagViolations(named.page)).toEqual([])
    await named.page.getByLabel(/^Naam$/).fill('Wethouder Jansen')
    await named.page.getByLabel(/Organisatie/).fill('Gemeente')
    await named.page.getByRole('button', { name: 'Naar het bord' }).click()
    await named.page.locator('[data-status=connected]').waitFor()

    const anonymous = await person(browser)
    await anonymous.page.goto(board.links.observer)
    await anonymous.page.getByRole('button', { name: 'Meekijken als toeschouwer, zonder naam' }).click()
    await anonymous.page.locator('[data-status=connected]').waitFor()

    // The facilitator sees the named observer by name.
    const fenna = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna')
    await fenna.page.getByText('Wethouder Jansen').first().waitFor()
    await Promise.all([named.context.close(), anonymous.context.close(), fenna.context.close()])
  })
})
