import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { clientPool, createBoard, startServer, type TestServer, tokenOf, whenDoc } from './harness.ts'
import { type Instance, isolation, startInstance } from './multiHarness.ts'

// The HTTP half of the limits (docs/operations.md "Limits"): request budgets per address and link, quotas per
// organiser, imports bounded and parsed off the event loop. Every server here has the rate limits on.
const LIMITS_ON = { RATE_LIMITS: 'true', QUOTA_BOARDS: '100', QUOTA_STORAGE_MB: '500' }

const servers: TestServer[] = []
const instances: Instance[] = []
const cleanups: Array<() => Promise<void>> = []
const pool = clientPool()
afterEach(async () => {
  pool.destroyAll()
  for (const s of servers.splice(0)) await s.close()
  for (const i of instances.splice(0)) await i.close()
  for (const c of cleanups.splice(0)) await c()
})

async function start(env: Record<string, string>): Promise<TestServer> {
  const srv = await startServer({ ...LIMITS_ON, ...env })
  servers.push(srv)
  return srv
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const importBoard = (url: string, body: unknown) =>
  fetch(`${url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

/** A board snapshot with `count` notes, each about as big as a real one. */
function snapshotWith(count: number): unknown {
  return {
    format: 'waardentafel.board',
    version: 1,
    board: { id: 'import', title: 'Groot bord', createdAt: new Date(0).toISOString() },
    records: Array.from({ length: count }, (_, i) => ({
      id: `shape:note${i}`,
      typeName: 'shape',
      type: 'note',
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 220,
      rotation: 0,
      index: `a${i}`,
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { color: 'yellow', size: 'm', text: `Idee ${i}: meer groen in de wijk`, align: 'middle' },
    })),
  }
}

/**
 * Milliseconds from a note moved on one y-websocket client until another client of the board has the move. The
 * same note every time, so the board stays as small as it was before the import (the two phases compare alike).
 */
async function roundTrip(
  from: ReturnType<typeof pool.connect>,
  to: ReturnType<typeof pool.connect>,
  x: number,
): Promise<number> {
  const id = 'shape:probe'
  const t0 = performance.now()
  writeDocRecords(from.doc, {
    records: [{ id, typeName: 'shape', type: 'note', x, y: 0, parentId: 'page:page', props: {} }],
    schema: null,
  })
  // The binding keeps each record as a Y.Map of its fields in the root map `records` (RECORDS_MAP_NAME).
  const fieldX = () => (to.doc.getMap('records').get(id) as Y.Map<unknown> | undefined)?.get('x')
  await whenDoc(to.doc, () => fieldX() === x, 20_000)
  const ms = performance.now() - t0
  // Paced like a person dragging (an edit every ~20 ms), not back to back: a probe that saturated the event loop
  // would measure its own load.
  await new Promise((resolve) => setTimeout(resolve, 20))
  return ms
}

/**
 * POSTs a file as JSON from a node process in a session of its own (as `fuzz/attack.ts` does: where the kernel
 * shares CPU between sessions, its start-up and sending are not taken from the server's share); resolves with the
 * answer's status.
 */
function sendFromProcess(url: string, file: string): Promise<number> {
  const script = `
    const body = require('node:fs').readFileSync(process.argv[1])
    fetch(process.argv[2], { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then((res) => console.log(res.status), (error) => { console.error(error); process.exit(1) })`
  const child = spawn(process.execPath, ['-e', script, file, url], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(Number(out.trim())) : reject(new Error(`sender exited ${code}`)),
    )
  })
}

const p99 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0
}

describe('HTTP rate limits', () => {
  it('[L1] board creation past its per-address budget is refused with 429 RATE_LIMITED and Retry-After', async () => {
    const srv = await start({ RATE_CREATE_PER_ADDRESS: '3' })
    for (let i = 0; i < 3; i++) expect((await post(srv.url, { title: `Bord ${i}` })).status).toBe(201)
    const refused = await post(srv.url, { title: 'Eén te veel' })
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await errorCode(refused)).toBe('RATE_LIMITED')
    // Other kinds have budgets of their own: the web app and joining still answer.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200)
  })

  it('[L2] 300 participants joining from one address by one link are not refused (default budgets)', async () => {
    const srv = await start({})
    const board = await srv.createBoard('Raadzaal')
    const token = tokenOf(board.links.participant)
    const statuses: number[] = []
    // A hall on one Wi-Fi: 300 people open the same link within moments, in waves of 50.
    for (let wave = 0; wave < 6; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${srv.url}/api/boards/${board.id}/session`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        ),
      )
      statuses.push(...answers.map((a) => a.status))
    }
    expect(statuses).toHaveLength(300)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
  })

  it('[L3] the per-link budget holds whichever addresses use the link', async () => {
    // 127.0.0.1 is the only address here; a per-address budget far above the per-link one isolates the link's.
    const srv = await start({ RATE_READ_PER_ADDRESS: '1000', RATE_READ_PER_LINK: '5' })
    const board = await srv.createBoard()
    const read = (role: 'participant' | 'facilitator') =>
      fetch(`${srv.url}/api/boards/${board.id}/snapshot`, {
        headers: { authorization: `Bearer ${tokenOf(board.links[role])}` },
      })
    for (let i = 0; i < 5; i++) expect((await read('participant')).status).toBe(200)
    const refused = await read('participant')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).not.toBeNull()
    // Another link of the same board has its own budget.
    expect((await read('facilitator')).status).toBe(200)
  })
})

