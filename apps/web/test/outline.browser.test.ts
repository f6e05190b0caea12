import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

// The board outline in real Chromium against the real server: two people on one board, one in the outline
// (keyboard only), one on the canvas. What one does, the other sees; what others do, the outline announces.

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

/** Announcements wait for the batching window (1.5 s) first: poll well beyond it. */
const LIVE = { timeout: 10_000 }

async function importExample(): Promise<CreateBoardResponse> {
  const res = await fetch(`${app.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: readFileSync(
      join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
      'utf8',
    ),
  })
  return (await res.json()) as CreateBoardResponse
}

async function twoPeople() {
  const board = await importExample()
  const anna = await person(browser)
  const bram = await person(browser)
  await joinBoard(anna.page, board.links.participant, 'Anna', 'GGD')
  await joinBoard(bram.page, board.links.participant, 'Bram', 'Waterschap')
  // Everything announced in Anna's live region, in order, from now on.
  await anna.page.evaluate(() => {
    const log: string[] = []
    Object.assign(window, { __announced: log })
    const region = document.querySelector('[data-testid=live-announcer]')
    if (!region) throw new Error('no live region')
    new MutationObserver(() => {
      const text = region.textContent?.trim()
      if (text) log.push(text)
    }).observe(region, { childList: true, subtree: true, characterData: true })
  })
  return { anna, bram, close: () => Promise.all([anna.context.close(), bram.context.close()]) }
}

function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __announced: string[] }).__announced])
}

async function openOutline(page: Page) {
  // On a phone the top bar's buttons are in its menu (issue #21: a compact header that does not overflow).
  const menu = page.getByTestId('menu-toggle')
  if (await menu.isVisible()) await menu.click()
  await page.getByTestId('outline-toggle').focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('outline').getByRole('heading', { level: 3 }).first().waitFor()
  return page.getByTestId('outline')
}

/** The class/schil/status label a card shows on the canvas, by its text. */
function canvasLabel(page: Page, text: string): Promise<string | null> {
  return page.evaluate((text) => {
    const editor = (window as unknown as W).__wtEditor
    const shape = editor
      .getCurrentPageShapes()
      .find((s) => (editor.getShapeUtil(s).getText(s) ?? '') === text)
    if (!shape) return null
    return document.querySelector(`[data-shape-id="${shape.id}"] .wt-card-label`)?.textContent ?? ''
  }, text)
}

/** Moves value cards by name with the canvas shortcut Alt+n (each n in turn), all in one task: a burst. */
function altMoveValues(page: Page, names: string[], ...ns: number[]): Promise<void> {
  return page.evaluate(
    ({ names, ns }) => {
      const editor = (window as unknown as W).__wtEditor
      ;(document.activeElement as HTMLElement | null)?.blur()
      for (const n of ns)
        for (const name of names) {
          const card = editor
            .getCurrentPageShapes()
            .find((s) => (editor.getShapeUtil(s).getText(s) ?? '') === name)
          if (!card) throw new Error(`no card ${name}`)
          editor.select(card.id)
          window.dispatchEvent(
            new KeyboardEvent('keydown', { code: `Digit${n}`, altKey: true, bubbles: true }),
          )
        }
    },
    { names, ns },
  )
}

describe('board outline', () => {
  it('[O1] shows every template as a heading, each class/schil/status as a subheading, and the cards with their meaning', async () => {
    const { anna, close } = await twoPeople()
    const outline = await openOutline(anna.page)
    const h3 = await outline.getByRole('heading', { level: 3 }).allTextContents()
    for (const title of [
      'Waarden prioriteren',
      'Schillendiagram: Voorbeeldwijk',
      'Spanningen',
      'A. Gebiedsambitie',
    ])
      expect(h3).toContain(title)
    const h4 = await outline.getByRole('heading', { level: 4 }).allTextContents()
    expect(h4.some((h) => h.startsWith('Sturend ('))).toBe(true)
    expect(h4.some((h) => h.startsWith('Schil 3 · Bewoners en gebruikers'))).toBe(true)
    expect(h4.some((h) => h.startsWith('Gewogen ('))).toBe(true)
    const tension = outline.locator('li', { hasText: 'Hogere dichtheid versus groen en koelte' })
    expect(await tension.textContent()).toMatch(/Spanning · (Benoemd|Gewogen|Besloten) · tussen .+ ⟷ .+/)
    await close()
  })

  it('[O2] keyboard only: add a value, move it, rename it, delete it; the other person sees each step on the canvas', async () => {
    const { anna, bram, close } = await twoPeople()
    const outline = await openOutline(anna.page)
    const section = outline.locator('[data-kind=prioritering]')
    await section.getByLabel('Waarde toevoegen').focus()
    await anna.page.keyboard.type('Cultuurhistorie')
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => canvasLabel(bram.page, 'Cultuurhistorie')).toBe('Nog te plaatsen')
    // Focus stays in the emptied field, ready for the next value.
    expect(await anna.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('')

    // Move with the class select; focus follows the card to its new heading.
    const item = () => outline.locator('li', { hasText: 'Cultuurhistorie' })
    await item().getByLabel('Klasse').focus()
    await item().getByLabel('Klasse').selectOption({ label: 'Sturend' })
    await expect.poll(() => canvasLabel(bram.page, 'Cultuurhistorie')).toBe('Sturend')
    await expect
      .poll(() =>
        anna.page.evaluate(
          () => document.activeElement?.closest('[data-outline-group]')?.querySelector('h4')?.textContent,
        ),
      )
      .toMatch(/^Sturend/)
    expect(await anna.page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe(
      'column:sturend',
    )

    // Rename in the edit fields.
    await anna.page.keyboard.press('Tab')
    await anna.page.keyboard.press('Enter') // "Bewerk"
    await item().getByLabel('Naam').focus()
    await anna.page.keyboard.press('End')
    await anna.page.keyboard.type(' en identiteit')
    await expect.poll(() => canvasLabel(bram.page, 'Cultuurhistorie en identiteit')).toBe('Sturend')

    // Delete: the card goes for everyone and the focus lands on the heading of its group.
    await item().getByRole('button', { name: 'Verwijder Cultuurhistorie en identiteit' }).focus()
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => canvasLabel(bram.page, 'Cultuurhistorie en identiteit')).toBeNull()
    expect(await anna.page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Sturend/)
    await close()
  })

  it('[O3] adds a baathouder in a schil, a tension linked to two values, and a note in PvW frame A', async () => {
    const { anna, bram, close } = await twoPeople()
    const outline = await openOutline(anna.page)
    const schillen = outline.locator('[data-kind=schillen]')
    await schillen.getByLabel('In schil').selectOption('2')
    await schillen.getByLabel('Baathouder toevoegen').fill('Huisartsen')
    await schillen.getByLabel('Baathouder toevoegen').press('Enter')
    await expect.poll(() => canvasLabel(bram.page, 'Huisartsen')).toMatch(/^Schil 2/)

    const wall = outline.locator('[data-kind=spanningen]')
    await wall.getByLabel('Spanning toevoegen').fill('Parkeren en spelen')
    await wall.getByLabel('Spanning toevoegen').press('Enter')
    const tension = outline.locator('li', { hasText: 'Parkeren en spelen' })
    await tension.getByRole('button', { name: 'Bewerk Parkeren en spelen' }).click()
    const choices = tension.getByRole('group', { name: 'Tussen deze waarden' })
    await choices.getByRole('checkbox').nth(0).check()
    await choices.getByRole('checkbox').nth(1).check()
    await tension.getByLabel('Status').selectOption({ label: 'Gewogen' })
    await expect.poll(() => canvasLabel(bram.page, 'Parkeren en spelen')).toBe('Gewogen')
    expect(
      await bram.page.evaluate(() => {
        const editor = (window as unknown as W).__wtEditor
        const card = editor
          .getCurrentPageShapes()
          .find((s) => s.type === 'wt-tension-card' && s.props.name === 'Parkeren en spelen')
        return card ? editor.getBindingsFromShape(card.id, 'wt-tension-link').length : -1
      }),
    ).toBe(2)

    const frameA = outline.locator('[data-kind=pvw]', { hasText: 'A. Gebiedsambitie' })
    const before = await bram.page.locator('[data-part=A] [data-testid=pvw-note-count]').textContent()
    await frameA.getByLabel('Notitie toevoegen').fill('Geen doorgaand autoverkeer')
    await frameA.getByLabel('Notitie toevoegen').press('Enter')
    await expect
      .poll(() => bram.page.locator('[data-part=A] [data-testid=pvw-note-count]').textContent())
      .not.toBe(before)
    await expect
      .poll(() => frameA.locator('li').allTextContents())
      .toContainEqual(expect.stringContaining('Geen doorgaand autoverkeer'))
    await close()
  })

  it('[O4] a move on the canvas shows in the outline and is announced politely with who did it', async () => {
    const { anna, bram, close } = await twoPeople()
    const outline = await openOutline(anna.page)
    await altMoveValues(bram.page, ['Identiteit van de plek'], 1)
    const sturend = outline.locator('[data-outline-group]', {
      has: anna.page.getByRole('heading', { name: /^Sturend/ }),
    })
    await expect
      .poll(() => sturend.locator('li').allTextContents())
      .toContainEqual(expect.stringContaining('Identiteit van de plek'))
    await expect
      .poll(() => announced(anna.page), LIVE)
      .toEqual(['Identiteit van de plek is door Bram naar Sturend verplaatst.'])
    expect(await anna.page.getByTestId('live-announcer').getAttribute('aria-live')).toBe('polite')
    // Bram's own browser says nothing about his own move.
    expect(await bram.page.getByTestId('live-announcer').textContent()).toBe('')
    await close()
  })

  it('[O5] a burst of changes is one summarised announcement, not one per card', async () => {
    const { anna, bram, close } = await twoPeople()
    const values = await bram.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      return editor
        .getCurrentPageShapes()
        .flatMap((s) => (s.type === 'wt-value-card' ? [editor.getShapeUtil(s).getText(s) ?? ''] : []))
    })
    expect(values.length).toBe(6)
    // Every value through three columns: eighteen moves; the two that end where they began say nothing.
    await altMoveValues(bram.page, values, 1, 2, 3)
    await expect.poll(() => announced(anna.page), LIVE).toHaveLength(1)
    expect((await announced(anna.page))[0]).toMatch(/^\d+ wijzigingen door Bram: \d+ verplaatst\.$/)
    // One more single change afterwards: it is the second announcement, so nothing else came in between.
    await altMoveValues(bram.page, [values[0] ?? ''], 1)
    await expect.poll(() => announced(anna.page), LIVE).toHaveLength(2)
    expect((await announced(anna.page))[1]).toBe(`${values[0]} is door Bram naar Sturend verplaatst.`)
    await close()
  })

  it('[O6] on a 360 px phone the outline replaces the canvas, fits the width, and is fully usable', async () => {
    const board = await importExample()
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    })
    const page = await context.newPage()
    await joinBoard(page, board.links.participant, 'Anna')
    const outline = await openOutline(page)
    expect(await page.locator('.wt-canvas').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden')
    const box = await outline.boundingBox()
    expect(box?.width).toBeLessThanOrEqual(360)
    expect(await outline.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const item = outline.locator('li', {
      has: page.locator('strong', { hasText: /^Sociale samenhang en menging$/ }),
    })
    await item.getByLabel('Klasse').selectOption({ label: 'Vinger aan de pols' })
    await expect.poll(() => canvasLabel(page, 'Sociale samenhang en menging')).toBe('Vinger aan de pols')
    // The outline moves the card under its new heading (a new element): wait for that before clicking in it.
    const moved = outline
      .locator('[data-outline-group]', { has: page.getByRole('heading', { name: /^Vinger aan de pols/ }) })
      .locator('li', { has: page.locator('strong', { hasText: /^Sociale samenhang en menging$/ }) })
    await moved.waitFor()
    // "Toon op canvas" closes the outline on a phone and selects the card there. The outline may render the moved
    // card once more meanwhile (its edit panel then starts closed), so open it until the button is there.
    const edit = moved.getByRole('button', { name: /^Bewerk/ })
    const show = page.getByRole('button', { name: 'Toon op canvas Sociale samenhang en menging' })
    await vi.waitFor(
      async () => {
        if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click({ timeout: 2000 })
        await show.click({ timeout: 2000 })
      },
      { timeout: 20_000, interval: 250 },
    )
    await expect
      .poll(() => page.locator('.wt-canvas').evaluate((el) => getComputedStyle(el).visibility))
      .toBe('visible')
    expect(
      await page.evaluate(() => (window as unknown as W).__wtEditor.getSelectedShapes().map((s) => s.type)),
    ).toEqual(['wt-value-card'])
    await context.close()
  })

  it('[O7] follows the language: English headings, announcements and tldraw locale, remembered', async () => {
    const { anna, bram, close } = await twoPeople()
    await anna.page.getByLabel('Taal').selectOption('en')
    const outline = await openOutline(anna.page)
    expect(await anna.page.getByTestId('outline-toggle').textContent()).toBe('Outline')
    expect(await outline.getByRole('heading', { level: 4 }).allTextContents()).toContainEqual(
      expect.stringMatching(/^Steering \(/),
    )
    expect(await anna.page.evaluate(() => (window as unknown as W).__wtEditor.user.getLocale())).toBe('en')
    await altMoveValues(bram.page, ['Identiteit van de plek'], 3)
    await expect
      .poll(() => announced(anna.page), LIVE)
      .toEqual(['Bram moved Identiteit van de plek to Keep an eye on.'])
    await anna.page.reload()
    await anna.page.locator('[data-status=connected]').waitFor()
    expect(await anna.page.getByTestId('outline-toggle').textContent()).toBe('Outline')
    await close()
  })
})
