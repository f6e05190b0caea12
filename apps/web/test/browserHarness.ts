import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CreateBoardResponse, Role } from '@waardentafel/protocol'
import {
  createServer,
  ensureLocalOrganiser,
  parseConfig,
  type RunningServer,
  SqliteBoardStorage,
} from '@waardentafel/server'
import { pino } from 'pino'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const SECRET = 'browser-test-secret-browser-test-secret-01'
/** The local organiser account of every browser-test server (`LOCAL_ORGANISER_*`). */
export const ORGANISER = { email: 'organisator@localhost', password: 'browser-test-wachtwoord-01' } as const

/** The real server (port 0, fresh SQLite file — or the one in `dataDir`, to start again after a restart) serving
 * the built web app. */
export async function startApp(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'wt-browser-')),
): Promise<{
  url: string
  server: RunningServer
  dataDir: string
  close(): Promise<void>
}> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(import.meta.dirname, '../dist'),
    // Many boards a minute from 127.0.0.1: the HTTP rate limits and quotas are the server tests' subject.
    RATE_LIMITS: 'false',
    QUOTA_BOARDS: '0',
    // Most browser tests make boards without signing in; the organiser's pages pass 'false'.
    OPEN_BOARD_CREATION: 'true',
    LOCAL_ORGANISER_EMAIL: ORGANISER.email,
    LOCAL_ORGANISER_PASSWORD: ORGANISER.password,
    ...env,
  })
  const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
  // As `npm start` does: the local organiser account on a first start.
  await ensureLocalOrganiser(storage.organisers, config.organisers.local, pino({ level: 'silent' }))
  const server = createServer(config, { storage, log: pino({ level: 'silent' }), tokenSecret: SECRET })
  await server.listen()
  return {
    url: server.url,
    server,
    dataDir,
    close: async () => {
      await server.close()
      await storage.close()
    },
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
}

export async function createBoard(url: string, title = 'Quickscan testbord'): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`create board failed: ${res.status}`)
  return (await res.json()) as CreateBoardResponse
}

/** A person in their own browser profile (own localStorage and IndexedDB). */
export async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('[pageerror]', error.message))
  return { context, page }
}

/** Opens a role link, gives a name when asked, and waits until the board is live. */
export async function joinBoard(page: Page, link: string, name?: string, organisation = ''): Promise<void> {
  await page.goto(link)
  if (name) {
    await page.getByLabel(/^Naam$|^Name$/).fill(name)
    await page.getByLabel(/Organisatie|Organisation/).fill(organisation)
    await page.getByRole('button', { name: /Naar het bord|Go to the board/ }).click()
  } else {
    // An observer is asked for a name too; without one, they choose to watch without a name.
    const anonymous = page.getByTestId('observe-anonymously')
    await page.locator('.tl-canvas').or(anonymous).first().waitFor()
    if (await anonymous.isVisible()) await anonymous.click()
  }
  await page.locator('.tl-canvas').waitFor()
  await page.locator('[data-status=connected]').waitFor()
}

/** Shapes on the current page as tldraw holds them in this browser. */
export function shapesIn(
  page: Page,
): Promise<Array<{ id: string; type: string; x: number; y: number; text: string }>> {
  return page.evaluate(() => {
    const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
    return editor.getCurrentPageShapes().map((s) => ({
      id: s.id,
      type: s.type,
      x: s.x,
      y: s.y,
      text: editor.getShapeUtil(s).getText(s) ?? '',
    }))
  })
}

/** A role token signed as the server signs it (with the tests' secret): e.g. one that has already expired. */
export function signToken(payload: { b: string; r: Role; iat: number; exp: number; g?: number }): string {
  const body = Buffer.from(JSON.stringify({ v: 1, g: 0, ...payload })).toString('base64url')
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`
}

export const tokenOfLink = (link: string): string => new URL(link).searchParams.get('token') ?? ''

/** The board's records as the server stores them (its snapshot endpoint), by id. */
export async function serverRecords(
  url: string,
  boardId: string,
  token: string,
): Promise<Map<string, Record<string, unknown> & { props?: Record<string, unknown> }>> {
  const res = await fetch(`${url}/api/boards/${boardId}/snapshot`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (res.status !== 200) throw new Error(`snapshot failed: ${res.status}`)
  const snapshot = (await res.json()) as { records: Array<Record<string, unknown>> }
  return new Map(snapshot.records.map((r) => [String(r.id), r]))
}

/** Saves a screenshot under /tmp/shots/ (to look at the messages the tests check). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('/tmp/shots', { recursive: true })
  await page.screenshot({ path: `/tmp/shots/${name}.png` })
}
