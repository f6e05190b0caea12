// Screenshots of each workshop template for docs/screenshots (1280×800), taken from the built app on a real
// server, filled in through the UI the way a workshop would:
//   pnpm --filter @waardentafel/web build && node apps/web/bench/templateScreenshots.ts
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createBoard, joinBoard, launchChromium, person, startApp } from '../test/browserHarness.ts'

const OUT = join(import.meta.dirname, '../../../docs/screenshots')
type W = { __wtEditor: import('tldraw').Editor }

/** Selects the card whose text is `name` (as a click would) and returns its id. */
function select(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    // Like a click on the canvas, this takes the focus out of the panel's text fields.
    ;(document.activeElement as HTMLElement | null)?.blur()
    const editor = (window as unknown as W).__wtEditor
    const card = editor.getCurrentPageShapes().find((s) => editor.getShapeUtil(s).getText(s) === name)
    if (!card) throw new Error(`no card ${name}`)
    editor.select(card.id)
    return String(card.id)
  }, name)
}

async function moveWithKeyboard(page: Page, name: string, n: number): Promise<void> {
  await select(page, name)
  await page.keyboard.press(`Alt+Digit${n}`)
}

const fillers: Record<string, (page: Page) => Promise<void>> = {
  async prioritering(page) {
    for (const n of ['Sociale cohesie', 'Vergroenen', 'Gezonde leefstijl']) await moveWithKeyboard(page, n, 1)
    for (const n of ['Klimaatbestendigheid', 'Actieve mobiliteit', 'Nabijheid voorzieningen'])
      await moveWithKeyboard(page, n, 2)
    for (const n of ['Geluid', 'Schone lucht']) await moveWithKeyboard(page, n, 3)
    await select(page, 'Klimaatbestendigheid')
    await page.getByLabel('Twijfel: meenemen naar de Kansenanalyse').check()
    await select(page, 'Sociale cohesie')
    await page
      .getByLabel('Toelichting')
      .fill('Ontmoeten op straat en in de plint: de wijk vergrijst en vereenzaamt.')
  },
  async schillen(page) {
    await page.getByText('Baathouders uit de bibliotheek').click()
    for (const label of [
      'GGD',
      'Waterschap',
      'Bewoners / inwoners',
      'Lokale ondernemers',
      'Zorgverzekeraar',
      'Woningcorporatie',
      'Toekomstige generaties',
    ]) {
      await page.getByRole('button', { name: `${label} toevoegen` }).click()
    }
    await select(page, 'Zorgverzekeraar')
    await page
      .getByLabel('Trigger om shareholder te worden')
      .fill('Aantoonbaar minder zorgkosten door beweegvriendelijk groen.')
  },
  async spanningen(page) {
    await page.locator('[data-template=prioritering]').click()
    await moveWithKeyboard(page, 'Vergroenen', 1)
    await moveWithKeyboard(page, 'Kwaliteit van wonen', 1)
    await moveWithKeyboard(page, 'Geluid', 2)
    await page.locator('[data-template=spanningen]').click()
    for (const [a, b, name, deel] of [
      ['Vergroenen', 'Kwaliteit van wonen', 'Dichtheid en groen', 'Stationskwartier'],
      ['Geluid', 'Kwaliteit van wonen', 'Levendigheid en rust', 'Spoorzone'],
    ] as const) {
      await page.evaluate(
        ([a, b]) => {
          const editor = (window as unknown as W).__wtEditor
          const ids = editor
            .getCurrentPageShapes()
            .filter((s) => [a, b].includes(editor.getShapeUtil(s).getText(s) ?? ''))
          ;(document.activeElement as HTMLElement | null)?.blur()
          editor.select(...ids.map((s) => s.id))
        },
        [a, b],
      )
      await page.getByRole('button', { name: /^\+ Spanning/ }).click()
      await page.getByLabel('Naam van de spanning').fill(name)
      await page.getByLabel('Gebiedsdeel').fill(deel)
      await page
        .getByLabel('Pool (neutraal)')
        .first()
        .fill(name.split(' en ')[0] ?? '')
      await page
        .getByLabel('Pool (neutraal)')
        .nth(1)
        .fill(name.split(' en ')[1] ?? '')
    }
    await moveWithKeyboard(page, 'Levendigheid en rust', 2)
    await select(page, 'Dichtheid en groen')
    // The whole picture: prioritering and wall side by side, with the connectors between them.
    await page.getByRole('button', { name: 'Paneel verbergen' }).click()
    await page.evaluate(() => {
      ;(window as unknown as W).__wtEditor.zoomToFit()
    })
  },
  async pvw(page) {
    await page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'wt-pvw-frame')
      const frame = (part: string) => frames.find((f) => f.type === 'wt-pvw-frame' && f.props.part === part)!
      editor.updateShape({
        id: frame('A').id,
        type: 'wt-pvw-frame',
        props: {
          ambitie:
            'Een groen, levendig stationskwartier waar jong en oud elkaar ontmoeten en gezond kunnen bewegen.',
          typeOpgave: 'inbreiding-kleinschalig',
          nietDoen: 'Geen kantoren zonder plint; geen parkeren op maaiveld.',
        },
      })
      const c = editor.getShapePageBounds(frame('F').id)!
      for (const [i, text] of [
        'Kinderen lopen zelfstandig naar school',
        'Jaarlijks rapporteren aan de raad',
      ].entries()) {
        editor.createShape({
          type: 'note',
          x: c.x + 60 + i * 240,
          y: c.y + 300,
          props: {
            richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
          },
        })
      }
      editor.select(frame('E').id)
    })
    await page.getByLabel(/^Omgevingsvisie/).check()
    await page.getByLabel(/^Intentieovereenkomst/).check()
    await page.getByLabel(/^Omgevingsplan/).check()
  },
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const app = await startApp()
  const browser = await launchChromium()
  try {
    for (const kind of ['prioritering', 'schillen', 'spanningen', 'pvw']) {
      const board = await createBoard(app.url, `Quickscan Stationskwartier — ${kind}`)
      const { context, page } = await person(browser)
      await joinBoard(page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
      if (kind !== 'spanningen') await page.locator(`[data-template=${kind}]`).click()
      await fillers[kind]?.(page)
      // Let tldraw paint the last change before the shot.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      await page.screenshot({ path: join(OUT, `template-${kind}.png`) })
      await context.close()
    }
  } finally {
    await browser.close()
    await app.close()
  }
}

await main()
