import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, ORGANISER, startApp, tokenOfLink } from './browserHarness.ts'

// The organiser's home (issue #17) in real Chromium against the real server (port 0, a real SQLite file), started
// WITHOUT open board creation, with the harness's local organiser account: signing in, workspaces →
// projects → boards, finding a board again after a restart, opening it as facilitator, its links, and its
// lifecycle (archive, restore, delete with the title typed, restore within the grace period), the logboek.

const ENV = { OPEN_BOARD_CREATION: 'false' }
const SHOTS = '/tmp/shots-home'
const DOCS_SHOTS = join(import.meta.dirname, '../../../docs/screenshots')

let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp(ENV)
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
  page = await context.newPage()
  page.on('pageerror', (error) => console.error('[pageerror]', error.message))
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function shot(target: Page, name: string): Promise<string> {
  const path = `${SHOTS}/${name}.png`
  await target.screenshot({ path, fullPage: true })
  return path
}

/** Every axe-core result tagged WCAG 2.0/2.1 A or AA. */
async function wcagViolations(target: Page) {
  const result = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

async function signIn(target: Page, password: string = ORGANISER.password): Promise<void> {
  await target.getByLabel('E-mailadres').fill(ORGANISER.email)
  await target.getByLabel('Wachtwoord').fill(password)
  await target.getByRole('button', { name: 'Inloggen', exact: true }).click()
}

const boardCard = (title: string): Locator =>
  page.getByTestId('org-board').filter({ has: page.getByRole('heading', { name: title, exact: true }) })

async function showView(name: 'Actief' | 'Gearchiveerd' | 'Verwijderd (nog terug te zetten)'): Promise<void> {
  await page.getByRole('radio', { name }).check()
}

describe('home for organisers', () => {
  it('[HP1] signed out: a sign-in page in Dutch, a line for people with a link, and no board without signing in', async () => {
    await page.goto(app.url)
    await page.getByRole('heading', { name: 'Inloggen voor organisatoren' }).waitFor()
    await page.getByRole('heading', { name: 'Heb je een link gekregen?' }).waitFor()
    expect(await page.getByText('Open die link — je hebt geen account nodig.').count()).toBe(1)
    expect(await page.getByLabel('Code invoeren').count()).toBe(1)
    // This server has no OpenID provider and no open creation: neither is offered.
    expect(await page.getByRole('link', { name: 'Inloggen met je organisatie' }).count()).toBe(0)
    expect(await page.getByRole('heading', { name: 'Nieuw bord' }).count()).toBe(0)
    copyFileSync(await shot(page, 'sign-in'), join(DOCS_SHOTS, 'sign-in.png'))
    // On a phone the two columns become one, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 780 })
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await shot(page, 'sign-in-phone')
    await page.setViewportSize({ width: 1280, height: 860 })
    const anonymous = await fetch(`${app.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Zonder account' }),
    })
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('SIGN_IN_REQUIRED')
    const refused = await fetch(`${app.url}/api/workspaces`)
    expect(refused.status).toBe(401)

    await signIn(page, 'niet-het-wachtwoord')
    const alert = page.getByTestId('sign-in').getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe(
      'Dat e-mailadres en wachtwoord horen niet bij elkaar. Probeer het opnieuw.',
    )
    expect(await wcagViolations(page)).toEqual([])
  })

  it('[HP2] signs in locally, makes a workspace, a project and a board in it, and shows its links', async () => {
    await signIn(page)
    await page.getByTestId('signed-in-as').waitFor()
    await page.getByLabel('Naam van de werkruimte').fill('Gemeente Veenhoek')
    await page.getByRole('button', { name: 'Werkruimte maken' }).click()
    await page.getByLabel('Naam van het project').fill('Herontwikkeling zwembadlocatie De Veenhoek')
    await page.getByLabel('Gebied', { exact: true }).fill('De Veenhoek')
    await page.getByLabel('Gemeente', { exact: true }).fill('Veenhoek')
    await page.getByLabel(/^Kernteam/).fill('Anouk de Vries, Sem Bakker')
    await page.getByRole('button', { name: 'Project maken' }).click()
    const panel = page.locator('.wt-org-project-panel')
    await panel.getByRole('heading', { name: 'Herontwikkeling zwembadlocatie De Veenhoek' }).waitFor()
    expect(await panel.getByText('Kernteam: Anouk de Vries, Sem Bakker').count()).toBe(1)

    await page.getByLabel('Naam van het bord').fill('Quickscan — sessie 1')
    await page.getByLabel('Begin met het Quickscan-sjabloon').check()
    await page.getByRole('button', { name: 'Bord maken' }).click()
    const links = page.getByTestId('board-links')
    await links.waitFor()
    const participant = await links.getByLabel('Link voor deelnemers', { exact: true }).inputValue()
    expect(participant).toMatch(/\/b\/[A-Za-z0-9_-]+\?token=/)
    await boardCard('Quickscan — sessie 1').waitFor()
    expect(await boardCard('Quickscan — sessie 1').getByText('Nog niet geopend').count()).toBe(1)
    // A second board, for searching.
    await page.getByLabel('Naam van het bord').fill('Kansenanalyse bewoners')
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await boardCard('Kansenanalyse bewoners').waitFor()
    await page.getByRole('button', { name: /^Alle borden/ }).focus()
  })

  it('[HP3] finds a board again after a server restart (same data folder), by a server-side search', async () => {
    await app.close()
    app = await startApp(ENV, app.dataDir)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    await page.goto(app.url)
    // The session is stored with the server's data; the cookie is the browser's: still signed in.
    await page.getByTestId('signed-in-as').waitFor()
    await page.getByLabel('Zoek borden').fill('quickscan')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=org-board]').length === 1)
    await boardCard('Quickscan — sessie 1').waitFor()
    expect(
      await boardCard('Quickscan — sessie 1')
        .getByText(/Gemeente Veenhoek › Herontwikkeling/)
        .count(),
    ).toBe(1)
    await page.getByLabel('Zoek borden').fill('')
    await boardCard('Kansenanalyse bewoners').waitFor()
  })

  it('[HP4] opens a board as facilitator in one click; home then says when it was opened and who is on it now', async () => {
    const facilitator = await context.newPage()
    await facilitator.goto(app.url)
    await facilitator
      .getByTestId('org-board')
      .filter({ has: facilitator.getByRole('heading', { name: 'Quickscan — sessie 1', exact: true }) })
      .getByRole('button', { name: 'Openen als procesbegeleider' })
      .click()
    await facilitator.waitForURL(/\/b\//)
    const name = facilitator.getByLabel(/^Naam$/)
    await name.or(facilitator.locator('.tl-canvas')).first().waitFor()
    if (await name.isVisible()) {
      await name.fill('Anouk')
      await facilitator.getByLabel(/Organisatie/).fill('Gemeente Veenhoek')
      await facilitator.getByRole('button', { name: 'Naar het bord' }).click()
    }
    await facilitator.locator('[data-status=connected]').waitFor()
    // The facilitator's tools are there: the link was a facilitator link.
    await facilitator.getByRole('button', { name: 'Begeleiding', exact: true }).waitFor()

    await page.reload()
    const card = boardCard('Quickscan — sessie 1')
    await card.getByTestId('live-count').waitFor()
    expect(await card.getByTestId('live-count').textContent()).toBe('1 nu aanwezig')
    expect(await card.getByText(/^Laatst geopend \d/).count()).toBe(1)
    await page.getByRole('button', { name: /^Herontwikkeling zwembadlocatie De Veenhoek/ }).click()
    await page.locator('.wt-org-project-panel').waitFor()
    await card.getByTestId('live-count').waitFor()
    copyFileSync(await shot(page, 'home-organiser'), join(DOCS_SHOTS, 'home-organiser.png'))
    await facilitator.close()
  })

  it('[HP5] role links from home: fresh ones copied with their own button, reissued, and revoked', async () => {
    const card = boardCard('Quickscan — sessie 1')
    await card.getByRole('button', { name: 'Links', exact: true }).click()
    const panel = card.getByTestId('org-links')
    const participantInput = panel.getByLabel('Link voor deelnemers', { exact: true })
    await participantInput.waitFor()
    const first = await participantInput.inputValue()
    await panel.getByRole('button', { name: /^Kopieer\W+Link voor deelnemers$/ }).click()
    await panel.getByRole('button', { name: /^Gekopieerd\W+Link voor deelnemers$/ }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first)

    const participant = panel.locator('[data-role=participant].wt-org-role')
    await participant.getByRole('button', { name: 'Alle links intrekken' }).click()
    await participant.getByRole('button', { name: 'Ja, intrekken' }).click()
    await panel.getByText('Ingetrokken. Dit is de nieuwe link.').waitFor()
    const renewed = await participantInput.inputValue()
    expect(renewed).not.toBe(first)
    const boardId = new URL(first).pathname.split('/')[2] ?? ''
    const session = (link: string) =>
      fetch(`${app.url}/api/boards/${boardId}/session`, {
        headers: { authorization: `Bearer ${tokenOfLink(link)}` },
      })
    const old = await session(first)
    expect(old.status).toBe(403)
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe('TOKEN_REVOKED')
    expect((await session(renewed)).status).toBe(200)

    await participant.getByRole('button', { name: 'Nieuwe link' }).click()
    await panel.getByText('Nieuwe link gemaakt.').waitFor()
    expect(await wcagViolations(page)).toEqual([])
    const reissued = await session(await participantInput.inputValue())
    expect(reissued.status).toBe(200)
    expect(((await reissued.json()) as { role: string }).role).toBe('participant')
    await card.getByRole('button', { name: 'Links', exact: true }).click()
  })

  it('[HP6] archives a board: it leaves the list, shows under Gearchiveerd, and is restored', async () => {
    const card = boardCard('Kansenanalyse bewoners')
    await card.getByRole('button', { name: 'Acties voor “Kansenanalyse bewoners”' }).click()
    await card.getByRole('button', { name: 'Archiveren' }).click()
    await card.getByRole('button', { name: 'Ja, archiveren' }).click()
    await page.getByTestId('board-notice').getByText('“Kansenanalyse bewoners” is gearchiveerd.').waitFor()
    await card.waitFor({ state: 'detached' })
    // The board left the list, with the focus: the notice has it, so the keyboard goes on from there.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'board-notice',
    )

    await showView('Gearchiveerd')
    await page.getByRole('heading', { name: 'Gearchiveerde borden' }).waitFor()
    const archived = boardCard('Kansenanalyse bewoners')
    await archived.getByText('Gearchiveerd', { exact: true }).waitFor()
    await archived.getByRole('button', { name: 'Terugzetten' }).click()
    await page.getByTestId('board-notice').getByText('“Kansenanalyse bewoners” is teruggezet.').waitFor()
    await archived.waitFor({ state: 'detached' })
    await showView('Actief')
    await boardCard('Kansenanalyse bewoners').waitFor()
  })

  it('[HP7] deletes only with the title typed, says until when it can be restored, and restores it', async () => {
    const card = boardCard('Kansenanalyse bewoners')
    await card.getByRole('button', { name: 'Acties voor “Kansenanalyse bewoners”' }).click()
    await card.getByRole('button', { name: 'Verwijderen' }).click()
    const confirm = card.getByRole('button', { name: 'Definitief verwijderen' })
    expect(await confirm.isDisabled()).toBe(true)
    const typed = card.getByLabel(/^Typ de naam van het bord om te bevestigen/)
    await typed.fill('Kansenanalyse')
    expect(await confirm.isDisabled()).toBe(true)
    await typed.fill('Kansenanalyse bewoners')
    await confirm.click()
    const notice = page.getByTestId('board-notice')
    await notice
      .getByText(/^“Kansenanalyse bewoners” is verwijderd\. Tot \d{1,2}-\d{1,2}-\d{4} kun je/)
      .waitFor()
    await card.waitFor({ state: 'detached' })

    await showView('Verwijderd (nog terug te zetten)')
    const deleted = boardCard('Kansenanalyse bewoners')
    await deleted.getByText(/^Verwijderd — definitief gewist op \d/).waitFor()
    await showView('Actief')
    await notice.getByRole('button', { name: 'Terugzetten' }).click()
    await notice.getByText('“Kansenanalyse bewoners” is teruggezet.').waitFor()
    await boardCard('Kansenanalyse bewoners').waitFor()
  })

  it('[HP12] renames a board, moves it to another project, and duplicates one with its content', async () => {
    await page.getByText('Nieuw project', { exact: true }).click()
    await page.getByLabel('Naam van het project').fill('Centrumplan Veenhoek')
    await page.getByRole('button', { name: 'Project maken' }).click()
    await page
      .locator('.wt-org-project-panel')
      .getByRole('heading', { name: 'Centrumplan Veenhoek' })
      .waitFor()
    await page.getByRole('button', { name: 'Alle borden' }).click()
    const notice = page.getByTestId('board-notice')

    const card = boardCard('Kansenanalyse bewoners')
    await card.getByRole('button', { name: 'Acties voor “Kansenanalyse bewoners”' }).click()
    await card.getByRole('button', { name: 'Naam wijzigen' }).click()
    await card.getByLabel('Nieuwe naam').fill('Kansenanalyse bewoners en ondernemers')
    await card.getByRole('button', { name: 'Opslaan' }).click()
    await notice.getByText('Naam gewijzigd.').waitFor()
    const renamed = boardCard('Kansenanalyse bewoners en ondernemers')
    await renamed.waitFor()

    await renamed.getByRole('button', { name: /^Acties voor/ }).click()
    await renamed.getByRole('button', { name: 'Verplaatsen' }).click()
    await renamed.getByLabel('Naar project').selectOption({ label: 'Centrumplan Veenhoek' })
    await renamed.getByRole('button', { name: 'Bord verplaatsen' }).click()
    await notice.getByText('Verplaatst naar “Centrumplan Veenhoek”.').waitFor()
    await renamed.getByText('Gemeente Veenhoek › Centrumplan Veenhoek').waitFor()

    const quickscan = boardCard('Quickscan — sessie 1')
    await quickscan.getByRole('button', { name: /^Acties voor/ }).click()
    await quickscan.getByRole('button', { name: 'Dupliceren' }).click()
    expect(await quickscan.getByLabel('Naam van de kopie').inputValue()).toBe(
      'Kopie van Quickscan — sessie 1',
    )
    expect(await quickscan.getByLabel(/^Met inhoud/).isChecked()).toBe(true)
    await quickscan.getByRole('button', { name: 'Kopie maken' }).click()
    await notice.getByText('Kopie “Kopie van Quickscan — sessie 1” gemaakt.').waitFor()
    await boardCard('Kopie van Quickscan — sessie 1')
      .getByText('Gemeente Veenhoek › Herontwikkeling zwembadlocatie De Veenhoek')
      .waitFor()
  })

  it('[HP15] edits a project: its kernteam and its retention period (AVG), kept after a reload', async () => {
    await page.getByRole('button', { name: /^Herontwikkeling zwembadlocatie De Veenhoek/ }).click()
    const panel = page.locator('.wt-org-project-panel')
    await panel.getByText('Bewaartermijn: 24 maanden na de laatste wijziging van een bord').waitFor()
    await panel.getByRole('button', { name: 'Project bewerken' }).click()
    await panel.getByLabel(/^Kernteam/).fill('Anouk de Vries, Sem Bakker, Fatima El Amrani')
    const retention = panel.getByLabel('Bewaartermijn in maanden')
    const save = panel.getByRole('button', { name: 'Opslaan' })
    await retention.fill('0')
    expect(await save.isDisabled()).toBe(true)
    await retention.fill('36')
    await save.click()
    await panel.getByText('Bewaartermijn: 36 maanden na de laatste wijziging van een bord').waitFor()
    await panel.getByText('Kernteam: Anouk de Vries, Sem Bakker, Fatima El Amrani').waitFor()
    await page.reload()
    await page.getByRole('button', { name: /^Herontwikkeling zwembadlocatie De Veenhoek/ }).click()
    await panel.getByText('Bewaartermijn: 36 maanden na de laatste wijziging van een bord').waitFor()
  })

  it('[HP8] the project logboek lists who did what', async () => {
    await page.getByRole('button', { name: /^Herontwikkeling zwembadlocatie De Veenhoek/ }).click()
    await page.getByRole('button', { name: 'Logboek tonen' }).click()
    const log = page.getByTestId('audit-log')
    await log.getByRole('table').waitFor()
    const text = (await log.textContent()) ?? ''
    for (const action of [
      'bord gemaakt',
      'gearchiveerd',
      'teruggezet',
      'verwijderen aangevraagd',
      'naam gewijzigd',
      'project gewijzigd',
      'verplaatst — “Kansenanalyse bewoners en ondernemers”, van “Herontwikkeling zwembadlocatie De Veenhoek” naar “Centrumplan Veenhoek”',
      'gedupliceerd — “Kopie van Quickscan — sessie 1”, met inhoud',
    ])
      expect(text).toContain(action)
    // The organiser who acted, by name (as the header names them).
    const signedInAs = (await page.getByTestId('signed-in-as').textContent()) ?? ''
    expect(text).toContain(signedInAs.replace('Ingelogd als ', ''))
    expect(await wcagViolations(page)).toEqual([])
    await shot(page, 'home-logboek')
    await page.getByRole('button', { name: 'Logboek verbergen' }).click()
  })

  it('[HP9] works at phone width: nothing wider than the screen, every control reachable', async () => {
    await page.setViewportSize({ width: 360, height: 780 })
    await page.reload()
    await boardCard('Quickscan — sessie 1').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await shot(page, 'home-phone')
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('[HP10] signs out: back to the sign-in page, also after a reload; the API refuses the old session', async () => {
    // English second: the signed-in page follows the language choice.
    await page.getByLabel('Taal').selectOption('en')
    await page.getByRole('heading', { name: 'Boards', exact: true }).waitFor()
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
    await page.getByLabel('Language').selectOption('nl')
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.getByRole('heading', { name: 'Inloggen voor organisatoren' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Inloggen voor organisatoren' }).waitFor()
    const status = await page.evaluate(async () => (await fetch('/api/workspaces')).status)
    expect(status).toBe(401)
  })

  it('[HP13] a board made through the API is under "Zonder project"; a session that ends while the page is open brings back the sign-in page', async () => {
    await signIn(page)
    await page.getByTestId('signed-in-as').waitFor()
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string }
      const res = await fetch('/api/boards', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ title: 'Losse verkenning' }),
      })
      return res.status
    })
    expect(status).toBe(201)
    await page.getByRole('button', { name: 'Zonder project', exact: true }).click()
    const loose = boardCard('Losse verkenning')
    await loose.getByText('Zonder project', { exact: true }).waitFor()
    expect(await page.getByTestId('org-board').count()).toBe(1)

    await context.clearCookies()
    await page.getByLabel('Zoek borden').fill('verkenning')
    await page.getByRole('heading', { name: 'Inloggen voor organisatoren' }).waitFor()
  })
})
