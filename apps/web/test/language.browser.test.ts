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

describe('language', () => {
  it('[B10] Dutch by default (tldraw too); English is selectable, follows into tldraw and is remembered', async () => {
    const board = await createBoard(app.url)
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, 'Anna')
    type E = { __wtEditor: import('tldraw').Editor }
    const locale = () => p.page.evaluate(() => (window as unknown as E).__wtEditor.user.getLocale())
    expect(await p.page.getByTestId('connection-status').textContent()).toBe('Verbonden')
    expect(await locale()).toBe('nl')
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('nl')

    await p.page.getByLabel('Taal').selectOption('en')
    await expect.poll(() => p.page.getByTestId('connection-status').textContent()).toBe('Connected')
    await expect.poll(locale).toBe('en')
    await p.page.reload()
    await p.page.locator('[data-status=connected]').waitFor()
    expect(await p.page.getByTestId('connection-status').textContent()).toBe('Connected')
    expect(await locale()).toBe('en')
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('en')
    await p.context.close()
  })
})
