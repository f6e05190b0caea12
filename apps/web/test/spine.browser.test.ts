import AxeBuilder from '@axe-core/playwright'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createBoard,
  joinBoard,
  launchChromium,
  person,
  screenshot,
  startApp,
  tokenOfLink,
} from './browserHarness.ts'

// The process spine's cards (issue #20) in real Chromium against the real server: the facilitator makes them from
// "Kansenanalyse en kaders" and fills them in the inspector with the keyboard; a participant in another browser
// sees them; the server's Programma van Waarden has them in parts B, E and F.

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

/** axe-core on the inspector: serious and critical results fail. */
async function inspectorViolations(page: Page): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).include('[data-testid="inspector"]').analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
}

/** Selects value cards by their names, as clicks would, leaving any text field first. */
async function selectValues(page: Page, ...names: string[]): Promise<void> {
  await page.evaluate((names) => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    const editor = (window as unknown as W).__wtEditor
    const ids = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'wt-value-card' && names.includes(editor.getShapeUtil(s).getText(s) ?? ''))
      .map((s) => s.id)
    if (ids.length !== names.length) throw new Error(`not all of ${names.join(', ')} found`)
    editor.select(...ids)
  }, names)
}

async function deselect(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as W).__wtEditor.selectNone())
}

/** Types into a labelled field with the keyboard: Tab-focus is what a keyboard user has, so focus it and type. */
async function type(inspector: Locator, label: string | RegExp, text: string): Promise<void> {
  const field = inspector.getByLabel(label, { exact: typeof label === 'string' })
  await field.focus()
  await field.press('ControlOrMeta+a')
  await field.pressSequentially(text)
}

/** The spine cards on this page: type and the text their util gives (the card face's name). */
function spineCards(page: Page): Promise<{ type: string; text: string; label: string }[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as W).__wtEditor
    return editor
      .getCurrentPageShapes()
      .filter((s) =>
        /^wt-(evidence|kompas-onderbouwing|koppelkans|financiering|sturing|kernindicator)/.test(s.type),
      )
      .map((s) => ({
        type: s.type,
        text: editor.getShapeUtil(s).getText(s) ?? '',
        label:
          document.querySelector(`[data-shape-id="${s.id}"]`)?.querySelector('.wt-card-label')?.textContent ??
          '',
      }))
      .sort((a, b) => a.type.localeCompare(b.type))
  })
}

/** The server's Programma van Waarden in Markdown, read from the board it stored. */
async function programma(board: { id: string; links: { facilitator: string } }): Promise<string> {
  const res = await fetch(`${app.url}/api/boards/${board.id}/programma?format=md`, {
    headers: { authorization: `Bearer ${tokenOfLink(board.links.facilitator)}` },
  })
  return res.status === 200 ? await res.text() : `status ${res.status}`
}

