import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOidcProvider, type TestProvider } from '../../server/test/support/oidcProvider.ts'
import { launchChromium, ORGANISER, person, startApp } from './browserHarness.ts'

// "Inloggen met je organisatie" in real Chromium: the app (real server, real SQLite file) and a real OpenID
// provider (oidc-provider on port 0, its own sign-in and consent pages) — the whole code flow as a person goes
// through it, from the home page and back.

let provider: TestProvider
let app: Awaited<ReturnType<typeof startApp>>
let browser: Browser

beforeAll(async () => {
  provider = await startOidcProvider({ 'anna-sub': { name: 'Anna de Boer', email: 'anna@veenhoek.nl' } })
  app = await startApp({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OPEN_BOARD_CREATION: 'false',
  })
  provider.register(`${app.url}/api/auth/oidc/callback`)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
  await provider?.close()
})

/** Anna at the provider's own pages: its sign-in form (any password), then its consent form. */
async function atProvider(page: Page): Promise<void> {
  await page.locator('input[name=login]').fill('anna-sub')
  await page.locator('input[name=password]').fill('any')
  await page.locator('button[type=submit]').click()
  const consent = page.locator('input[name=prompt][value=consent]')
  await consent.waitFor({ state: 'attached' })
  await page.locator('button[type=submit]').click()
}

describe('home: signing in with the organisation', () => {
  it("[HP11] 'Inloggen met je organisatie' goes through the provider's sign-in and returns signed in", async () => {
    const { context, page } = await person(browser)
    await page.goto(app.url)
    const oidc = page.getByRole('link', { name: 'Inloggen met je organisatie' })
    await oidc.waitFor()
    // The local account is offered too (the embedded default), below the organisation's own sign-in.
    expect(await page.getByLabel('Wachtwoord').count()).toBe(1)
    await oidc.click()
    await page.waitForURL((url) => url.origin === provider.issuer)
    await atProvider(page)
    await page.waitForURL((url) => url.origin === app.url && url.pathname === '/')
    const signedIn = page.getByTestId('signed-in-as')
    await signedIn.waitFor()
    expect(await signedIn.textContent()).toBe('Ingelogd als Anna de Boer')
    // A new organiser starts with no workspace and is asked to make one.
    await page.getByText('Je hebt nog geen werkruimte. Maak er een voor je gemeente of bureau.').waitFor()
    await context.close()
  })

  it('[HP14] an owner adds a colleague who has signed in to the workspace by e-mail, and removes them', async () => {
    // Anna has signed in once ([HP11]), so the app knows her e-mail address; here she is in a fresh browser.
    const anna = await person(browser)
    const owner = await person(browser)
    await owner.page.goto(app.url)
    await owner.page.getByLabel('E-mailadres').fill(ORGANISER.email)
    await owner.page.getByLabel('Wachtwoord').fill(ORGANISER.password)
    await owner.page.getByRole('button', { name: 'Inloggen', exact: true }).click()
    await owner.page.getByLabel('Naam van de werkruimte').fill('Bureau Gebiedskracht')
    await owner.page.getByRole('button', { name: 'Werkruimte maken' }).click()
    await owner.page.getByText('Leden', { exact: true }).click()
    const members = owner.page.getByTestId('members')
    await members.getByText(/\(jij\)/).waitFor()

    await owner.page.getByLabel('E-mailadres van een collega').fill('niemand@veenhoek.nl')
    await owner.page.getByRole('button', { name: 'Lid toevoegen' }).click()
    await owner.page.getByText(/^Niemand met dat e-mailadres is hier al eens ingelogd/).waitFor()
    await owner.page.getByLabel('E-mailadres van een collega').fill('anna@veenhoek.nl')
    await owner.page.getByRole('button', { name: 'Lid toevoegen' }).click()
    await owner.page.getByText('Anna de Boer is toegevoegd.').waitFor()
    await members.getByText('Anna de Boer').waitFor()

    // Anna signs in with her organisation again and finds the workspace, as a member (no member management).
    await anna.page.goto(app.url)
    await anna.page.getByRole('link', { name: 'Inloggen met je organisatie' }).click()
    await anna.page.waitForURL((url) => url.origin === provider.issuer)
    await atProvider(anna.page)
    await anna.page.waitForURL((url) => url.origin === app.url)
    await anna.page.getByText('Jouw rol: lid').waitFor()
    expect(await anna.page.getByLabel('Kies een werkruimte').locator('option:checked').textContent()).toBe(
      'Bureau Gebiedskracht',
    )
    await anna.page.getByText('Leden', { exact: true }).click()
    await anna.page.getByTestId('members').getByText('Anna de Boer (jij)').waitFor()
    expect(await anna.page.getByRole('button', { name: 'Lid toevoegen' }).count()).toBe(0)

    await owner.page.getByRole('button', { name: 'Anna de Boer uit de werkruimte verwijderen' }).click()
    await owner.page.getByRole('button', { name: 'Ja, verwijderen' }).click()
    await owner.page.getByText('Anna de Boer is verwijderd uit de werkruimte.').waitFor()
    await anna.page.reload()
    await anna.page
      .getByText('Je hebt nog geen werkruimte. Maak er een voor je gemeente of bureau.')
      .waitFor()
    await anna.context.close()
    await owner.context.close()
  })
})
