import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { parseConfig } from '../src/config.ts'
import { hashPassword } from '../src/org/auth/passwords.ts'
import { createServer } from '../src/server.ts'
import type { BoardStorage } from '../src/storage/BoardStorage.ts'
import { PostgresBoardStorage } from '../src/storage/PostgresBoardStorage.ts'
import { INITIAL_GENERATIONS } from '../src/storage/ports/BoardStore.ts'
import { SqliteBoardStorage } from '../src/storage/SqliteBoardStorage.ts'
import { mulberry32, type Summary, summarize } from './lib/stats.ts'

// `node apps/server/bench/orgList.bench.ts [--quick] [--postgres]`: the organiser's home page list (issue #17) over
// 10,000 boards in 500 projects that the organiser can all see, plus 2,000 boards of workspaces they are not in.
// Requests go one at a time from this process to the server in it; each figure is reported as a ratio to the
// baseline measured in the same run (GET /healthz, and a single board's GET …/session with its link), which carries
// the same HTTP and process overhead.

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const postgres = args.includes('--postgres')
const WORKSPACES = 10
const PROJECTS = 500
const BOARDS = 10_000
const FOREIGN_BOARDS = 2_000
const SAMPLES = quick ? 100 : 400

async function seed(
  storage: BoardStorage,
  organiserId: string,
): Promise<{ projectIds: string[]; boardIds: string[] }> {
  const random = mulberry32(17)
  const ws = storage.workspaces
  const projectIds: string[] = []
  const boardIds: string[] = []
  for (let w = 0; w < WORKSPACES + 1; w++) {
    // The last workspace is someone else's: its boards must cost the organiser's query nothing.
    await ws.createWorkspace(
      { id: `ws${w}`, name: `Gemeente ${w}`, createdAt: 1 },
      w < WORKSPACES ? organiserId : 'x',
    )
  }
  for (let p = 0; p < PROJECTS + 10; p++) {
    const id = `pr${p}`
    await ws.createProject({
      id,
      workspaceId: p < PROJECTS ? `ws${p % WORKSPACES}` : `ws${WORKSPACES}`,
      name: `Project ${p}`,
      gebied: '',
      gemeente: '',
      kernteam: [],
      retentionMonths: 24,
      phase: 'quickscan',
      createdAt: 1,
      updatedAt: 1,
    })
    if (p < PROJECTS) projectIds.push(id)
  }
  const words = ['Quickscan', 'Kansenanalyse', 'Sessie', 'PvW', 'Gebiedswandeling', 'Spanningen']
  for (let b = 0; b < BOARDS + FOREIGN_BOARDS; b++) {
    const id = `bench-board-${String(b).padStart(6, '0')}`
    const title = `${words[b % words.length]} ${b}`
    const at = 1_700_000_000_000 + Math.floor(random() * 10_000_000_000)
    await storage.createBoard({ id, title, createdAt: at, linkGenerations: INITIAL_GENERATIONS }, organiserId)
    const projectId = b < BOARDS ? `pr${b % PROJECTS}` : `pr${PROJECTS + (b % 10)}`
    await ws.placeBoard({
      boardId: id,
      projectId,
      ownerId: organiserId,
      title,
      createdAt: at,
      updatedAt: at,
      lastOpenedAt: null,
      // A tenth archived, a fiftieth awaiting deletion: hidden from the default list.
      archivedAt: b % 10 === 3 ? at : null,
      deleteRequestedAt: b % 50 === 7 ? at : null,
      deleteAfter: b % 50 === 7 ? at + 30 * 86_400_000 : null,
    })
    if (b < BOARDS) boardIds.push(id)
  }
  return { projectIds, boardIds }
}

