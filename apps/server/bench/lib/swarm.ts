import * as Y from 'yjs'
import { installProbe } from './probe.ts'
import { editIdsIn, FIRST_EDIT_ID, RawClient } from './rawClient.ts'
import { mulberry32, type Summary, summarize } from './stats.ts'
import { shapeRecord } from './tldrawDoc.ts'

// Child-process entry: the bench's clients, in their own process so their CPU does not count as the server's.
// Each client owns one note on its board and "moves" it (sets x and y in one transaction); x carries a
// unique edit id, so every peer can tell which edit arrived and when.

type Board = { clients: RawClient[] }
/** An edit on its way: who made it, and which peers have it already (each counts once). */
type Pending = { t0: number; remaining: number; author: RawClient; arrived: Set<RawClient> }

const boards: Board[] = []
const held: RawClient[] = []
/** Close codes of the boards' clients closed by the server since the last `closes` request. */
const closedCodes: number[] = []
const pending = new Map<number, Pending>()
let samples: number[] = []
let allPeers: number[] = []
let nextEdit = FIRST_EDIT_ID
let drained: (() => void) | null = null

const shapeId = (j: number) => `shape:bench${j}`

function onArrival(receiver: RawClient, update: Uint8Array, at: number): void {
  for (const id of editIdsIn(update)) {
    const p = pending.get(id)
    // A server may hand a sender its own edit back inside a merged update: that is not an arrival at a peer.
    if (!p || receiver === p.author || p.arrived.has(receiver)) continue
    p.arrived.add(receiver)
    samples.push(at - p.t0)
    if (--p.remaining === 0) {
      allPeers.push(at - p.t0)
      pending.delete(id)
      if (pending.size === 0) drained?.()
    }
  }
}

function edit(board: Board, j: number): void {
  const client = board.clients[j]!
  const shape = client.doc.getMap<Y.Map<unknown>>('records').get(shapeId(j))
  if (!shape) throw new Error(`client ${j} has no shape`)
  const id = nextEdit++
  pending.set(id, {
    t0: performance.now(),
    remaining: board.clients.length - 1,
    author: client,
    arrived: new Set(),
  })
  client.doc.transact(() => {
    shape.set('x', id)
    shape.set('y', (id * 7919) % 6000)
  })
}

