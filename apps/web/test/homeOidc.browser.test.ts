import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOidcProvider, type TestProvider } from '../../server/test/support/oidcProvider.ts'
import { launchChromium, person, startApp } from './browserHarness.ts'

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
    await page.locator('input[name=login]').fill('anna-sub')
    await page.locator('input[name=password]').fill('any')
    await page.locator('button[type=submit]').click()
    // The provider asks for consent once.
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.includes('interaction'))
    await page.locator('button[type=submit]').click()
    await page.waitForURL((url) => url.origin === app.url && url.pathname === '/')
    const signedIn = page.getByTestId('signed-in-as')
    await signedIn.waitFor()
    expect(await signedIn.textContent()).toBe('Ingelogd als Anna de Boer')
    // A new organiser starts with no workspace and is asked to make one.
    await page.getByText('Je hebt nog geen werkruimte. Maak er een voor je gemeente of bureau.').waitFor()
    await context.close()
  })
})
