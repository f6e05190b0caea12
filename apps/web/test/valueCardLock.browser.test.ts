import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createBoard,
  joinBoard,
  launchChromium,
  person,
  screenshot,
  serverRecords,
  startApp,
  tokenOfLink,
} from './browserHarness.ts'

// Issue #15, point 3: with "waardekaarten vergrendeld" on, a participant's browser does not even try to move a value
// card (mouse, Overzicht), and a modified client that sends the move anyway is refused by the server (4409
// VALUE_CARDS_LOCKED): nobody else sees it, and the board resets for that client with a message that says why.

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

type W = { __wtEditor: import('tldraw').Editor; __wtDoc: import('yjs').Doc }
type Place = { id: string; x: number; y: number; parentId: string; label: string }

/** A value card as this browser holds and shows it: place, parent and the class label on the card. */
function valueCard(page: Page, name: string): Promise<Place> {
  return page.evaluate((name) => {
    const editor = (window as unknown as W).__wtEditor
    const s = editor
      .getCurrentPageShapes()
      .find((s) => s.type === 'wt-value-card' && editor.getShapeUtil(s).getText(s) === name)
    if (!s) throw new Error(`no card ${name}`)
    const label = document.querySelector(`[data-shape-id="${s.id}"] .wt-card-label`)?.textContent ?? ''
    return { id: String(s.id), x: s.x, y: s.y, parentId: String(s.parentId), label }
  }, name)
}

/** Drags a value card with the real mouse to the middle of the template's Sturend column. */
async function dragToSturend(page: Page, cardId: string): Promise<void> {
  const { from, to } = await page.evaluate((id) => {
    const editor = (window as unknown as W).__wtEditor
    const template = editor.getCurrentPageShapes().find((s) => s.type === 'wt-prioritering')!
    const tb = editor.getShapePageBounds(template.id)!
    editor.zoomToBounds(tb, { inset: 40 })
    const cb = editor.getShapePageBounds(id as never)!
    const from = editor.pageToScreen(cb.center)
    const to = editor.pageToScreen({ x: tb.x + tb.w / 8, y: tb.y + tb.h / 2 })
    return { from: { x: from.x, y: from.y }, to: { x: to.x, y: to.y } }
  }, cardId)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.mouse.up()
}

describe('locked value cards', () => {
  it('[VL1] a participant cannot move a locked value card by mouse or Overzicht; a forced move is refused (4409 VALUE_CARDS_LOCKED) and nobody sees it', async () => {
    const board = await createBoard(app.url, 'Waardekaarten vergrendeld')
    const fenna = await person(browser)
    const bram = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(bram.page, board.links.participant, 'Bram', 'GGD')
    await fenna.page.locator('[data-template=prioritering]').click()
    for (const p of [fenna.page, bram.page]) {
      await p.waitForFunction(
        () =>
          (window as unknown as W).__wtEditor.getCurrentPageShapes().filter((s) => s.type === 'wt-value-card')
            .length === 12,
      )
    }
    // Unlocked, the same gesture moves a card: the drag below is one that would work.
    await dragToSturend(bram.page, (await valueCard(bram.page, 'Veiligheid')).id)
    await expect
      .poll(async () => (await valueCard(fenna.page, 'Veiligheid')).label, { timeout: 10_000 })
      .toBe('Sturend')

    await fenna.page.getByRole('button', { name: 'Begeleiding', exact: true }).click()
    await fenna.page.getByRole('tab', { name: 'Werkvorm' }).click()
    await fenna.page.getByLabel('Waardekaarten vergrendelen').check()
    await expect
      .poll(() => bram.page.getByTestId('lock-state').textContent(), { timeout: 10_000 })
      .toBe('Waardekaarten vergrendeld')

    const before = await valueCard(bram.page, 'Gezonde leefstijl')
    expect(before.label).toBe('Nog te plaatsen')
    // The real mouse: the card does not move, for Bram, for Fenna, or on the server.
    await dragToSturend(bram.page, before.id)
    await bram.page.evaluate(() => {
      ;(window as unknown as W).__wtEditor.selectNone()
    })
    // Keyboard too: Alt+1 and the arrow keys with the card selected, and Delete.
    await bram.page.evaluate((id) => {
      ;(window as unknown as W).__wtEditor.select(id as never)
    }, before.id)
    await bram.page.keyboard.press('Alt+1')
    await bram.page.keyboard.press('ArrowLeft')
    await bram.page.keyboard.press('Delete')
    const unchanged = { x: before.x, y: before.y, parentId: before.parentId, label: 'Nog te plaatsen' }
    expect(await valueCard(bram.page, 'Gezonde leefstijl')).toMatchObject(unchanged)

    // The Overzicht: the card's class control is disabled and says why.
    await bram.page.getByTestId('outline-toggle').click()
    const item = bram.page.locator(`[data-card-id="${before.id}"]`)
    await item.scrollIntoViewIfNeeded()
    expect(await item.locator('select').isDisabled()).toBe(true)
    expect(await item.getByTestId('outline-locked').textContent()).toBe(
      'Vergrendeld door de procesbegeleider',
    )
    await screenshot(bram.page, 'value-cards-locked-outline')
    await bram.page.getByTestId('outline-toggle').click()

    // A modified client: the move written straight into its doc, as if the app had sent it.
    await bram.page.evaluate((id) => {
      const doc = (window as unknown as W).__wtDoc
      const record = doc.getMap('records').get(id) as import('yjs').Map<unknown>
      record.set('x', Number(record.get('x')) - 900)
    }, before.id)
    const notice = bram.page.getByTestId('refused-reset')
    await notice.waitFor({ timeout: 10_000 })
    await screenshot(bram.page, 'value-cards-locked-refused')
    expect(await notice.getAttribute('data-code')).toBe('4409')
    expect(await notice.getAttribute('data-reason')).toBe('VALUE_CARDS_LOCKED')
    expect(await notice.textContent()).toContain('de procesbegeleider heeft de waardekaarten vergrendeld')
    await bram.page.locator('[data-status=connected]').waitFor({ timeout: 10_000 })
    await expect
      .poll(() => valueCard(bram.page, 'Gezonde leefstijl'), { timeout: 10_000 })
      .toMatchObject(unchanged)

    // Nobody else saw anything: the facilitator's card and the server's record never moved.
    expect(await valueCard(fenna.page, 'Gezonde leefstijl')).toMatchObject(unchanged)
    const stored = (await serverRecords(app.url, board.id, tokenOfLink(board.links.facilitator))).get(
      before.id,
    )
    expect(stored).toMatchObject({ x: before.x, y: before.y, parentId: before.parentId })
    // Bram's fresh copy is live: a note he makes now reaches Fenna.
    await bram.page.evaluate(() => {
      ;(window as unknown as W).__wtEditor.createShape({ type: 'note', x: -900, y: -900 })
    })
    await fenna.page.waitForFunction(() =>
      (window as unknown as W).__wtEditor.getCurrentPageShapes().some((s) => s.type === 'note'),
    )
    await Promise.all([fenna.context.close(), bram.context.close()])
  })
})
