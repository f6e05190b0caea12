// Shared by the cold-open benches and the profiling script: a board of `shapes` notes or value cards, held by the
// server when this returns, so that later opens from fresh profiles must fetch it all from the server.
//
// Seeding is not what is measured, so it is done the fast way: one shape of the kind is drawn through the real
// editor (so its record is exactly what tldraw and our shape utils write), read back from the server, and copied in
// this process `shapes` times (own id, place, text and fractional index); the
// board is then made from that snapshot through the import route (POST /api/boards/import), which builds the Y.Doc
// with the same binding as a browser. Drawing 5,000 notes through the page took 16 minutes under load and crashed
// ("the page was closed"); this takes seconds. The board's records are the same as before: the document, the page,
// the shapes with the same props; only the way they reach the server differs.
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createBoard, joinBoard, person } from '../test/browserHarness.ts'

export type Kind = 'note' | 'wt-value-card'

type Rec = { id: string; typeName: string; [key: string]: unknown }
type Snapshot = { schema?: unknown; records: Rec[] }
type Template = { schema: unknown; others: Rec[]; shape: Rec }

/** Where the i-th shape lies: rows of 100, 240 apart (as the benches always drew them). */
const at = (i: number) => ({ x: (i % 100) * 240, y: Math.floor(i / 100) * 240 })

/** The props that differ per shape: the text a person would type. */
function textProps(kind: Kind, i: number): Record<string, unknown> {
  return kind === 'note'
    ? {
        richText: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `Notitie ${i}` }] }],
        },
      }
    : { valueKey: 'custom', name: `Waarde ${i}` }
}

/** One HTTP exchange without keep-alive (no idle connection of this process holds up a server's close). */
function http(
  method: 'GET' | 'POST',
  url: string,
  token: string | null,
  body?: string,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) })
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text })
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? ''

/** The board's stored records, as the server's snapshot route gives them. */
export async function storedSnapshot(appUrl: string, board: CreateBoardResponse): Promise<Snapshot> {
  const res = await http('GET', `${appUrl}/api/boards/${board.id}/snapshot`, tokenOf(board.links.facilitator))
  if (res.status !== 200) throw new Error(`snapshot failed: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json as Snapshot
}

const templates = new Map<Kind, Promise<Template>>()

/** One shape of `kind` drawn through the real editor on a board of its own; its record and the board's others. */
function template(browser: Browser, appUrl: string, kind: Kind): Promise<Template> {
  let made = templates.get(kind)
  if (!made) {
    made = (async () => {
      const board = await createBoard(appUrl, `Sjabloon ${kind}`)
      const { context, page } = await person(browser)
      try {
        await joinBoard(page, board.links.facilitator, 'Bench')
        await page.evaluate(
          ([kind, place, props]) => {
            const editor = (window as unknown as { __wtEditor: import('tldraw').Editor }).__wtEditor
            editor.createShapes([{ type: kind, ...place, props } as never])
          },
          [kind, at(0), textProps(kind, 0)] as const,
        )
        // Until the server holds the drawn shape: the condition polled every 100 ms (setup only, not measured).
        let snapshot = await storedSnapshot(appUrl, board)
        for (let tries = 0; !snapshot.records.some((r) => r.typeName === 'shape'); tries++) {
          if (tries === 300) throw new Error('the drawn template shape did not reach the server in 30 s')
          await new Promise((r) => setTimeout(r, 100))
          snapshot = await storedSnapshot(appUrl, board)
        }
        const shape = snapshot.records.find((r) => r.typeName === 'shape') as Rec
        return {
          schema: snapshot.schema,
          others: snapshot.records.filter((r) => r.typeName !== 'shape'),
          shape,
        }
      } finally {
        await context.close()
      }
    })()
    templates.set(kind, made)
  }
  return made
}

/**
 * `n` ascending fractional-index keys (tldraw's format: the integer part's head letter gives its length, then base-62
 * digits): a1…az, b10…bzz, c100…. tldraw's own `getIndices` adds random jitter after these; in order and valid is what
 * matters here (importing tldraw into this process would keep it from exiting).
 */
function indexKeys(n: number): string[] {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const keys: string[] = []
  for (let head = 0, length = 1; keys.length < n; head++, length++) {
    const start = length === 1 ? 1 : digits.length ** (length - 1)
    for (let v = start; v < digits.length ** length && keys.length < n; v++) {
      let text = ''
      for (let rest = v, k = 0; k < length; k++, rest = Math.floor(rest / digits.length))
        text = digits[rest % digits.length] + text
      keys.push(String.fromCharCode('a'.charCodeAt(0) + head) + text)
    }
  }
  return keys
}

/** A board of `shapes` shapes of `kind` (none: an empty board), stored by the server at `appUrl`. */
export async function seedBoard(
  browser: Browser,
  appUrl: string,
  title: string,
  kind: Kind,
  shapes: number,
): Promise<CreateBoardResponse> {
  if (shapes === 0) return createBoard(appUrl, title)
  const { schema, others, shape } = await template(browser, appUrl, kind)
  const index = indexKeys(shapes)
  const records: Rec[] = [...others]
  for (let i = 0; i < shapes; i++) {
    const copy = structuredClone(shape)
    copy.id = `shape:${randomBytes(16).toString('base64url').slice(0, 21)}`
    Object.assign(copy, at(i), { index: index[i] })
    Object.assign(copy.props as Record<string, unknown>, textProps(kind, i))
    records.push(copy)
  }
  const snapshot = {
    format: 'waardentafel.board',
    version: 1,
    board: { id: 'bench', title },
    ...(schema ? { schema } : {}),
    records,
  }
  const res = await http(
    'POST',
    `${appUrl}/api/boards/import?title=${encodeURIComponent(title)}`,
    null,
    JSON.stringify(snapshot),
  )
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.json)}`)
  const board = res.json as CreateBoardResponse
  const stored = (await storedSnapshot(appUrl, board)).records.filter((r) => r.typeName === 'shape').length
  if (stored !== shapes) throw new Error(`the server holds ${stored} shapes, not ${shapes}`)
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

/**
 * How long one open may take: OPEN_TIMEOUT_MS, 180 s by default (60 s was too short for 5,000 notes at
 * load 15–27 on the 2-core machine: the run ended without a figure).
 */
export const OPEN_TIMEOUT_MS = Number(process.env.OPEN_TIMEOUT_MS ?? 180_000)

/** Waits (polling each frame, up to OPEN_TIMEOUT_MS) until the page's editor holds `expected` shapes on its page. */
export async function untilAllShapes(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __wtEditor?: import('tldraw').Editor }).__wtEditor?.getCurrentPageShapes()
        .length === n,
    expected,
    { timeout: OPEN_TIMEOUT_MS, polling: 'raf' },
  )
}

/**
 * Closes a server the bench started, waiting at most `ms`: in the runs of 2026-12-07/08 a close sometimes never
 * settled with nothing left to run (Node then ends the bench with "unsettled top-level await", exit code 13, which
 * would fail `npm run bench` after its figures were printed). The bench goes on and says so.
 */
export async function closeWithin(name: string, close: () => Promise<void>, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const settled = await Promise.race([
    close().then(() => true),
    new Promise<false>((r) => {
      timer = setTimeout(() => r(false), ms)
    }),
  ])
  clearTimeout(timer)
  if (!settled) console.error(`${name}: close() had not settled after ${ms} ms; going on`)
}