async function time(samples: number, request: (i: number) => Promise<Response>): Promise<Summary> {
  const ms: number[] = []
  for (let i = 0; i < samples + 20; i++) {
    const t0 = performance.now()
    const res = await request(i)
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`bench request failed: ${res.status}`)
    // The first 20 warm the statement caches and the JIT.
    if (i >= 20) ms.push(performance.now() - t0)
  }
  return summarize(ms)
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-orglist-'))
  const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test'
  const schema = `wt_bench_${Date.now().toString(36)}`
  const storage: BoardStorage = postgres
    ? new PostgresBoardStorage({ connectionString: pgUrl, schema })
    : new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'false',
    QUOTA_BOARDS: '0',
    QUOTA_STORAGE_MB: '0',
    PURGE_INTERVAL_MS: '0',
    // Creation as before #17 (a script with the organiser key), beside creation by a signed-in organiser.
    ORGANISER_KEY: 'bench-organiser-key-0123',
  })
  const server = createServer(config, {
    storage,
    log: pino({ level: 'silent' }),
    tokenSecret: 'bench-secret-bench-secret-bench-secret-01',
  })
  await server.listen()
  const url = server.url

  const password = 'bench-password-0123'
  const organiser = {
    id: 'bench-organiser',
    name: 'Bench',
    email: 'bench@gemeente.example',
    passwordHash: await hashPassword(password, { logN: 10, r: 8, p: 1 }),
    oidc: null,
    createdAt: 1,
  }
  await storage.organisers.createOrganiser(organiser)
  const t0 = performance.now()
  const { projectIds, boardIds } = await seed(storage, organiser.id)
  console.error(`seeded ${BOARDS + FOREIGN_BOARDS} boards in ${Math.round(performance.now() - t0)} ms`)
  // PostgreSQL plans by its statistics, which autovacuum keeps on a live database; freshly seeded tables have none.
  const admin = postgres ? new pg.Pool({ connectionString: pgUrl }) : null
  for (const table of ['org_boards', 'org_members', 'org_projects', 'org_workspaces']) {
    await admin?.query(`ANALYZE ${schema}.${table}`)
  }

  const signedIn = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: organiser.email, password }),
  })
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const get = (path: string) => fetch(`${url}${path}`, { headers: { cookie } })

  // A single board's own fetch by link, the baseline that touches storage.
  const links = (await (
    await fetch(`${url}/api/org/boards/${boardIds[0]}/open`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken,
      },
    })
  ).json()) as { links: { observer: string } }
  const token = new URL(links.links.observer).searchParams.get('token') ?? ''
  const csrf = (await (await get('/api/auth/me')).json()) as { csrfToken: string }
  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  // Page 20 of the default list, by following the cursors (what "more" on the home page does).
  let cursor: string | null = null
  for (let page = 0; page < 20; page++) {
    const body = (await (await get(`/api/org/boards${cursor ? `?cursor=${cursor}` : ''}`)).json()) as {
      nextCursor: string | null
    }
    cursor = body.nextCursor
  }

  const results: Record<string, Summary> = {
    'GET /healthz (baseline)': await time(SAMPLES, () => fetch(`${url}/healthz`)),
    'GET …/session of one board (baseline)': await time(SAMPLES, () =>
      fetch(`${url}/api/boards/${boardIds[0]}/session`, { headers: { authorization: `Bearer ${token}` } }),
    ),
    'home list: GET /api/org/boards (first 50)': await time(SAMPLES, () => get('/api/org/boards')),
    'search: ?q=<two words>': await time(SAMPLES, (i) => get(`/api/org/boards?q=sessie%20${i % 100}`)),
    'one project: ?projectId=': await time(SAMPLES, (i) =>
      get(`/api/org/boards?projectId=${projectIds[i % PROJECTS]}`),
    ),
    'page 21 by cursor': await time(SAMPLES, () => get(`/api/org/boards?cursor=${cursor}`)),
    'archived: ?archived=1': await time(SAMPLES, () => get('/api/org/boards?archived=1')),
    'projects of a workspace (50, with counts)': await time(SAMPLES, (i) =>
      get(`/api/workspaces/ws${i % WORKSPACES}/projects`),
    ),
    // Issue #17: "creating a board stays ≤ 2× today's". Today's = POST /api/boards as before the organisation layer
    // (no session, no project); now = a signed-in organiser's board in a project (session, CSRF, access check,
    // placement, audit line).
    'create: POST /api/boards by organiser key (as before)': await time(SAMPLES, (i) =>
      post('/api/boards', { authorization: 'Bearer bench-organiser-key-0123' }, { title: `Sleutel ${i}` }),
    ),
    'create: POST /api/projects/:id/boards signed in': await time(SAMPLES, (i) =>
      post(
        `/api/projects/${projectIds[i % PROJECTS]}/boards`,
        { cookie, 'x-csrf-token': csrf.csrfToken },
        { title: `Project ${i}` },
      ),
    ),
  }
  const base = results['GET /healthz (baseline)']!
  console.log(
    `\norgList bench (${postgres ? 'PostgreSQL' : 'SQLite'}, ${BOARDS} boards in ${PROJECTS} projects + ${FOREIGN_BOARDS} foreign; ${SAMPLES} sequential requests each)\n`,
  )
  console.log('| request | p50 | p95 | p99 | p95 / health p95 |')
  console.log('| --- | --- | --- | --- | --- |')
  for (const [name, s] of Object.entries(results)) {
    console.log(
      `| ${name} | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(2)} ms | ${s.p99.toFixed(2)} ms | ${(s.p95 / base.p95).toFixed(1)}× |`,
    )
  }
  const before = results['create: POST /api/boards by organiser key (as before)']!
  const now = results['create: POST /api/projects/:id/boards signed in']!
  console.log(
    `\ncreating a board: p50 ${(now.p50 / before.p50).toFixed(2)}×, p95 ${(now.p95 / before.p95).toFixed(2)}× the way before #17 (target ≤ 2×)`,
  )
  const home = results['home list: GET /api/org/boards (first 50)']!
  console.log(
    `\nhome list p95 ${home.p95.toFixed(2)} ms: ${home.p95 <= 50 ? 'within' : 'OVER'} the 50 ms target`,
  )
  await server.close()
  await storage.close()
  await admin?.query(`DROP SCHEMA ${schema} CASCADE`)
  await admin?.end()
}

// Keeps the process alive until main() is done: closing the storage waits on an unref'd worker thread (run.ts does
// the same).
const keepAlive = setInterval(() => {}, 60_000)
await main()
clearInterval(keepAlive)
process.exit(0)
