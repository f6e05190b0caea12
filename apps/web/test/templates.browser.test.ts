import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

// Workshop templates in real Chromium against the real server: inserting them, moving cards by mouse and by
// keyboard, and what a second participant sees. Classes, schillen and statuses are read from the card labels
// on screen (text, not colour) and from the editor.

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

type Card = { id: string; type: string; text: string; label: string; parentType: string | null }

/** Every wt- card on the current page with the label its own DOM shows (class, schil or status). */
function cards(page: Page): Promise<Card[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as W).__wtEditor
    return editor
      .getCurrentPageShapes()
      .filter(
        (s) => s.type === 'wt-value-card' || s.type === 'wt-baathouder-card' || s.type === 'wt-tension-card',
      )
      .map((s) => ({
        id: s.id,
        type: s.type,
        text: editor.getShapeUtil(s).getText(s) ?? '',
        label:
          document.querySelector(`[data-shape-id="${s.id}"]`)?.querySelector('.wt-card-label')?.textContent ??
          '',
        parentType: editor.getShapeParent(s)?.type ?? null,
      }))
  })
}

async function card(page: Page, text: string): Promise<Card> {
  const found = (await cards(page)).find((c) => c.text === text)
  if (!found) throw new Error(`no card "${text}"`)
  return found
}

/** Selects shapes as a click would, leaving any text field of the panel first. */
async function select(page: Page, ...ids: string[]): Promise<void> {
  await page.evaluate((ids) => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    ;(window as unknown as W).__wtEditor.select(...(ids as never[]))
  }, ids)
}

/** Screen point of a page point in this browser. */
function toScreen(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const s = (window as unknown as W).__wtEditor.pageToScreen(p)
    return { x: s.x, y: s.y }
  }, point)
}

function pageBounds(page: Page, id: string) {
  return page.evaluate((id) => {
    const b = (window as unknown as W).__wtEditor.getShapePageBounds(id as never)
    if (!b) throw new Error(`no bounds for ${id}`)
    return { x: b.x, y: b.y, w: b.w, h: b.h, cx: b.center.x, cy: b.center.y }
  }, id)
}

async function twoPeople(title: string) {
  const board = await createBoard(app.url, title)
  const fenna = await person(browser)
  const bram = await person(browser)
  await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
  await joinBoard(bram.page, board.links.participant, 'Bram', 'GGD')
  return { fenna, bram, close: () => Promise.all([fenna.context.close(), bram.context.close()]) }
}

async function insert(page: Page, kind: string): Promise<void> {
  await page.locator(`[data-template=${kind}]`).click()
}