describe('organiser quotas', () => {
  it('[L4] the quota refuses board N+1 of an organiser, created or imported, with 403 QUOTA_BOARDS', async () => {
    const srv = await start({
      QUOTA_BOARDS: '3',
      RATE_CREATE_PER_ADDRESS: '100',
      RATE_IMPORT_PER_ADDRESS: '100',
    })
    for (let i = 0; i < 3; i++) expect((await post(srv.url, { title: `Bord ${i}` })).status).toBe(201)
    const fourth = await post(srv.url, { title: 'Vierde' })
    expect(fourth.status).toBe(403)
    expect(await errorCode(fourth)).toBe('QUOTA_BOARDS')
    const imported = await importBoard(srv.url, snapshotWith(2))
    expect(imported.status).toBe(403)
    expect(await errorCode(imported)).toBe('QUOTA_BOARDS')
    expect(await srv.storage.organiserUsage('addr:127.0.0.1')).toMatchObject({ boards: 3 })
  })

  it('[L5] an import that would take the organiser past the storage quota is refused with 413 QUOTA_STORAGE', async () => {
    // 0.08 MiB (84 KB): the first import (~58 KB stored) fits, the second does not.
    const srv = await start({ QUOTA_STORAGE_MB: '0.08', RATE_IMPORT_PER_ADDRESS: '100' })
    expect((await importBoard(srv.url, snapshotWith(150))).status).toBe(201)
    const before = await srv.storage.organiserUsage('addr:127.0.0.1')
    expect(before.boards).toBe(1)
    const refused = await importBoard(srv.url, snapshotWith(150))
    expect(refused.status).toBe(413)
    expect(await errorCode(refused)).toBe('QUOTA_STORAGE')
    expect(await srv.storage.organiserUsage('addr:127.0.0.1')).toEqual(before)
  })
})

describe('imports', () => {
  it('[L6] an import over the record limit is refused with 413 IMPORT_TOO_MANY_RECORDS and nothing is stored', async () => {
    const srv = await start({ MAX_IMPORT_RECORDS: '100' })
    const refused = await importBoard(srv.url, snapshotWith(101))
    expect(refused.status).toBe(413)
    expect(await errorCode(refused)).toBe('IMPORT_TOO_MANY_RECORDS')
    expect(await srv.storage.organiserUsage('addr:127.0.0.1')).toEqual({ boards: 0, bytes: 0 })
    expect((await importBoard(srv.url, snapshotWith(100))).status).toBe(201)
  })

  it('[L7] a streamed body is cut at the byte cap with 413 BODY_TOO_LARGE, without a Content-Length', async () => {
    const srv = await start({ MAX_IMPORT_BYTES: String(256 * 1024) })
    const { port } = new URL(srv.url)
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/api/boards/import',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      })
      let sent = 0
      let answered = false
      const chunk = Buffer.alloc(16 * 1024, 0x20)
      const pump = () => {
        // Keeps sending (up to 64 MiB) until the server answers: it must not wait for the end of the body.
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
      }
      req.on('response', (res) => {
        answered = true
        let body = ''
        res.on('data', (d) => {
          body += d
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }))
      })
      req.on('error', (error) => (answered ? undefined : reject(error)))
      req.write('{"records": [')
      pump()
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).error.code).toBe('BODY_TOO_LARGE')
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024)
  })

  it('[L8] past IMPORT_MAX_PENDING imports in progress, one more is refused at once with 503 IMPORT_BUSY', async () => {
    const srv = await start({ IMPORT_MAX_PENDING: '1', RATE_IMPORT_PER_ADDRESS: '100' })
    const { port } = new URL(srv.url)
    // One import whose body is still arriving holds the only slot.
    const slow = request({
      host: '127.0.0.1',
      port,
      path: '/api/boards/import',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    })
    slow.on('error', () => {})
    const slowAnswer = new Promise<number>((resolve) =>
      slow.on('response', (res) => resolve(res.statusCode ?? 0)),
    )
    slow.write(JSON.stringify(snapshotWith(3)).slice(0, 50))
    // The first import is admitted once its first bytes were read; until then a second one may still get in.
    let busy: Response | null = null
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      const res = await importBoard(srv.url, snapshotWith(1))
      if (res.status === 503) {
        busy = res
        break
      }
      expect(res.status).toBe(201)
    }
    expect(busy?.status).toBe(503)
    expect(Number(busy?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await errorCode(busy as Response)).toBe('IMPORT_BUSY')
    slow.end(JSON.stringify(snapshotWith(3)).slice(50))
    expect(await slowAnswer).toBe(201)
    expect((await importBoard(srv.url, snapshotWith(1))).status).toBe(201)
  })

  it("[L9] while a big import is parsed and built, another board's edits keep flowing", async () => {
    const srv = await start({ RATE_IMPORT_PER_ADDRESS: '100' })
    const board = await srv.createBoard('Werkbord')
    const a = pool.connect(srv.wsUrl, board, 'participant')
    const b = pool.connect(srv.wsUrl, board, 'participant')
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 10; i++) await roundTrip(a, b, i)
    // ~12,000 records, ~3 MB of JSON: a second or more of parsing, validating and building on the import thread. Sent from
    // a process of its own, like an organiser on another machine: encoding and sending it is not the server's work.
    const file = join(srv.dataDir, 'import.json')
    writeFileSync(file, JSON.stringify(snapshotWith(12_000)))
    const url = `${srv.url}/api/boards/import`
    // One import first, unmeasured: it starts the import thread and tells how long an import takes on this machine
    // now, so "before" is measured over as long a time as "during" (on a shared machine, a longer phase meets more
    // of the other processes' bursts; phases of unequal length would not compare alike).
    const t0 = performance.now()
    expect(await sendFromProcess(url, file)).toBe(201)
    const importMs = performance.now() - t0
    const before: number[] = []
    for (let x = 100; performance.now() - t0 < 2 * importMs || before.length < 50; x++) {
      before.push(await roundTrip(a, b, x))
    }

    let importDone = false
    const imported = sendFromProcess(url, file).then((status) => {
      importDone = true
      return status
    })
    const during: number[] = []
    for (let x = 100_000; !importDone || during.length < 50; x++) during.push(await roundTrip(a, b, x))
    expect(await imported).toBe(201)
    // Before the fix the import held the event loop for seconds, so every round trip that met it took seconds.
    // The floor: on this shared 2-core machine the import thread and the edits compete for the same cores with the
    // other processes, and a p99 of a few ms before would make 2x a bound that one scheduler hiccup exceeds; 20 ms
    // is still two orders of magnitude below what one import cost every board before.
    const floorMs = 20
    expect(p99(during)).toBeLessThanOrEqual(2 * p99(before) + floorMs)
  }, 120_000)
})

