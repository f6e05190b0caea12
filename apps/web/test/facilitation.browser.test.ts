import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, startApp } from './browserHarness.ts'

// The facilitator's tools in real Chromium against the real server: the timer, summoning and following,
// presenter mode, a prioritising round from placing to adopting, the reset after a refused change (4409),
// links and sessions. Each test uses two or three browser profiles (own localStorage and IndexedDB).

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

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? ''

async function room(title: string, participants: string[]) {
  const board = await createBoard(app.url, title)
  const fenna = await person(browser)
  await joinBoard(fenna.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
  const others: Awaited<ReturnType<typeof person>>[] = []
  for (const name of participants) {
    const p = await person(browser)
    await joinBoard(p.page, board.links.participant, name, 'GGD')
    others.push(p)
  }
  const close = () => Promise.all([fenna, ...others].map((p) => p.context.close()))
  return { board, fenna, others, close }
}

async function openTab(page: Page, tab: 'Werkvorm' | 'Links' | 'Rondes' | 'Sessies'): Promise<void> {
  if ((await page.getByTestId('facilitator-panel').count()) === 0) {
    await page.getByRole('button', { name: 'Begeleiding', exact: true }).click()
  }
  await page.getByRole('tab', { name: tab }).click()
}

function centre(page: Page) {
  return page.evaluate(() => {
    const editor = (window as unknown as W).__wtEditor
    const b = editor.getViewportPageBounds()
    return { x: Math.round(b.center.x), y: Math.round(b.center.y), z: editor.getZoomLevel() }
  })
}

function setCamera(page: Page, camera: { x: number; y: number; z: number }) {
  return page.evaluate((c) => {
    ;(window as unknown as W).__wtEditor.setCamera(c)
  }, camera)
}

async function distance(a: Page, b: Page): Promise<number> {
  const [p, q] = await Promise.all([centre(a), centre(b)])
  return Math.hypot(p.x - q.x, p.y - q.y)
}

async function insertPrioritering(page: Page, others: Page[]): Promise<void> {
  await page.locator('[data-template=prioritering]').click()
  for (const p of [page, ...others]) {
    await p.waitForFunction(
      () =>
        (window as unknown as W).__wtEditor.getCurrentPageShapes().filter((s) => s.type === 'wt-value-card')
          .length === 12,
    )
  }
}

/** The class label a value card shows on the canvas (text, not colour). */
function cardLabel(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const editor = (window as unknown as W).__wtEditor
    const card = editor
      .getCurrentPageShapes()
      .find((s) => s.type === 'wt-value-card' && editor.getShapeUtil(s).getText(s) === name)
    if (!card) return ''
    return document.querySelector(`[data-shape-id="${card.id}"] .wt-card-label`)?.textContent ?? ''
  }, name)
}

async function place(page: Page, value: string, klasse: string): Promise<void> {
  const row = page
    .getByTestId('round-value')
    .filter({ has: page.getByRole('heading', { name: value, exact: true }) })
  await row.locator(`button[data-klasse="${klasse}"]`).click()
  await expect.poll(() => row.getAttribute('data-klasse')).toBe(klasse)
}