/** The part (A–F) whose heading comes last before the first occurrence of a text, or null when it is absent. */
function partOf(md: string, needle: string): string | null {
  const at = md.indexOf(needle)
  if (at < 0) return null
  const heading = [...md.slice(0, at).matchAll(/^#{1,3} ([A-F])\. /gm)].at(-1)
  return heading?.[1] ?? null
}

describe('the process spine’s cards', () => {
  it('[SW3] the facilitator adds a polaroid, a koppelkans, a financiering card and a kernindicator; a participant sees them; parts B, E and F print them', async () => {
    const board = await createBoard(app.url, 'Kansenanalyse De Veenhoek')
    const fenna = await person(browser)
    const bram = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(bram.page, board.links.participant, 'Bram', 'GGD')
    const page = fenna.page
    await page.locator('[data-template=prioritering]').click()
    const inspector = page.getByTestId('inspector')
    const menu = page.getByRole('region', { name: 'Kansenanalyse en kaders' })
    // Participants may add these cards too, like values and tensions.
    await bram.page.getByRole('region', { name: 'Kansenanalyse en kaders' }).waitFor()
    const violations: Record<string, Violation[]> = {}

    // The polaroid: the selected value is linked; a figure with its source and date, typed as people write it.
    await selectValues(page, 'Vergroenen')
    await menu.getByRole('button', { name: /Feit \(polaroid\)/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-evidence-card')
    expect(await inspector.getByRole('checkbox', { name: 'Vergroenen' }).isChecked()).toBe(true)
    await type(inspector, 'Titel', 'Groen in De Veenhoek')
    await inspector.getByRole('button', { name: /Cijfer toevoegen/ }).click()
    await type(inspector, 'Wat is gemeten', 'Kroonbedekking bomen')
    await type(inspector, 'Waarde (getal)', '12,5')
    await type(inspector, 'Eenheid', '%')
    await inspector.getByLabel('Bron', { exact: true }).selectOption({ label: 'Atlas Leefomgeving' })
    await type(inspector, 'Datum (jjjj, jjjj-mm of jjjj-mm-dd)', '03-2025')
    // Not a date yet: said in words, and nothing is written until it is one.
    await expect
      .poll(() => inspector.getByText('Schrijf de datum als jjjj, jjjj-mm of jjjj-mm-dd.').count())
      .toBe(1)
    await type(inspector, 'Datum (jjjj, jjjj-mm of jjjj-mm-dd)', '2025-03')
    await expect.poll(() => inspector.getByText('Schrijf de datum als').count()).toBe(0)
    violations.evidence = await inspectorViolations(page)

    // More figures from a CSV as the sources export them: the row for this card's value is added, the row for
    // another value is skipped, a row without a number is reported with its line.
    await inspector.getByLabel('Cijfers uit een CSV-bestand').setInputFiles({
      name: 'gebiedscheck.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'waarde;indicator;cijfer;eenheid;bron;datum',
          'Vergroenen;Groen binnen 300 m;81;%;Gebiedscheck;03-04-2025',
          'Sociale cohesie;Sociale-cohesieschaal;5,9;;CBS;2024',
          'Vergroenen;Hittestress;onbekend;°C;Atlas Leefomgeving;2025',
        ].join('\n'),
      ),
    })
    const outcome = inspector.getByTestId('csv-outcome').first()
    await expect
      .poll(() => outcome.textContent())
      .toMatch(/^1 regel toegevoegd\. 1 regel hoort bij iets anders en is overgeslagen\..*Regel 4/)
    expect(await inspector.getByTestId('spine-figure').count()).toBe(2)

    // A koppelkans between two values.
    await selectValues(page, 'Vergroenen', 'Sociale cohesie')
    await menu.getByRole('button', { name: /Koppelkans/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-koppelkans-card')
    await type(inspector, 'Naam', 'Groene ontmoetingsroute')
    await type(inspector, 'Omschrijving', 'Een groene route langs de bestaande ontmoetingsplek')
    expect(await inspector.getByText('Een koppelkans koppelt minstens twee waarden.').count()).toBe(0)
    violations.koppelkans = await inspectorViolations(page)

    // A financiering card: route 2, an amount.
    await deselect(page)
    await menu.getByRole('button', { name: /Financiering/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-financiering-card')
    await inspector.getByLabel('Route').selectOption('cofinanciering')
    await type(inspector, 'Bedrag in euro', '250.000')
    await inspector.getByLabel('Fase van de gebiedsontwikkeling').selectOption('realisatie')
    await type(inspector, 'Omschrijving', 'Bijdrage zorgverzekeraar aan beweegroute')
    violations.financiering = await inspectorViolations(page)

    // A kernindicator with nulmeting and streefwaarde.
    await selectValues(page, 'Vergroenen')
    await menu.getByRole('button', { name: /Kernindicator/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-kernindicator-card')
    await type(inspector, 'Naam', 'Kroonbedekking per buurt')
    await type(inspector, 'Eenheid', '%')
    await type(inspector, 'Nulmeting (getal)', '12,5')
    await type(inspector, 'Datum nulmeting', '2025')
    await type(inspector, 'Streefwaarde (getal)', '30')
    await type(inspector, 'Streefdatum', '2030')
    await type(inspector, 'Eigenaar', 'Gemeente, team groen')
    await inspector.getByRole('button', { name: /Meting toevoegen/ }).click()
    await type(inspector, 'Datum (jjjj, jjjj-mm of jjjj-mm-dd)', '2027')
    await type(inspector, 'Waarde (getal)', '18')
    // The card says where it stands, and draws the measurements against the streefwaarde.
    const indicatorCard = page.locator('[data-spine="wt-kernindicator-card"]')
    await expect.poll(() => indicatorCard.textContent()).toContain('Laatste meting: 18 % (2027) · op weg')
    expect(await indicatorCard.locator('.wt-spine-chart circle').count()).toBe(3)
    violations.kernindicator = await inspectorViolations(page)
    expect(violations).toEqual({ evidence: [], koppelkans: [], financiering: [], kernindicator: [] })

    const expected = [
      {
        type: 'wt-evidence-card',
        text: 'Groen in De Veenhoek',
        label: 'Feit (polaroid) · Vergroenen',
      },
      { type: 'wt-financiering-card', text: '€ 250.000', label: 'Financiering · Route 2' },
      {
        type: 'wt-kernindicator-card',
        text: 'Kroonbedekking per buurt',
        label: 'Kernindicator · Vergroenen',
      },
      { type: 'wt-koppelkans-card', text: 'Groene ontmoetingsroute', label: 'Koppelkans' },
    ]
    const normalised = async (p: Page) =>
      (await spineCards(p)).map((c) => ({ ...c, text: c.text.replace(/\s/g, ' ') }))
    expect(await normalised(page)).toEqual(expected)
    await expect.poll(() => normalised(bram.page), { timeout: 15_000 }).toEqual(expected)

    // The cards on the canvas, to look at (the side panel folded away).
    await page.getByRole('button', { name: 'Paneel verbergen' }).click()
    await page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const ids = editor
        .getCurrentPageShapes()
        .filter((s) => /^wt-(evidence|koppelkans|financiering|kernindicator)/.test(s.type))
        .map((s) => s.id)
      editor.selectNone()
      const bounds = editor.getShapePageBounds(ids[0]!)!.clone()
      for (const id of ids.slice(1)) bounds.union(editor.getShapePageBounds(id)!)
      editor.zoomToBounds(bounds.expandBy(40), { animation: { duration: 0 } })
    })
    await screenshot(page, 'spine-cards')

    // The server's Programma van Waarden: the polaroid and the koppelkans in B, the financing in E, the
    // kernindicator in F — read from the board the server stored, not from the browser.
    await expect
      .poll(async () => {
        const md = await programma(board)
        return {
          polaroid: partOf(md, 'Kroonbedekking bomen | 12,5 %'),
          koppelkans: partOf(md, 'Groene ontmoetingsroute'),
          financiering: partOf(md, 'Bijdrage zorgverzekeraar aan beweegroute'),
          kernindicator: partOf(md, 'Kroonbedekking per buurt'),
        }
      })
      .toEqual({ polaroid: 'B', koppelkans: 'B', financiering: 'E', kernindicator: 'F' })
    const md = await programma(board)
    expect(md).toContain('Atlas Leefomgeving')
    expect(md).toContain('Groen binnen 300 m')
    const koppelkans = md.split('\n').find((line) => line.includes('Groene ontmoetingsroute')) ?? ''
    expect(koppelkans).toMatch(/Vergroenen.*Sociale cohesie|Sociale cohesie.*Vergroenen/)
    expect(md).toMatch(/250\.000/)
    await Promise.all([fenna.context.close(), bram.context.close()])
  })

  it('[SW4] a participant sets the scenario on a sturing card and justifies a kompas score; a forged prop from the network is set aside', async () => {
    const board = await createBoard(app.url, 'Sturingskaders')
    const fenna = await person(browser)
    const bram = await person(browser)
    await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(bram.page, board.links.participant, 'Bram', 'GGD')
    await fenna.page.locator('[data-template=prioritering]').click()
    await bram.page.waitForFunction(() =>
      (window as unknown as W).__wtEditor.getCurrentPageShapes().some((s) => s.type === 'wt-value-card'),
    )
    const page = bram.page
    const inspector = page.getByTestId('inspector')
    const menu = page.getByRole('region', { name: 'Kansenanalyse en kaders' })

    // A sturing card starts as the beleidstoets (the four kernvragen); chosen as scenario it starts afresh.
    await menu.getByRole('button', { name: /Sturing/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-sturing-card')
    expect(await inspector.getByRole('group').count()).toBeGreaterThanOrEqual(4)
    const beleidstoets = await inspectorViolations(page)
    await inspector.getByLabel('Soort sturingskader').selectOption('scenario')
    await inspector.getByLabel('Scenario', { exact: true }).selectOption('ambitieus')
    await type(inspector, 'Toelichting', 'Gebiedsfonds en tender op de kompasscores')
    const scenario = await inspectorViolations(page)

    // A kompasonderbouwing for the selected value.
    await selectValues(page, 'Gezonde leefstijl')
    await menu.getByRole('button', { name: /Onderbouwing kompasscore/ }).click()
    await expect.poll(() => inspector.getAttribute('data-shape-type')).toBe('wt-kompas-onderbouwing')
    await type(inspector, 'Waarom scoort de huidige situatie zo?', 'Weinig beweegruimte binnen 300 m')
    await inspector.getByLabel('Bron huidige score').selectOption('gebiedscheck')
    const onderbouwing = await inspectorViolations(page)
    expect({ beleidstoets, scenario, onderbouwing }).toEqual({
      beleidstoets: [],
      scenario: [],
      onderbouwing: [],
    })

    const sturing = (p: Page) =>
      p.evaluate(() => {
        const s = (window as unknown as W).__wtEditor
          .getCurrentPageShapes()
          .find((x) => (x.type as string) === 'wt-sturing-card')
        return s ? (s.props as { kind: string; scenario?: string | null }) : null
      })
    await expect.poll(() => sturing(fenna.page)).toMatchObject({ kind: 'scenario', scenario: 'ambitieus' })
    await expect
      .poll(() => fenna.page.locator('[data-spine="wt-sturing-card"] .wt-card-name').textContent())
      .toBe('Ambitieus')

    // The PvW panel in the participant's browser and the server's programme: the onderbouwing in B, the scenario in E.
    await page.getByRole('button', { name: 'Programma van Waarden' }).click()
    const panel = page.getByTestId('pvw-panel')
    await expect.poll(() => panel.textContent()).toContain('Weinig beweegruimte binnen 300 m')
    await expect
      .poll(async () => {
        const md = await programma(board)
        return {
          onderbouwing: partOf(md, 'Weinig beweegruimte binnen 300 m'),
          scenario: partOf(md, 'Gekozen scenario: ambitieus'),
        }
      })
      .toEqual({ onderbouwing: 'B', scenario: 'E' })
    // A modified client writes a scenario the domain does not know straight into the shared document, then a
    // valid change after it. tldraw's validator (the domain's rules) sets the bad version aside: the facilitator
    // keeps "ambitieus", and the later change still arrives.
    await page.evaluate(() => {
      const doc = (window as unknown as { __wtDoc: import('yjs').Doc }).__wtDoc
      const records = doc.getMap('records')
      const find = (type: string) =>
        [...records.values()].find((r) => (r as import('yjs').Map<unknown>).get('type') === type) as
          | import('yjs').Map<unknown>
          | undefined
      const props = (r: import('yjs').Map<unknown> | undefined) =>
        r?.get('props') as import('yjs').Map<unknown>
      doc.transact(() => props(find('wt-sturing-card')).set('scenario', 'extreem'))
      doc.transact(() =>
        props(find('wt-kompas-onderbouwing')).set('sourceNote', 'Gebiedscheck, laag beweegruimte'),
      )
    })
    await expect
      .poll(() =>
        fenna.page.evaluate(() => {
          const s = (window as unknown as W).__wtEditor
            .getCurrentPageShapes()
            .find((x) => (x.type as string) === 'wt-kompas-onderbouwing')
          return (s?.props as { sourceNote?: string } | undefined)?.sourceNote
        }),
      )
      .toBe('Gebiedscheck, laag beweegruimte')
    expect(await sturing(fenna.page)).toMatchObject({ kind: 'scenario', scenario: 'ambitieus' })

    // The server keeps the document as written (it checks who may write, not what); its programme reads the
    // board with the same domain rules, skips the forged card instead of printing or failing on it.
    const after = await programma(board)
    expect(after).toContain('Weinig beweegruimte binnen 300 m')
    expect(after).not.toContain('extreem')

    // A scenario card forged without its fields passes tldraw's per-field check (each kind's fields are optional
    // there): the card then says it is unreadable instead of breaking the canvas, and the facilitator restores it.
    const errors: string[] = []
    fenna.page.on('pageerror', (e) => errors.push(e.message))
    await page.evaluate(() => {
      const doc = (window as unknown as { __wtDoc: import('yjs').Doc }).__wtDoc
      const card = [...doc.getMap('records').values()].find(
        (r) => (r as import('yjs').Map<unknown>).get('type') === 'wt-sturing-card',
      ) as import('yjs').Map<unknown>
      const props = card.get('props') as import('yjs').Map<unknown>
      doc.transact(() => {
        props.delete('scenario')
        props.delete('note')
      })
    })
    const face = fenna.page.locator('[data-spine="wt-sturing-card"] .wt-card-name')
    await expect.poll(() => face.textContent()).toBe('Kaart onleesbaar')
    await fenna.page.evaluate(() => {
      const editor = (window as unknown as W).__wtEditor
      const card = editor.getCurrentPageShapes().find((x) => (x.type as string) === 'wt-sturing-card')!
      editor.select(card.id)
    })
    await fenna.page.getByTestId('inspector').getByRole('button', { name: 'Leeg herstellen' }).click()
    await expect.poll(() => face.textContent()).toBe('Nog niet gekozen')
    await expect
      .poll(() => sturing(page))
      .toEqual({ kind: 'scenario', w: 360, h: 260, scenario: null, note: '' })
    expect(errors).toEqual([])
    await Promise.all([fenna.context.close(), bram.context.close()])
  })
})