describe('workshop templates', () => {
  it('[T1] the facilitator inserts each template; participants see it and get no template menu', async () => {
    const { fenna, bram, close } = await twoPeople('Sjablonen')
    expect(await bram.page.locator('[data-template]').count()).toBe(0)
    for (const kind of ['prioritering', 'schillen', 'spanningen', 'pvw']) await insert(fenna.page, kind)

    const summary = (page: Page) =>
      page.evaluate(() => {
        const shapes = (window as unknown as W).__wtEditor.getCurrentPageShapes()
        return {
          types: shapes.map((s) => s.type).sort(),
          parts: shapes.flatMap((s) => (s.type === 'wt-pvw-frame' ? [s.props.part] : [])).sort(),
        }
      })
    const expected = {
      types: [
        'wt-prioritering',
        ...Array(4).fill('wt-pvw-frame'),
        'wt-schillen',
        'wt-spanningen',
        ...Array(12).fill('wt-value-card'),
      ].sort(),
      parts: ['A', 'C', 'E', 'F'],
    }
    expect(await summary(fenna.page)).toEqual(expected)
    await expect.poll(() => summary(bram.page)).toEqual(expected)

    // The twelve values start in "Nog te plaatsen", each with its class written on the card.
    const values = (await cards(fenna.page)).filter((c) => c.type === 'wt-value-card')
    expect(values.map((v) => v.label)).toEqual(Array(12).fill('Nog te plaatsen'))
    expect(values.map((v) => v.text)).toContain('Gezonde leefstijl')
    expect(new Set(values.map((v) => v.parentType))).toEqual(new Set(['wt-prioritering']))

    // Templates sit behind the cards: the value cards are painted above their template.
    const order = await fenna.page.evaluate(() => {
      const sorted = (window as unknown as W).__wtEditor.getCurrentPageShapesSorted().map((s) => s.type)
      return { template: sorted.indexOf('wt-prioritering'), firstValue: sorted.indexOf('wt-value-card') }
    })
    expect(order.template).toBeLessThan(order.firstValue)

    // "Op een nieuwe pagina" puts a template on a page of its own.
    await fenna.page.getByLabel('Op een nieuwe pagina').check()
    await insert(fenna.page, 'schillen')
    const page = await fenna.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      return { pages: editor.getPages().length, types: editor.getCurrentPageShapes().map((s) => s.type) }
    })
    expect(page).toEqual({ pages: 2, types: ['wt-schillen'] })
    await close()
  })

  it('[T2] a value card dragged to Sturend with the mouse is Sturend for the other participant too', async () => {
    const { fenna, bram, close } = await twoPeople('Slepen')
    await insert(fenna.page, 'prioritering')
    // A card low in its column, clear of the participant list in the top right corner.
    const value = await card(fenna.page, 'Veiligheid')
    const template = await fenna.page.evaluate(() => {
      const t = (window as unknown as W).__wtEditor
        .getCurrentPageShapes()
        .find((s) => s.type === 'wt-prioritering')!
      return String(t.id)
    })
    const tb = await pageBounds(fenna.page, template)
    const from = await toScreen(
      fenna.page,
      await pageBounds(fenna.page, value.id).then((b) => ({ x: b.cx, y: b.cy })),
    )
    // The middle of the Sturend column, well below its header.
    const to = await toScreen(fenna.page, { x: tb.x + tb.w / 8, y: tb.y + tb.h / 2 })
    await fenna.page.mouse.move(from.x, from.y)
    await fenna.page.mouse.down()
    await fenna.page.mouse.move(to.x, to.y, { steps: 12 })
    await fenna.page.mouse.up()

    await expect.poll(async () => (await card(fenna.page, 'Veiligheid')).label).toBe('Sturend')
    await expect
      .poll(async () => (await card(bram.page, 'Veiligheid')).label, { timeout: 5000 })
      .toBe('Sturend')
    await expect
      .poll(() =>
        bram.page.evaluate(
          (id) =>
            document
              .querySelector(`[data-shape-id="${id}"]`)
              ?.querySelector('[data-class]')
              ?.getAttribute('data-class'),
          value.id,
        ),
      )
      .toBe('sturend')
    // Nothing else moved.
    const others = (await cards(bram.page)).filter((c) => c.text !== 'Veiligheid')
    expect(new Set(others.map((c) => c.label))).toEqual(new Set(['Nog te plaatsen']))
    await close()
  })

  it('[T3] the keyboard moves a card to a column without covering others, for everyone', async () => {
    const { fenna, bram, close } = await twoPeople('Toetsenbord')
    await insert(fenna.page, 'prioritering')
    await bram.page.waitForFunction(() =>
      (window as unknown as W).__wtEditor.getCurrentPageShapes().some((s) => s.type === 'wt-value-card'),
    )
    // Bram (a participant) uses Alt+2 twice and the inspector's "Verplaats naar …" button once.
    for (const name of ['Geluid', 'Schone lucht']) {
      await select(bram.page, (await card(bram.page, name)).id)
      await bram.page.keyboard.press('Alt+Digit2')
      await expect.poll(async () => (await card(bram.page, name)).label).toBe('Meekoppelen')
    }
    await select(bram.page, (await card(bram.page, 'Veiligheid')).id)
    const button = bram.page.getByTestId('inspector').getByRole('button', { name: 'Vinger aan de pols' })
    await button.focus()
    await bram.page.keyboard.press('Enter')
    await expect.poll(async () => (await card(bram.page, 'Veiligheid')).label).toBe('Vinger aan de pols')
    await expect.poll(async () => (await card(fenna.page, 'Geluid')).label).toBe('Meekoppelen')
    await expect.poll(async () => (await card(fenna.page, 'Veiligheid')).label).toBe('Vinger aan de pols')

    const a = await pageBounds(fenna.page, (await card(fenna.page, 'Geluid')).id)
    const b = await pageBounds(fenna.page, (await card(fenna.page, 'Schone lucht')).id)
    const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    expect(overlap).toBe(false)
    await close()
  })

  it('[T4] a tension linked to two values follows them when they move; its column is its status', async () => {
    const { fenna, bram, close } = await twoPeople('Spanningen')
    await insert(fenna.page, 'prioritering')
    await insert(fenna.page, 'spanningen')
    const green = await card(fenna.page, 'Vergroenen')
    const homes = await card(fenna.page, 'Kwaliteit van wonen')
    await select(fenna.page, green.id, homes.id)
    await fenna.page.getByRole('button', { name: /^\+ Spanning/ }).click()
    await fenna.page.getByLabel('Naam van de spanning').fill('Dichtheid en groen')
    const tension = await card(fenna.page, 'Dichtheid en groen')
    expect(tension.label).toBe('Benoemd')

    /** Connector ends, in page coordinates, as drawn in this browser's DOM. */
    const ends = (page: Page) =>
      page.evaluate((id) => {
        const editor = (window as unknown as W).__wtEditor
        const m = editor.getShapePageTransform(id as never)
        return [
          ...(document.querySelector(`[data-shape-id="${id}"]`)?.querySelectorAll('.wt-connectors line') ??
            []),
        ].map((l) => m.applyToPoint({ x: Number(l.getAttribute('x2')), y: Number(l.getAttribute('y2')) }))
      }, tension.id)
    const onBorder = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
      p.x >= b.x - 1 &&
      p.x <= b.x + b.w + 1 &&
      p.y >= b.y - 1 &&
      p.y <= b.y + b.h + 1 &&
      Math.min(
        Math.abs(p.x - b.x),
        Math.abs(p.x - b.x - b.w),
        Math.abs(p.y - b.y),
        Math.abs(p.y - b.y - b.h),
      ) < 1
    const endsOnCards = async (page: Page) => {
      const e = await ends(page)
      const g = await pageBounds(page, green.id)
      const h = await pageBounds(page, homes.id)
      return e.length === 2 && e.some((p) => onBorder(p, g)) && e.some((p) => onBorder(p, h))
    }
    await expect.poll(() => endsOnCards(fenna.page)).toBe(true)
    await expect.poll(() => endsOnCards(bram.page), { timeout: 5000 }).toBe(true)

    // Bram moves both values (keyboard); the connectors follow in both browsers.
    const before = await ends(bram.page)
    for (const [id, n] of [
      [green.id, 1],
      [homes.id, 3],
    ] as const) {
      await select(bram.page, id)
      await bram.page.keyboard.press(`Alt+Digit${n}`)
    }
    await expect
      .poll(async () => (await card(fenna.page, 'Kwaliteit van wonen')).label)
      .toBe('Vinger aan de pols')
    await expect.poll(() => endsOnCards(fenna.page)).toBe(true)
    await expect.poll(() => endsOnCards(bram.page)).toBe(true)
    expect(await ends(bram.page)).not.toEqual(before)

    // Moving the tension to the next column makes it "Gewogen" for everyone.
    await select(fenna.page, tension.id)
    await fenna.page.keyboard.press('Alt+Digit2')
    await expect.poll(async () => (await card(bram.page, 'Dichtheid en groen')).label).toBe('Gewogen')

    // Unlinking a value in the inspector removes its connector.
    await fenna.page.getByTestId('inspector').getByLabel('Vergroenen').uncheck()
    await expect.poll(async () => (await ends(bram.page)).length).toBe(1)
    await close()
  })

  it('[T5] baathouders from the library land in their schil; notes in a PvW frame are counted', async () => {
    const { fenna, bram, close } = await twoPeople('Schillen en PvW')
    await insert(fenna.page, 'schillen')
    await bram.page.waitForFunction(() =>
      (window as unknown as W).__wtEditor.getCurrentPageShapes().some((s) => s.type === 'wt-schillen'),
    )
    await bram.page.getByText('Baathouders uit de bibliotheek').click()
    await bram.page.getByLabel('Zoeken').fill('ggd')
    await bram.page.getByRole('button', { name: 'GGD toevoegen' }).click()
    await expect.poll(async () => (await card(fenna.page, 'GGD')).label).toBe('Schil 2 · Baathouder')
    await select(bram.page, (await card(bram.page, 'GGD')).id)
    await bram.page.keyboard.press('Alt+Digit4')
    await expect.poll(async () => (await card(fenna.page, 'GGD')).label).toBe('Schil 4 · Baathouder')

    await insert(fenna.page, 'pvw')
    const frameC = await fenna.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const frame = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'wt-pvw-frame' && s.props.part === 'C')!
      const b = editor.getShapePageBounds(frame)!
      editor.createShape({ type: 'note', x: b.x + 100, y: b.y + 200 })
      return String(frame.id)
    })
    const count = (page: Page) =>
      page.evaluate(
        (id) =>
          document.querySelector(`[data-shape-id="${id}"]`)?.querySelector('[data-testid=pvw-note-count]')
            ?.textContent,
        frameC,
      )
    await expect.poll(() => count(bram.page)).toBe('1 notitie')
    await close()
  })
})
