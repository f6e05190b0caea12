import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, screenshot, startApp } from './browserHarness.ts'

let withoutKey: Awaited<ReturnType<typeof startApp>>
let withKey: Awaited<ReturnType<typeof startApp>>
let browser: Browser
beforeAll(async () => {
  withoutKey = await startApp()
  withKey = await startApp({ TLDRAW_LICENSE_KEY: 'tldraw-test-key' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await withoutKey?.close()
  await withKey?.close()
})

/** Opens the home page and waits until it has the server's config and has rendered what follows from it. */
async function openHome(page: Page, url: string): Promise<void> {
  const config = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/config')
  await page.goto(url)
  await (await config).finished()
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
}

describe('tldraw licence notice', () => {
  it('[LK1] the home page of an instance without a key tells its organiser how to set one', async () => {
    const p = await person(browser)
    await openHome(p.page, withoutKey.url)
    const notice = p.page.getByTestId('licence-notice')
    await notice.waitFor()
    expect(await notice.getByRole('heading').textContent()).toBe('Licentiesleutel van tldraw ontbreekt')
    expect(await notice.textContent()).toContain('TLDRAW_LICENSE_KEY')
    await notice.scrollIntoViewIfNeeded()
    await screenshot(p.page, 'licence-home')
    await p.context.close()
  })

  it('[LK2] with a key set on the server, the home page says nothing about it', async () => {
    const p = await person(browser)
    await openHome(p.page, withKey.url)
    expect(await p.page.getByTestId('licence-notice').count()).toBe(0)
    await p.context.close()
  })

  it('[LK3] participants on a board of an instance without a key do not see the organiser notice', async () => {
    const board = await createBoard(withoutKey.url)
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, 'Anna', 'GGD')
    expect(await p.page.getByTestId('licence-notice').count()).toBe(0)
    expect(await p.page.getByText('Licentiesleutel van tldraw ontbreekt').count()).toBe(0)
    await p.context.close()
  })
})
