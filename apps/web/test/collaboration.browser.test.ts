import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinBoard, launchChromium, person, shapesIn, startApp } from './browserHarness.ts'

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

describe('live collaboration in Chromium', () => {
  it('[B1] a note made by one participant appears for the other within a second; a reload shows it intact', async () => {
    const board = await createBoard(app.url)
    const anna = await person(browser)
    const bram = await person(browser)
    await joinBoard(anna.page, board.links.participant, 'Anna', 'GGD')
    await joinBoard(bram.page, board.links.participant, 'Bram', 'Waterschap')

    // Anna makes a sticky note with tldraw's own tool and types in it.
    await anna.page.keyboard.press('n')
    await anna.page.mouse.click(500, 400)
    // tldraw opens the note's text editor after the click; type once it has focus.
    await anna.page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true')
    await anna.page.keyboard.type('Meer groen in de wijk')
    await anna.page.keyboard.press('Escape')
    const made = Date.now()
    await anna.page.waitForFunction(() =>
      (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
        .getCurrentPageShapes()
        .some((s) => s.type === 'note'),
    )
    await bram.page.waitForFunction(
      () =>
        (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
          .getCurrentPageShapes()
          .some((s) => s.type === 'note'),
      undefined,
      { timeout: 1000 },
    )
    expect(Date.now() - made).toBeLessThan(1000)
    await bram.page.waitForFunction(() => {
      const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
      return editor
        .getCurrentPageShapes()
        .some((s) => editor.getShapeUtil(s).getText(s) === 'Meer groen in de wijk')
    })

    const before = await shapesIn(anna.page)
    await anna.page.reload()
    await anna.page.locator('[data-status=connected]').waitFor()
    await anna.page.waitForFunction(
      (n) =>
        (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor.getCurrentPageShapes()
          .length === n,
      before.length,
    )
    expect(await shapesIn(anna.page)).toEqual(before)
    expect(await shapesIn(bram.page)).toEqual(before)
    await anna.context.close()
    await bram.context.close()
  })

  it('[B2] following a participant moves your viewport with theirs', async () => {
    const board = await createBoard(app.url)
    const leader = await person(browser)
    const follower = await person(browser)
    await joinBoard(leader.page, board.links.facilitator, 'Fenna', 'Procesbegeleiding')
    await joinBoard(follower.page, board.links.participant, 'Gert', 'Corporatie')

    // The participant list is folded into a top-bar button (issue #21: it no longer lies over the board).
    await follower.page.getByTestId('participants-toggle').click()
    const row = follower.page.locator('[data-testid=participant][data-name=Fenna]')
    await row.getByRole('button', { name: 'Volg' }).click()
    await expect.poll(() => row.getByRole('button', { name: 'Stop volgen' }).count()).toBe(1)

    await leader.page.evaluate(() => {
      const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
      editor.setCamera({ x: -2400, y: -1800, z: 1 })
    })
    const centre = (page: typeof leader.page) =>
      page.evaluate(() => {
        const b = (
          window as unknown as { __wtEditor: import('tldraw').Editor }
        ).__wtEditor.getViewportPageBounds()
        return { x: Math.round(b.center.x), y: Math.round(b.center.y) }
      })
    const target = await centre(leader.page)
    await expect
      .poll(
        async () => {
          const c = await centre(follower.page)
          return Math.hypot(c.x - target.x, c.y - target.y)
        },
        { timeout: 5000 },
      )
      .toBeLessThan(50)
    await leader.context.close()
    await follower.context.close()
  })

  it('[B3] an observer sees the board read-only; names show in the participant list', async () => {
    const board = await createBoard(app.url)
    const writer = await person(browser)
    const observer = await person(browser)
    await joinBoard(writer.page, board.links.participant, 'Ilse', 'Bewoners')
    await joinBoard(observer.page, board.links.observer)
    await expect.poll(() => writer.page.locator('[data-testid=participant]').count()).toBe(2)
    await expect
      .poll(() => observer.page.locator('[data-testid=participant][data-name=Ilse]').count())
      .toBe(1)
    expect(
      await observer.page.evaluate(() =>
        (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor.getIsReadonly(),
      ),
    ).toBe(true)
    // The card panel invites the observer to read a card, not to fill one in.
    await expect
      .poll(() => observer.page.getByText('Selecteer een kaart of kader om het hier te lezen.').count())
      .toBe(1)
    expect(await observer.page.getByText('om het hier in te vullen').count()).toBe(0)
    await writer.context.close()
    await observer.context.close()
  })

  it("[B8] undo (Ctrl+Z) reverts my move but keeps a collaborator's later text edit", async () => {
    const board = await createBoard(app.url)
    const anna = await person(browser)
    const bram = await person(browser)
    await joinBoard(anna.page, board.links.participant, 'Anna')
    await joinBoard(bram.page, board.links.participant, 'Bram')
    type E = { __wtEditor: import('tldraw').Editor }
    const id = await bram.page.evaluate(() => {
      const editor = (window as unknown as E).__wtEditor
      // Right of the template side panel, so the mouse reaches the note itself.
      editor.createShape({ type: 'note', x: 700, y: 300 })
      return String(editor.getCurrentPageShapes()[0]!.id)
    })
    await anna.page.waitForFunction((id) => !!(window as unknown as E).__wtEditor.getShape(id as never), id)
    // Anna drags the note with the mouse (her own edit), Bram then types in it (his later edit).
    const box = await anna.page.evaluate((id) => {
      const editor = (window as unknown as E).__wtEditor
      const b = editor.getShapePageBounds(id as never)!
      editor.zoomToBounds(b, { targetZoom: 1 })
      const p = editor.pageToScreen({ x: b.center.x, y: b.center.y })
      return { x: p.x, y: p.y }
    }, id)
    await anna.page.mouse.move(box.x, box.y)
    await anna.page.mouse.down()
    await anna.page.mouse.move(box.x + 150, box.y + 80, { steps: 8 })
    await anna.page.mouse.up()
    await bram.page.waitForFunction(
      (id) => ((window as unknown as E).__wtEditor.getShape(id as never)?.x ?? 0) > 800,
      id,
    )
    await bram.page.evaluate((id) => {
      const editor = (window as unknown as E).__wtEditor
      editor.updateShape({
        id: id as never,
        type: 'note',
        props: {
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'van Bram' }] }],
          },
        },
      })
    }, id)
    const textOf = (page: typeof anna.page) =>
      page.evaluate((id) => {
        const editor = (window as unknown as E).__wtEditor
        const shape = editor.getShape(id as never)
        return shape ? { x: Math.round(shape.x), text: editor.getShapeUtil(shape).getText(shape) } : null
      }, id)
    // Bounded at 15 s: once in a full CI run (not in 5 runs alone) the text took longer than the default 5 s to
    // arrive; noted for the next session to find why.
    await expect.poll(() => textOf(anna.page).then((s) => s?.text), { timeout: 15_000 }).toBe('van Bram')

    await anna.page.keyboard.press('Control+z')
    await expect.poll(() => textOf(anna.page)).toEqual({ x: 700, text: 'van Bram' })
    await expect.poll(() => textOf(bram.page)).toEqual({ x: 700, text: 'van Bram' })
    await anna.context.close()
    await bram.context.close()
  })

  it('[B9] two people opening a brand-new board at the same moment get one board with one page', async () => {
    const board = await createBoard(app.url)
    const a = await person(browser)
    const b = await person(browser)
    await Promise.all([
      joinBoard(a.page, board.links.participant, 'Anna'),
      joinBoard(b.page, board.links.participant, 'Bram'),
    ])
    type E = { __wtEditor: import('tldraw').Editor }
    const pages = (page: typeof a.page) =>
      page.evaluate(() => (window as unknown as E).__wtEditor.getPages().map((p) => p.id))
    // A shape made by each proves both are live on the same page.
    await a.page.evaluate(() => {
      ;(window as unknown as E).__wtEditor.createShape({ type: 'geo', x: 0, y: 0 })
    })
    await b.page.evaluate(() => {
      ;(window as unknown as E).__wtEditor.createShape({ type: 'geo', x: 300, y: 0 })
    })
    const count = (page: typeof a.page) =>
      page.evaluate(() => (window as unknown as E).__wtEditor.getCurrentPageShapes().length)
    await expect.poll(() => count(a.page)).toBe(2)
    await expect.poll(() => count(b.page)).toBe(2)
    expect(await pages(a.page)).toEqual(['page:page'])
    expect(await pages(b.page)).toEqual(['page:page'])
    await a.context.close()
    await b.context.close()
  })

  it('[B4] an expired or forged link tells the user why, in Dutch', async () => {
    const board = await createBoard(app.url)
    const visitor = await person(browser)
    const forged = board.links.participant.replace(/token=([^.]+)\.[^&]+/, 'token=$1.AAAA')
    await visitor.page.goto(forged)
    await expect.poll(() => visitor.page.getByRole('alert').textContent()).toContain('ongeldig')
    await visitor.context.close()
  })
})
