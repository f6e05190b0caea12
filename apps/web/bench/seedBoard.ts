// Shared by the cold-open bench and its profiling script: a board of `shapes` notes or value cards, drawn once
// through the real editor (so every record is exactly what tldraw writes) and held by the server when this
// returns, so that later opens from fresh profiles must fetch it all from the server.
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createBoard, joinBoard, person } from '../test/browserHarness.ts'

export type Kind = 'note' | 'wt-value-card'

export async function drawBoard(
  browser: Browser,
  appUrl: string,
  title: string,
  kind: Kind,
  shapes: number,
): Promise<CreateBoardResponse> {
  const board = await createBoard(appUrl, title)
  if (shapes === 0) return board
  const { context, page } = await person(browser)
  await joinBoard(page, board.links.facilitator, 'Bench')
  page.on('crash', () => console.error('setup page crashed'))
  page.on('console', (m) => m.type() === 'error' && console.error('[setup]', m.text().slice(0, 200)))
  // In batches of 500, each its own change (and sync message), as people would add them.
  for (let from = 0; from < shapes; from += 500) {
    await page.evaluate(
      ([from, count, kind]) => {
        const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
        const at = (i: number) => ({ x: (i % 100) * 240, y: Math.floor(i / 100) * 240 })
        editor.run(() => {
          editor.createShapes(
            Array.from({ length: count }, (_, j) => from + j).map((i) =>
              kind === 'note'
                ? {
                    type: 'note' as const,
                    ...at(i),
                    props: {
                      richText: {
                        type: 'doc',
                        content: [{ type: 'paragraph', content: [{ type: 'text', text: `Notitie ${i}` }] }],
                      },
                    },
                  }
                : {
                    type: 'wt-value-card' as const,
                    ...at(i),
                    props: { valueKey: 'custom', name: `Waarde ${i}` },
                  },
            ),
          )
        })
      },
      [from, Math.min(500, shapes - from), kind] as const,
    )
  }
  const token = new URL(board.links.facilitator).searchParams.get('token')
  // Asked from the setup page, so that no keep-alive connection of this process holds up the server's close.
  const stored = (path: string) =>
    page.evaluate(
      async ([path, token]) => {
        const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
        const snapshot = (await res.json()) as { records: Array<{ typeName: string }> }
        return snapshot.records.filter((r) => r.typeName === 'shape').length
      },
      [path, token] as const,
    )
  while ((await stored(`/api/boards/${board.id}/snapshot`)) !== shapes) {
    await page.waitForTimeout(200) // polling the server for the setup only; nothing is measured here
  }
  await context.close()
  return board
}

/**
 * A fresh browser profile (nothing of the board stored) whose identity is given, as a returning participant would
 * have it: opening a link then goes straight to the board, so a timer covers the board only.
 */
export async function returningVisitor(
  browser: Browser,
  appUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await person(browser)
  await page.goto(appUrl)
  await page.evaluate(() =>
    localStorage.setItem(
      'waardentafel.identity',
      JSON.stringify({ name: 'Bench', organisation: '', color: '#1f77b4', userId: 'bench-user-0001' }),
    ),
  )
  return { context, page }
}

/** Waits (polling each frame, up to 60 s) until the page's editor holds `expected` shapes on its page. */
export async function untilAllShapes(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __wtEditor?: import('tldraw').Editor }).__wtEditor?.getCurrentPageShapes()
        .length === n,
    expected,
    { timeout: 60_000, polling: 'raf' },
  )
}