describe('facilitation', () => {
  it('[F1] only the facilitator controls the timer; everyone sees it count down, pause and reach zero', async () => {
    const { board, fenna, others, close } = await room('Timer', ['Bram'])
    const bram = others[0]!.page
    await openTab(fenna.page, 'Werkvorm')
    await fenna.page.getByLabel('Minuten', { exact: true }).fill('5')
    await fenna.page.getByRole('button', { name: 'Start', exact: true }).click()

    const timer = bram.getByTestId('timer')
    await expect.poll(() => timer.getAttribute('data-status'), { timeout: 5000 }).toBe('running')
    expect(await timer.locator('[role=timer]').textContent()).toMatch(/^0[45]:\d\d$/)
    // The participant sees the timer but has no way to change it, and the server refuses him too.
    expect(await bram.getByRole('button', { name: 'Begeleiding', exact: true }).count()).toBe(0)
    expect(await bram.getByLabel('Minuten', { exact: true }).count()).toBe(0)
    const refused = await fetch(`${app.url}/api/boards/${board.id}/facilitation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokenOf(board.links.participant)}`,
      },
      body: JSON.stringify({ action: 'timer.pause' }),
    })
    expect(refused.status).toBe(403)

    await fenna.page.getByRole('button', { name: 'Pauze', exact: true }).click()
    await expect.poll(() => timer.getAttribute('data-status'), { timeout: 5000 }).toBe('paused')
    // Paused, the clock shows exactly what the server kept as remaining, not a running countdown.
    const kept = await bram.evaluate(() => {
      const doc = (window as unknown as { __wtDoc: import('yjs').Doc }).__wtDoc
      const ms = (doc.getMap('facilitation').get('timer') as { remainingMs: number }).remainingMs
      const s = Math.ceil(ms / 1000)
      return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    })
    await expect.poll(() => timer.locator('[role=timer]').textContent()).toBe(kept)

    // A short run to zero: the visual cue and the words "De tijd is om".
    await fenna.page.getByLabel('Minuten', { exact: true }).fill('0,05')
    await fenna.page.getByRole('button', { name: 'Start', exact: true }).click()
    await bram.waitForFunction(
      () => document.querySelector('[data-testid=timer]')?.getAttribute('data-cue') === 'true',
      undefined,
      { timeout: 10_000 },
    )
    expect(await timer.locator('[role=timer]').textContent()).toBe('00:00')
    expect(await timer.textContent()).toContain('De tijd is om')

    await fenna.page.getByRole('button', { name: 'Op nul', exact: true }).click()
    await expect.poll(() => timer.count(), { timeout: 5000 }).toBe(0)
    await close()
  })

  it('[F2] "Iedereen naar mij" moves every participant to the facilitator’s view', async () => {
    const { fenna, others, close } = await room('Iedereen naar mij', ['Anna', 'Bram'])
    await setCamera(fenna.page, { x: -2400, y: -1800, z: 0.5 })
    for (const p of others) expect(await distance(p.page, fenna.page)).toBeGreaterThan(500)
    await openTab(fenna.page, 'Werkvorm')
    await fenna.page.getByRole('button', { name: 'Iedereen naar mij' }).click()
    const target = await centre(fenna.page)
    for (const p of others) {
      await expect.poll(() => distance(p.page, fenna.page), { timeout: 5000 }).toBeLessThan(2)
      expect((await centre(p.page)).z).toBeCloseTo(target.z)
      // A summon moves once: afterwards the participant's view is their own again.
      await setCamera(p.page, { x: 0, y: 0, z: 1 })
      expect(await distance(p.page, fenna.page)).toBeGreaterThan(500)
    }
    await close()
  })

  it('[F3] "Volg mij" makes participants follow the facilitator until it is stopped', async () => {
    const { fenna, others, close } = await room('Volg mij', ['Bram'])
    const bram = others[0]!.page
    await openTab(fenna.page, 'Werkvorm')
    await fenna.page.getByRole('button', { name: 'Volg mij' }).click()
    await expect
      .poll(() => bram.getByTestId('follow-state').textContent(), { timeout: 5000 })
      .toBe('Je volgt Fenna')

    await setCamera(fenna.page, { x: 3000, y: -1200, z: 1 })
    await expect.poll(() => distance(bram, fenna.page), { timeout: 5000 }).toBeLessThan(50)
    await setCamera(fenna.page, { x: -500, y: 2500, z: 1 })
    await expect.poll(() => distance(bram, fenna.page), { timeout: 5000 }).toBeLessThan(50)

    await fenna.page.getByRole('button', { name: 'Stop “Volg mij”' }).click()
    await expect
      .poll(
        () => bram.evaluate(() => (window as unknown as W).__wtEditor.getInstanceState().followingUserId),
        {
          timeout: 5000,
        },
      )
      .toBe(null)
    await setCamera(fenna.page, { x: 8000, y: 8000, z: 1 })
    expect(await distance(bram, fenna.page)).toBeGreaterThan(500)
    await close()
  })

  it('[F4] presenter mode: no tldraw toolbar, read-only, big timer, follows the facilitator', async () => {
    const { board, fenna, close } = await room('Presentatie', [])
    const screen = await person(browser)
    await joinBoard(screen.page, `${board.links.participant}&presenter=1`, 'Zaal')
    expect(await fenna.page.locator('.tlui-main-toolbar').count()).toBe(1)
    expect(await screen.page.locator('.tlui-main-toolbar').count()).toBe(0)
    expect(await screen.page.locator('[data-template]').count()).toBe(0)
    expect(await screen.page.evaluate(() => (window as unknown as W).__wtEditor.getIsReadonly())).toBe(true)

    await openTab(fenna.page, 'Werkvorm')
    await fenna.page.getByLabel('Minuten', { exact: true }).fill('10')
    await fenna.page.getByRole('button', { name: 'Start', exact: true }).click()
    const timer = screen.page.locator('[data-testid=presenter] [data-testid=timer]')
    await expect.poll(() => timer.getAttribute('data-status'), { timeout: 5000 }).toBe('running')
    const size = await timer
      .locator('[role=timer]')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(64)

    // The screen follows the facilitator's view without anyone asking, and shows up as the room's screen.
    await setCamera(fenna.page, { x: -1600, y: 900, z: 1 })
    await expect.poll(() => distance(screen.page, fenna.page), { timeout: 5000 }).toBeLessThan(50)
    await expect
      .poll(() => fenna.page.locator('[data-testid=participant][data-name="Scherm in de zaal"]').count())
      .toBe(1)
    await screen.context.close()
    await close()
  })

  it('[F5] a round: two participants place values, the facilitator sees progress and results, adopts the majority', async () => {
    const { fenna, others, close } = await room('Prioriteringsronde', ['Anna', 'Bram'])
    const [anna, bram] = [others[0]!.page, others[1]!.page]
    await insertPrioritering(fenna.page, [anna, bram])
    await openTab(fenna.page, 'Rondes')
    await fenna.page.getByLabel('Titel', { exact: true }).fill('Prioriteer vóór 12 december')
    await fenna.page.getByRole('button', { name: 'Ronde openen' }).click()

    // Anna places all twelve values (so she is done); Bram two, one of them while offline.
    await anna.getByRole('button', { name: 'Prioriteringsronde' }).click()
    await expect.poll(() => anna.getByTestId('round-value').count(), { timeout: 5000 }).toBe(12)
    const names = await anna.getByTestId('round-value').getByRole('heading').allTextContents()
    for (const name of names) await place(anna, name, name === 'Vergroenen' ? 'sturend' : 'meekoppelen')
    await expect
      .poll(() => anna.getByTestId('round-sync').getAttribute('data-sync'), { timeout: 5000 })
      .toBe('saved')

    await bram.getByRole('button', { name: 'Prioriteringsronde' }).click()
    await place(bram, 'Vergroenen', 'sturend')
    await others[1]!.context.setOffline(true)
    await place(bram, 'Geluid', 'vinger-aan-de-pols')
    await expect
      .poll(() => bram.getByTestId('round-sync').getAttribute('data-sync'), { timeout: 5000 })
      .toBe('pending')
    await others[1]!.context.setOffline(false)
    await expect
      .poll(() => bram.getByTestId('round-sync').getAttribute('data-sync'), { timeout: 10_000 })
      .toBe('saved')

    // The facilitator sees who did what, and the distribution as numbers.
    const progress = fenna.page.getByTestId('round-progress')
    await expect
      .poll(() => progress.locator('li[data-name=Anna][data-done=true]').count(), { timeout: 10_000 })
      .toBe(1)
    await expect
      .poll(() => progress.locator('li[data-name=Bram]').textContent(), { timeout: 10_000 })
      .toContain('2 van 12')
    await expect
      .poll(
        () => fenna.page.locator('[data-testid=participant][data-name=Anna]').getAttribute('data-round-done'),
        {
          timeout: 10_000,
        },
      )
      .toBe('true')
    const vergroenen = fenna.page.getByTestId('round-result').filter({ hasText: 'Vergroenen' })
    await expect.poll(() => vergroenen.locator('.wt-dist-count[data-klasse=sturend]').textContent()).toBe('2')
    expect(await vergroenen.getAttribute('data-majority')).toBe('sturend')

    await fenna.page.getByRole('button', { name: 'Ronde sluiten' }).click()
    await fenna.page.getByRole('button', { name: 'Ja, sluiten' }).click()
    await fenna.page.getByRole('button', { name: 'Uitkomst overnemen' }).click()
    await expect
      .poll(() => fenna.page.getByText('Uitkomst overgenomen door Fenna').count(), { timeout: 5000 })
      .toBe(1)
    for (const page of [fenna.page, anna, bram]) {
      await expect.poll(() => cardLabel(page, 'Vergroenen'), { timeout: 5000 }).toBe('Sturend')
      await expect.poll(() => cardLabel(page, 'Schone lucht'), { timeout: 5000 }).toBe('Meekoppelen')
    }
    // Anna's panel now shows the closed round and its outcome.
    await expect
      .poll(() => anna.getByTestId('round-panel').textContent(), { timeout: 5000 })
      .toContain('Gesloten op')
    await close()
  })

  it('[F6] with the structure locked, a forced move of the template is refused: the board resets and says so', async () => {
    const { fenna, others, close } = await room('Vergrendeld', ['Bram'])
    const bram = others[0]!.page
    await insertPrioritering(fenna.page, [bram])
    await openTab(fenna.page, 'Werkvorm')
    await fenna.page.getByLabel('Structuur vergrendelen').check()
    await expect
      .poll(() => bram.getByTestId('lock-state').textContent(), { timeout: 5000 })
      .toBe('Structuur vergrendeld')

    const template = await bram.evaluate(() => {
      const shape = (window as unknown as W).__wtEditor
        .getCurrentPageShapes()
        .find((s) => s.type === 'wt-prioritering')!
      return { id: String(shape.id), x: shape.x }
    })
    await bram.evaluate((id) => {
      const editor = (window as unknown as W).__wtEditor
      const shape = editor.getShape(id as never)!
      editor.updateShape({ id: shape.id, type: shape.type, x: shape.x + 800 })
    }, template.id)

    await bram.getByTestId('refused-reset').waitFor({ timeout: 10_000 })
    expect(await bram.getByTestId('refused-reset').textContent()).toContain(
      'de procesbegeleider heeft de structuur vergrendeld',
    )
    await bram.locator('[data-status=connected]').waitFor()
    await bram.waitForFunction(
      ({ id, x }) => (window as unknown as W).__wtEditor.getShape(id as never)?.x === x,
      template,
      { timeout: 10_000 },
    )
    expect(
      await fenna.page.evaluate(
        (id) => (window as unknown as W).__wtEditor.getShape(id as never)?.x,
        template.id,
      ),
    ).toBe(template.x)
    // The fresh copy is live again: a note Bram makes now reaches the facilitator.
    await bram.evaluate(() => {
      ;(window as unknown as W).__wtEditor.createShape({ type: 'note', x: -600, y: -600 })
    })
    await fenna.page.waitForFunction(() =>
      (window as unknown as W).__wtEditor.getCurrentPageShapes().some((s) => s.type === 'note'),
    )
    await close()
  })

  it('[F7] links: a new participant link with a lifetime; revoking closes the open participant socket (4403)', async () => {
    const { fenna, others, close } = await room('Links', ['Bram'])
    const bram = others[0]!.page
    await openTab(fenna.page, 'Links')
    const participantRow = fenna.page.locator('[data-testid=role-links][data-role=participant]')
    await participantRow.getByLabel('Geldig', { exact: true }).selectOption('7')
    await participantRow.getByRole('button', { name: 'Nieuwe link' }).click()
    const issued = await participantRow.getByLabel('Link voor deelnemers', { exact: true }).inputValue()
    expect(tokenOf(issued)).not.toBe('')
    // Valid for the chosen seven days, shown as a Dutch date.
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('nl-NL')
    expect(await participantRow.getByTestId('new-link').textContent()).toContain(
      `Geldig tot en met ${inAWeek}`,
    )

    await participantRow.getByRole('button', { name: 'Alle links van deze rol intrekken' }).click()
    await participantRow.getByRole('button', { name: 'Ja, intrekken' }).click()
    await bram.getByTestId('connection-closed').waitFor({ timeout: 10_000 })
    expect(await bram.getByTestId('connection-closed').textContent()).toContain('Deze link is ingetrokken')
    const fresh = await participantRow.getByLabel('Link voor deelnemers', { exact: true }).inputValue()
    expect(fresh).not.toBe(issued)

    // The fresh link works; the one issued before the revocation does not.
    const again = await person(browser)
    await joinBoard(again.page, fresh, 'Bram')
    const stale = await fetch(`${app.url}/api/boards/${new URL(fresh).pathname.split('/')[2]}/session`, {
      headers: { authorization: `Bearer ${tokenOf(issued)}` },
    })
    expect(stale.status).toBe(403)
    await again.context.close()
    await close()
  })

  it('[F8] sessions: save a snapshot, compare it with the board now, restore it as a new board', async () => {
    const { fenna, close } = await room('Sessies', [])
    await insertPrioritering(fenna.page, [])
    await openTab(fenna.page, 'Sessies')
    await fenna.page.getByLabel('Naam van de momentopname').fill('Sessie 1 — Quickscan')
    await fenna.page.getByRole('button', { name: 'Bewaren' }).click()
    await expect.poll(() => fenna.page.getByTestId('session').count(), { timeout: 5000 }).toBe(1)

    await fenna.page.evaluate(() => {
      ;(document.activeElement as HTMLElement | null)?.blur()
      const editor = (window as unknown as W).__wtEditor
      const card = editor
        .getCurrentPageShapes()
        .find((s) => editor.getShapeUtil(s).getText(s) === 'Vergroenen')!
      editor.select(card.id)
    })
    await fenna.page.keyboard.press('Alt+Digit1')
    await expect.poll(() => cardLabel(fenna.page, 'Vergroenen')).toBe('Sturend')

    // "Het bord nu" is the server's copy: compare again until the move has reached it, as a person would.
    await expect
      .poll(
        async () => {
          await fenna.page.getByRole('button', { name: 'Vergelijk' }).click()
          return fenna.page.getByTestId('comparison').textContent()
        },
        { timeout: 5000 },
      )
      .toContain('Vergroenen: Nog te plaatsen → Sturend')
    expect(await fenna.page.getByTestId('comparison-summary').textContent()).toBe('1 waarde verschoven.')

    await fenna.page.getByRole('button', { name: 'Herstellen als nieuw bord' }).click()
    await fenna.page.getByRole('button', { name: 'Ja, nieuw bord maken' }).click()
    const link = await fenna.page.getByTestId('restored').getByRole('link').getAttribute('href')
    expect(link).toMatch(/\/b\/[A-Za-z0-9_-]+\?token=/)
    const restored = await fenna.context.newPage()
    await joinBoard(restored, link ?? '')
    await restored.waitForFunction(
      () =>
        (window as unknown as W).__wtEditor.getCurrentPageShapes().filter((s) => s.type === 'wt-value-card')
          .length === 12,
    )
    // The restored board is the snapshot: Vergroenen is still unplaced there. (A card off screen gets its
    // component after the board's first paint, see ProgressiveCanvas.)
    await expect.poll(() => cardLabel(restored, 'Vergroenen'), { timeout: 5000 }).toBe('Nog te plaatsen')
    await close()
  })
})
