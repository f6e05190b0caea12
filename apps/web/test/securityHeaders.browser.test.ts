import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

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

type Watched = Window & { __wtCsp: string[]; __wtInlineRan?: boolean }

describe('content security policy in Chromium', () => {
  it('[N5] the built app joins, edits and switches language under the CSP without a violation; inline script is blocked', async () => {
    const board = await createBoard(app.url)
    const fenna = await person(browser)
    // Every violation the page reports, from before its first script runs (init scripts are not subject to the CSP).
    await fenna.context.addInitScript(() => {
      const w = window as unknown as Watched
      w.__wtCsp = []
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__wtCsp.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
    const consoleViolations: string[] = []
    fenna.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text())
    })
    const documentHeaders = fenna.page.waitForResponse((r) => r.request().resourceType() === 'document')

    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    const csp = (await documentHeaders).headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")

    // A note with text (tldraw's fonts and inline styles), then the language switch (translations fetched).
    await fenna.page.keyboard.press('n')
    await fenna.page.mouse.click(500, 400)
    await fenna.page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true')
    await fenna.page.keyboard.type('Onder de CSP')
    await fenna.page.keyboard.press('Escape')
    await fenna.page.waitForFunction(() =>
      (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
        .getCurrentPageShapes()
        .some((s) => s.type === 'note'),
    )
    await fenna.page.getByLabel('Taal').selectOption('en')
    type E = { __wtEditor: import('tldraw').Editor }
    await expect
      .poll(() => fenna.page.evaluate(() => (window as unknown as E).__wtEditor.user.getLocale()))
      .toBe('en')

    expect(await fenna.page.evaluate(() => (window as unknown as Watched).__wtCsp)).toEqual([])
    expect(consoleViolations).toEqual([])

    // The policy is in force: a script injected inline (what an XSS would do) does not run.
    await fenna.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__wtInlineRan = true'
      document.body.append(script)
    })
    await expect
      .poll(() => fenna.page.evaluate(() => (window as unknown as Watched).__wtCsp.length))
      .toBeGreaterThan(0)
    expect(await fenna.page.evaluate(() => (window as unknown as Watched).__wtInlineRan)).toBeUndefined()
    expect(await fenna.page.evaluate(() => (window as unknown as Watched).__wtCsp[0])).toMatch(/^script-src/)
    await fenna.context.close()
  })
})