function until(check: () => boolean, onChange: (notify: () => void) => void, timeoutMs: number) {
  return new Promise<boolean>((resolve) => {
    if (check()) return resolve(true)
    const timer = setTimeout(() => resolve(false), timeoutMs)
    onChange(() => {
      if (!check()) return
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/** Waits (bounded) until every edit reached every peer; returns what is missing. */
async function drain(timeoutMs = 15_000): Promise<number> {
  await until(
    () => pending.size === 0,
    (notify) => {
      drained = notify
    },
    timeoutMs,
  )
  drained = null
  let missing = 0
  for (const p of pending.values()) missing += p.remaining
  pending.clear()
  return missing
}

/** `url` may list several instances serving the same board: client j then connects to url[j % length]. */
async function connectBoard(url: string | string[], n: number): Promise<Board> {
  const urls = Array.isArray(url) ? url : [url]
  const first = new RawClient(urls[0]!)
  await first.synced
  const records = first.doc.getMap<Y.Map<unknown>>('records')
  const missing = Array.from({ length: n }, (_, j) => j).filter((j) => !records.has(shapeId(j)))
  if (missing.length > 0) {
    const rnd = mulberry32(1)
    first.doc.transact(() => {
      for (const j of missing) records.set(shapeId(j), shapeRecord(shapeId(j), rnd, j))
    })
  }
  const clients = [first]
  for (let j = 1; j < n; j++) clients.push(new RawClient(urls[j % urls.length]!))
  await Promise.all(
    clients.map(async (c, j) => {
      await c.synced
      const has = () => c.doc.getMap('records').has(shapeId(j))
      const ok = await until(has, (notify) => c.doc.on('update', notify), 15_000)
      if (!ok) throw new Error(`client ${j} never saw its shape`)
    }),
  )
  for (const c of clients) {
    c.applyRemote = false
    c.onUpdate = (update, at) => onArrival(c, update, at)
  }
  return { clients }
}

const result = (
  missing: number,
  edits: number,
): { latency: Summary; allPeers: Summary; edits: number; missing: number } => {
  const out = { latency: summarize(samples), allPeers: summarize(allPeers), edits, missing }
  samples = []
  allPeers = []
  return out
}

installProbe({
  connect: async (arg) => {
    const {
      urls,
      clientsPerBoard,
      concurrency = 10,
    } = arg as {
      urls: Array<string | string[]>
      clientsPerBoard: number
      concurrency?: number
    }
    const t0 = performance.now()
    let next = 0
    const worker = async () => {
      while (next < urls.length) {
        const i = next++
        boards[i] = await connectBoard(urls[i]!, clientsPerBoard)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker))
    for (const board of boards)
      for (const c of board.clients) void c.closed.then((code) => closedCodes.push(code))
    return { boards: boards.length, ms: performance.now() - t0 }
  },

  /** Each client edits `ratePerClient` times a second, all clients spread evenly over each period. */
  steady: async (arg) => {
    const { ratePerClient, durationMs } = arg as { ratePerClient: number; durationMs: number }
    const all = boards.flatMap((board) => board.clients.map((_, j) => ({ board, j })))
    const interval = 1000 / (all.length * ratePerClient)
    const start = performance.now()
    let k = 0
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now()
        while (start + k * interval <= now && k * interval < durationMs) {
          const target = all[k % all.length]!
          edit(target.board, target.j)
          k++
        }
        if (k * interval >= durationMs) return resolve()
        setTimeout(tick, Math.max(0, start + k * interval - performance.now()))
      }
      tick()
    })
    return result(await drain(), k)
  },

  /** Every client edits at once, `count` times, waiting for each burst to arrive everywhere. */
  burst: async (arg) => {
    const { count, gapMs } = arg as { count: number; gapMs: number }
    let edits = 0
    let missing = 0
    for (let b = 0; b < count; b++) {
      for (const board of boards) for (let j = 0; j < board.clients.length; j++) edit(board, j)
      edits += boards.reduce((n, board) => n + board.clients.length, 0)
      missing += await drain()
      // Pacing between bursts (not synchronisation: the burst above has fully arrived).
      await new Promise((resolve) => setTimeout(resolve, gapMs))
    }
    return result(missing, edits)
  },

  /** Close codes of the boards' clients that were closed since the last call (a raw client never reconnects). */
  closes: () => closedCodes.splice(0),

  closeAll: async () => {
    await Promise.all(boards.flatMap((b) => b.clients.map((c) => c.close())))
    boards.length = 0
    return true
  },

  /** One fresh client: time from the WebSocket being created / opened to sync step 2 arriving. */
  open: async (arg) => {
    const { url } = arg as { url: string }
    const t0 = performance.now()
    const c = new RawClient(url)
    await c.synced
    const out = {
      fromCreateMs: c.syncedAt - t0,
      fromOpenMs: c.syncedAt - c.openedAt,
      records: c.doc.getMap('records').size,
    }
    await c.close()
    c.doc.destroy()
    return out
  },

  /** Opens one idle client per URL (its doc pre-filled with `fill` when given) and keeps them open. */
  hold: async (arg) => {
    const { urls, fill } = arg as { urls: string[]; fill?: number[] }
    const opened = urls.map((url) => {
      const doc = new Y.Doc()
      if (fill) Y.applyUpdate(doc, Uint8Array.from(fill))
      return new RawClient(url, doc)
    })
    await Promise.all(opened.map((c) => c.synced))
    for (const c of opened) c.applyRemote = false
    held.push(...opened)
    return opened.length
  },

  /** One edit by every held client (wakes hibernating boards on our server). */
  editHeld: async () => {
    for (const c of held) c.doc.getMap('bench').set('touched', held.indexOf(c))
    return held.length
  },

  releaseHeld: async () => {
    const closing = held.splice(0)
    await Promise.all(closing.map((c) => c.close()))
    for (const c of closing) c.doc.destroy()
    return closing.length
  },

  /** `count` open → synced → close cycles over `urls`, `concurrency` at a time. */
  cycles: async (arg) => {
    const { urls, count, concurrency } = arg as { urls: string[]; count: number; concurrency: number }
    let done = 0
    let failed = 0
    const worker = async () => {
      while (done < count) {
        const url = urls[done++ % urls.length]!
        const c = new RawClient(url)
        try {
          await c.synced
        } catch {
          failed++
        }
        await c.close()
        c.doc.destroy()
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return { done, failed }
  },
})
