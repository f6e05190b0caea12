import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

// WCAG 2.1 AA checks in real Chromium: axe-core on every screen (home, board with each template, outline,
// PvW panel), keyboard walks through the board page, visible focus, and text (not colour alone) for classes.

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
type Violation = { id: string; help: string; targets: string[] }

/**
 * All of axe-core's rules (WCAG 2.0/2.1 A and AA and best practices); serious and critical results fail.
 * Nothing is excluded: violations inside tldraw's own canvas would show up here as well.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

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

/** What has the keyboard focus, described well enough to recognise it in a Tab walk. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { where: 'body', label: '', visible: true }
    const where = el.closest('.tl-container')
      ? 'canvas'
      : el.closest('#wt-outline')
        ? 'outline'
        : el.closest('.wt-topbar')
          ? 'topbar'
          : 'other'
    const style = getComputedStyle(el)
    const visible =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none'
    const label = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40) || el.tagName
    return { where, label, visible, ours: !el.closest('.tl-container') }
  })
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('[A1] the home page has no serious or critical violations, in Dutch and in English', async () => {
    const p = await person(browser)
    await p.page.goto(app.url)
    await p.page.getByRole('heading', { level: 1 }).waitFor()
    expect(await seriousViolations(p.page)).toEqual([])
    await p.page.getByLabel('Taal').selectOption('en')
    await p.page.getByRole('heading', { name: 'New board' }).waitFor()
    expect(await seriousViolations(p.page)).toEqual([])
    await p.context.close()
  })

  it('[A2] the board, empty and with each template inserted, has no serious or critical violations', async () => {
    const board = await createBoard(app.url, 'Toegankelijkheid')
    const p = await person(browser)
    await joinBoard(p.page, board.links.facilitator, 'Fenna')
    expect(await seriousViolations(p.page)).toEqual([])
    for (const kind of ['prioritering', 'schillen', 'spanningen', 'pvw']) {
      await p.page.locator(`[data-template=${kind}]`).click()
      const type = kind === 'pvw' ? 'wt-pvw-frame' : `wt-${kind}`
      await p.page.locator(`.tl-shape[data-shape-type="${type}"]`).first().waitFor({ state: 'attached' })
      expect({ kind, violations: await seriousViolations(p.page) }).toEqual({ kind, violations: [] })
    }
    await p.context.close()
  })

  it('[A3] the outline and the PvW panel, on a full board, have no serious or critical violations', async () => {
    const board = await importExample()
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, 'Bram')
    await p.page.getByTestId('outline-toggle').click()
    await p.page.getByTestId('outline').getByRole('heading', { level: 3 }).first().waitFor()
    // One card opened for editing, so its fields are checked too.
    await p.page
      .getByTestId('outline')
      .getByRole('button', { name: /^Bewerk/ })
      .first()
      .click()
    expect(await seriousViolations(p.page)).toEqual([])
    await p.page.getByRole('button', { name: 'Programma van Waarden' }).click()
    await p.page.getByTestId('pvw-findings').waitFor()
    expect(await seriousViolations(p.page)).toEqual([])
    // The outline on a phone, where it replaces the canvas.
    await p.page.setViewportSize({ width: 360, height: 740 })
    await p.page.getByRole('button', { name: 'Sluiten' }).first().click()
    expect(await seriousViolations(p.page)).toEqual([])
    await p.context.close()
  })
})

describe('keyboard', () => {
  it('[A4] Tab goes through the whole board page, into the canvas and the outline and out again: no trap, focus visible', async () => {
    const board = await importExample()
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, 'Bram')
    await p.page.getByTestId('outline-toggle').click()
    await p.page.getByTestId('outline').getByRole('heading', { level: 3 }).first().waitFor()
    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

    // Forward from the top of the page until the focus comes back round to where it started.
    const seen: Awaited<ReturnType<typeof focused>>[] = []
    let first = ''
    for (let i = 0; i < 400; i++) {
      await p.page.keyboard.press('Tab')
      const f = await focused(p.page)
      const key = `${f.where}:${f.label}`
      if (i === 0) first = key
      else if (key === first) break
      seen.push(f)
    }
    expect(seen.length).toBeLessThan(400) // came round again, so nothing kept the focus
    const areas = new Set(seen.map((f) => f.where))
    for (const area of ['canvas', 'outline', 'topbar']) expect(areas).toContain(area)
    const invisible = seen.filter((f) => f.ours && !f.visible)
    expect(invisible).toEqual([])

    // With a card selected, Tab walks the cards (tldraw); Esc clears the selection and Tab leaves the canvas.
    await p.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const card = editor.getCurrentPageShapes().find((s) => s.type === 'wt-value-card')
      if (card) editor.select(card.id)
      editor.getContainer().focus()
    })
    await p.page.keyboard.press('Tab')
    expect((await focused(p.page)).where).toBe('canvas')
    await p.page.keyboard.press('Escape')
    let left = false
    for (let i = 0; i < 60 && !left; i++) {
      await p.page.keyboard.press('Tab')
      left = (await focused(p.page)).where !== 'canvas'
    }
    expect(left).toBe(true)
    // And backwards out of the outline.
    await p.page.getByTestId('outline').getByRole('button', { name: 'Sluiten' }).focus()
    let out = false
    for (let i = 0; i < 10 && !out; i++) {
      await p.page.keyboard.press('Shift+Tab')
      out = (await focused(p.page)).where !== 'outline'
    }
    expect(out).toBe(true)
    await p.context.close()
  })

  it('[A5] every template action works from the keyboard on the canvas: insert, add cards, move by Alt+n and inspector buttons', async () => {
    const board = await createBoard(app.url, 'Toetsenbord')
    const p = await person(browser)
    await joinBoard(p.page, board.links.facilitator, 'Fenna')
    for (const kind of ['prioritering', 'schillen', 'spanningen']) {
      await p.page.locator(`[data-template=${kind}]`).focus()
      await p.page.keyboard.press('Enter')
    }
    await expect
      .poll(() =>
        p.page.evaluate(
          () =>
            (window as unknown as W).__wtEditor
              .getCurrentPageShapes()
              .filter((s) => s.type === 'wt-value-card').length,
        ),
      )
      .toBe(12)
    // A value card: selected, then Alt+1 (Sturend); a tension via its button, then the inspector's "Gewogen".
    await p.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const card = editor.getCurrentPageShapes().find((s) => s.type === 'wt-value-card')
      if (card) editor.select(card.id)
      editor.getContainer().focus()
    })
    await p.page.keyboard.press('Alt+Digit1')
    await expect
      .poll(() => p.page.locator('.tl-shape [data-testid=value-class]', { hasText: 'Sturend' }).count())
      .toBe(1)
    await p.page.getByRole('button', { name: /\+ Spanning/ }).focus()
    await p.page.keyboard.press('Enter')
    await p.page.getByTestId('inspector').getByRole('button', { name: 'Gewogen' }).focus()
    await p.page.keyboard.press('Enter')
    await expect
      .poll(() => p.page.locator('.tl-shape [data-testid=tension-status]').textContent())
      .toBe('Gewogen')
    // A baathouder from the library, then to schil 4 from the inspector.
    await p.page.getByText('Baathouders uit de bibliotheek').focus()
    await p.page.keyboard.press('Enter')
    await p.page.getByRole('button', { name: 'GGD toevoegen' }).focus()
    await p.page.keyboard.press('Enter')
    await p.page.getByTestId('inspector').getByRole('button', { name: /^4 ·/ }).focus()
    await p.page.keyboard.press('Enter')
    await expect
      .poll(() => p.page.locator('.tl-shape [data-testid=baathouder-ring]').textContent())
      .toMatch(/^Schil 4/)
    await p.context.close()
  })
})

describe('colour is never the only cue', () => {
  it('[A6] classes, schillen and statuses are written on every card, on the canvas and in the outline', async () => {
    const board = await importExample()
    const p = await person(browser)
    await joinBoard(p.page, board.links.observer)
    // "Connected" comes before tldraw has drawn every card: wait for the cards, then read their labels.
    await expect
      .poll(() => p.page.locator('.tl-shape .wt-card-label').count(), { timeout: 15_000 })
      .toBeGreaterThan(20)
    const labels = await p.page.evaluate(() =>
      [...document.querySelectorAll('.tl-shape .wt-card-label')].map((el) => el.textContent?.trim() ?? ''),
    )
    expect(labels.length).toBeGreaterThan(20)
    expect(labels.filter((l) => l === '')).toEqual([])
    await p.page.getByTestId('outline-toggle').click()
    const outline = p.page.getByTestId('outline')
    await outline.getByRole('heading', { level: 3 }).first().waitFor()
    // Observers read the outline; every item says its class, schil or status in words.
    const items = await outline.locator('li[data-card-id]').allTextContents()
    expect(items.length).toBeGreaterThan(20)
    const words =
      /Sturend|Meekoppelen|Vinger aan de pols|Nog te plaatsen|Niet geprioriteerd|Schil \d|Het gebied|Buiten de schillen|Benoemd|Gewogen|Besloten|Niet op de muur|Notitie/
    expect(items.filter((text) => !words.test(text))).toEqual([])
    expect(await outline.getByRole('button', { name: /^Bewerk/ }).count()).toBe(0)
    await p.context.close()
  })
})