describe('rate limits across instances (Redis)', () => {
  it('[L10] two instances share one budget through Redis', async () => {
    const iso = isolation()
    cleanups.push(iso.cleanup)
    const env = { RATE_LIMITS: 'true', RATE_CREATE_PER_ADDRESS: '4' }
    const one = await startInstance(iso, { env })
    instances.push(one)
    const two = await startInstance(iso, { env })
    instances.push(two)
    const made: CreateBoardResponse[] = []
    for (const url of [one.url, two.url, one.url, two.url]) made.push(await createBoard(url, 'Gedeeld'))
    expect(made).toHaveLength(4)
    for (const url of [one.url, two.url]) {
      const refused = await post(url, { title: 'Vijfde' })
      expect(refused.status).toBe(429)
      expect(await errorCode(refused)).toBe('RATE_LIMITED')
    }
  })
})

describe('a creation flood spread over many addresses', () => {
  const postFrom = (url: string, address: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: JSON.stringify({ title: `Bord van ${address}` }),
    })

  it('[L11] an instance open to anyone creates at most RATE_CREATE_PER_INSTANCE boards a minute in all, a sixth of them per 10 s; one address flooding does not use it up; with an organiser key it does not apply', async () => {
    const srv = await start({
      TRUST_PROXY: 'true',
      RATE_CREATE_PER_ADDRESS: '4',
      RATE_CREATE_PER_INSTANCE: '60',
    })
    // One address floods first: its own budget stops it, and the instance's budget is not touched by the refusals.
    const one = await Promise.all(Array.from({ length: 12 }, () => postFrom(srv.url, '203.0.113.7')))
    expect(one.filter((r) => r.status === 201)).toHaveLength(4)
    // Then 30 addresses, one creation each: the remaining 6 of the instance's 10 pass, the rest wait.
    const spread = await Promise.all(
      Array.from({ length: 30 }, (_, i) => postFrom(srv.url, `198.51.100.${i + 1}`)),
    )
    expect(spread.filter((r) => r.status === 201)).toHaveLength(6)
    const refused = spread.find((r) => r.status === 429)!
    expect(await errorCode(refused)).toBe('RATE_LIMITED')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)

    // An instance with an organiser key: strangers are refused by the key, so no instance budget can be used up.
    const keyed = await start({
      TRUST_PROXY: 'true',
      RATE_CREATE_PER_ADDRESS: '4',
      RATE_CREATE_PER_INSTANCE: '60',
      ORGANISER_KEY: 'organiser-key-1234',
    })
    const keyedSpread = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postFrom(keyed.url, `192.0.2.${i + 1}`, { authorization: 'Bearer organiser-key-1234' }),
      ),
    )
    expect(keyedSpread.filter((r) => r.status === 201)).toHaveLength(20)
  })
})
