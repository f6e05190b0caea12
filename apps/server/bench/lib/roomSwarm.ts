import { get as httpGet } from 'node:http'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { installProbe } from './probe.ts'
import { editIdsIn, FIRST_EDIT_ID, RawClient } from './rawClient.ts'
import { mulberry32, type Summary, summarize } from './stats.ts'
import { shapeRecord } from './tldrawDoc.ts'

// Child-process entry for the bewonersavond benchmark: a room of phones on one board, all from 127.0.0.1. Each phone
// does what the web app does on a phone: resolve the short code (when the server has one), ask for its session with
// the link's token, open the WebSocket, sync, and publish a presence state shaped like the web app's (`user` and a
// tldraw `instance_presence` record under `presence`, see packages/tldraw-yjs/src/bindPresence.ts). Then each moves
// its own card now and then and its cursor a few times a second. Edit ids ride in the card's `meta` (the card's x/y
// stay on the board, so a presenter screen sees cards move where it looks).

const AWARENESS = 1

type Phone = { index: number; client: RawClient; awareness: Awareness; presenceIn: number }
type Pending = { t0: number; remaining: number; author: RawClient; arrived: Set<RawClient> }
/** How a phone gets in: through our server's HTTP endpoints first, or (the reference) straight to its WebSocket. */
type JoinSpec =
  | { kind: 'ours'; origin: string; code: string | null; link: string }
  | { kind: 'reference'; wsUrl: string }
type Refusals = { http429: number; upgrade429: number; close4429: number; other: Record<string, number> }

const phones: Phone[] = []
const pending = new Map<number, Pending>()
let samples: number[] = []
let allPeers: number[] = []
let presenceLatency: number[] = []
let nextEdit = FIRST_EDIT_ID
let drained: (() => void) | null = null
const refusals: Refusals = { http429: 0, upgrade429: 0, close4429: 0, other: {} }
const closedCodes: number[] = []

const shapeId = (j: number) => `shape:phone${j}`
const COLORS = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599']
/** The cards and cursors stay inside the area the cards were laid out in (see tldrawDoc's shapeRecord). */
const AREA = { w: 8000, h: 6000 }

function onArrival(receiver: RawClient, update: Uint8Array, at: number): void {
  for (const id of editIdsIn(update)) {
    const p = pending.get(id)
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

function presenceState(index: number, cursor: { x: number; y: number }) {
  const userId = `user:phone${index}`
  const color = COLORS[index % COLORS.length]!
  return {
    user: {
      name: `Bewoner ${index + 1}`,
      organisation: '',
      role: 'participant',
      userId,
      color,
      location: null,
      presenter: false,
    },
    presence: {
      typeName: 'instance_presence',
      id: `instance_presence:phone${index}`,
      userId,
      userName: `Bewoner ${index + 1}`,
      lastActivityTimestamp: Date.now(),
      followingUserId: null,
      cursor: { x: cursor.x, y: cursor.y, type: 'default', rotation: 0 },
      color,
      camera: { x: 0, y: 0, z: 1 },
      screenBounds: { x: 0, y: 0, w: 390, h: 844 },
      selectedShapeIds: [],
      currentPageId: 'page:page',
      brush: null,
      scribbles: [],
      chatMessage: '',
      // When it was published (this process's clock): phone 0 reads it to time presence to one peer.
      meta: { sentAt: performance.now() },
    },
  }
}

function sendAwareness(client: RawClient, awareness: Awareness): void {
  if (client.ws.readyState !== client.ws.OPEN) return
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [client.doc.clientID]))
  client.ws.send(encoding.toUint8Array(encoder))
}

/** Phone 0 reads every presence frame it gets and times the others' publications (one peer's view). */
function timePresence(phone: Phone, data: Buffer, at: number): void {
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  decoding.readVarUint(decoder)
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const count = decoding.readVarUint(update)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update)
    decoding.readVarUint(update)
    const json = decoding.readVarString(update)
    if (clientId === phone.client.doc.clientID || json === 'null') continue
    const sentAt = (JSON.parse(json) as { presence?: { meta?: { sentAt?: number } } }).presence?.meta?.sentAt
    // Awareness renews an unchanged state every 15 s (same sentAt): only a new publication is timed.
    if (typeof sentAt !== 'number' || sentAt < timedFrom || lastSentAt.get(clientId) === sentAt) continue
    lastSentAt.set(clientId, sentAt)
    presenceLatency.push(at - sentAt)
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function countOther(key: string): void {
  refusals.other[key] = (refusals.other[key] ?? 0) + 1
}

type Answer = { status: number; retryAfter: number; body: string }

/** One GET on a connection of its own (each phone is a device of its own: no connection shared between phones). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: Number(res.headers['retry-after'] ?? 1),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

/** A 429 answer: counted, and the phone retries after `Retry-After` as the web app's fetch would on a refresh. */
async function httpStep(url: string, headers: Record<string, string> = {}): Promise<Answer | null> {
  let res: Answer
  try {
    res = await get(url, headers)
  } catch (error) {
    // A request that never got an answer (connection refused or reset): counted, and retried like a refusal.
    countOther(`http failed: ${(error as { code?: string }).code ?? String(error)}`)
    await wait(1000)
    return null
  }
  if (res.status === 429) {
    refusals.http429++
    await wait(res.retryAfter * 1000)
    return null
  }
  if (res.status < 200 || res.status > 299) {
    countOther(`http ${res.status}`)
    throw new Error(`${url}: ${res.status} ${res.body}`)
  }
  return res
}

/** One phone: the steps until its presence is published; refusals are counted and retried (5 tries at most). */
async function joinOne(index: number, spec: JoinSpec): Promise<Phone> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let wsUrl: string
    if (spec.kind === 'ours') {
      let link = spec.link
      if (spec.code) {
        const res = await httpStep(`${spec.origin}/api/join/${spec.code}`)
        if (!res) continue
        link = (JSON.parse(res.body) as { link: string }).link
      }
      const url = new URL(link)
      const boardId = url.pathname.split('/').pop() ?? ''
      const token = url.searchParams.get('token') ?? ''
      const session = await httpStep(`${spec.origin}/api/boards/${boardId}/session`, {
        authorization: `Bearer ${token}`,
      })
      if (!session) continue
      wsUrl = `${spec.origin.replace(/^http/, 'ws')}/sync/${boardId}?token=${encodeURIComponent(token)}`
    } else {
      wsUrl = spec.wsUrl
    }
    const client = new RawClient(wsUrl)
    try {
      await client.synced
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const status = /Unexpected server response: (\d+)/.exec(message)?.[1]
      if (status === '429') refusals.upgrade429++
      else if (/closed 4429/.test(message)) refusals.close4429++
      else countOther(status ? `upgrade ${status}` : message)
      client.doc.destroy()
      await wait(1000)
      continue
    }
    const awareness = new Awareness(client.doc)
    const phone: Phone = { index, client, awareness, presenceIn: 0 }
    awareness.on('update', (_change: unknown, origin: unknown) => {
      if (origin === 'local') sendAwareness(client, awareness)
    })
    client.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data[0] !== AWARENESS) return
      phone.presenceIn++
      if (index === 0 && timing) timePresence(phone, data, performance.now())
    })
    void client.closed.then((code) => {
      closedCodes.push(code)
      if (code === 4429) refusals.close4429++
    })
    const rnd = mulberry32(index + 1)
    awareness.setLocalState(presenceState(index, { x: rnd() * AREA.w, y: rnd() * AREA.h }))
    return phone
  }
  throw new Error(`phone ${index} did not get in after 5 tries`)
}

let timing = false
/** The last publication phone 0 timed, per client id. */
const lastSentAt = new Map<number, number>()
/** Publications before the steady phase (renewed at join) are not timed. */
let timedFrom = 0

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

function moveCard(phone: Phone, rnd: () => number): void {
  const shape = phone.client.doc.getMap<Y.Map<unknown>>('records').get(shapeId(phone.index))
  if (!shape) throw new Error(`phone ${phone.index} has no card`)
  const id = nextEdit++
  pending.set(id, {
    t0: performance.now(),
    remaining: phones.length - 1,
    author: phone.client,
    arrived: new Set(),
  })
  phone.client.doc.transact(() => {
    shape.set('x', Math.round(rnd() * AREA.w))
    shape.set('y', Math.round(rnd() * AREA.h))
    ;(shape.get('meta') as Y.Map<unknown>).set('edit', id)
  })
}

function moveCursor(phone: Phone, rnd: () => number): void {
  phone.awareness.setLocalState(presenceState(phone.index, { x: rnd() * AREA.w, y: rnd() * AREA.h }))
}

installProbe({
  /** Writes one card per phone onto the board (a setup client, closed afterwards), as a template would hold them. */
  cards: async (arg) => {
    const { wsUrl, count } = arg as { wsUrl: string; count: number }
    const setup = new RawClient(wsUrl)
    await setup.synced
    const records = setup.doc.getMap<Y.Map<unknown>>('records')
    const rnd = mulberry32(1)
    setup.doc.transact(() => {
      for (let j = 0; j < count; j++) {
        const card = records.set(shapeId(j), shapeRecord(shapeId(j), rnd, j))
        // A note as tldraw 5.4 validates it (the web app sets aside a record its schema refuses).
        ;(card.get('props') as Y.Map<unknown>).set('textLastEditedBy', null)
      }
    })
    // The server has the cards once a fresh client syncs them (it answers in order).
    const check = new RawClient(wsUrl)
    await check.synced
    const stored = check.doc.getMap('records').size
    await Promise.all([setup.close(), check.close()])
    return { stored }
  },

  /**
   * `count` phones arrive evenly over `spreadMs` (a room scanning the code) and each joins; resolves when all are
   * in, with the time from the first arrival until the last phone published its presence.
   */
  join: async (arg) => {
    const { spec, count, spreadMs } = arg as { spec: JoinSpec; count: number; spreadMs: number }
    const t0 = performance.now()
    const perPhone: number[] = []
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        await wait((index * spreadMs) / count)
        const started = performance.now()
        phones[index] = await joinOne(index, spec)
        perPhone.push(performance.now() - started)
      }),
    )
    for (const phone of phones) {
      phone.client.applyRemote = false
      phone.client.onUpdate = (update, at) => onArrival(phone.client, update, at)
    }
    return { allInMs: performance.now() - t0, perPhone: summarize(perPhone), refusals, phones: phones.length }
  },

  /**
   * Each phone moves its card every `1 / editRate` s and `movers` of them their cursor `presenceHz` times a second,
   * both spread evenly over the phones; edit → peer and edit → every peer, presence → phone 0.
   */
  steady: async (arg) => {
    const { editRate, presenceHz, movers, durationMs } = arg as {
      editRate: number
      presenceHz: number
      movers: number
      durationMs: number
    }
    samples = []
    allPeers = []
    presenceLatency = []
    timing = true
    timedFrom = performance.now()
    const presenceIn0 = phones.reduce((n, p) => n + p.presenceIn, 0)
    const rnd = mulberry32(7)
    const editEvery = 1000 / (phones.length * editRate)
    const moveEvery = movers > 0 && presenceHz > 0 ? 1000 / (movers * presenceHz) : Number.POSITIVE_INFINITY
    const start = performance.now()
    let edits = 0
    let moves = 0
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now()
        while (start + edits * editEvery <= now && edits * editEvery < durationMs) {
          moveCard(phones[edits % phones.length]!, rnd)
          edits++
        }
        while (start + moves * moveEvery <= now && moves * moveEvery < durationMs) {
          // Movers are spread over the room (every k-th phone), not the first ones.
          const stride = phones.length / movers
          moveCursor(phones[Math.floor((moves % movers) * stride)]!, rnd)
          moves++
        }
        if (edits * editEvery >= durationMs && moves * moveEvery >= durationMs) return resolve()
        const next = Math.min(start + edits * editEvery, start + moves * moveEvery)
        setTimeout(tick, Math.max(0, next - performance.now()))
      }
      tick()
    })
    const elapsed = performance.now() - start
    const missing = await drain()
    timing = false
    const presenceIn = phones.reduce((n, p) => n + p.presenceIn, 0) - presenceIn0
    const out: {
      latency: Summary
      allPeers: Summary
      presenceToOnePeer: Summary
      edits: number
      moves: number
      missing: number
      presenceFramesInPerSecond: number
      closed: number[]
    } = {
      latency: summarize(samples),
      allPeers: summarize(allPeers),
      presenceToOnePeer: summarize(presenceLatency),
      edits,
      moves,
      missing,
      presenceFramesInPerSecond: presenceIn / (elapsed / 1000),
      closed: closedCodes.splice(0),
    }
    samples = []
    allPeers = []
    presenceLatency = []
    return out
  },

  closeAll: async () => {
    await Promise.all(
      phones.map(async (p) => {
        p.awareness.destroy()
        await p.client.close()
        p.client.doc.destroy()
      }),
    )
    phones.length = 0
    return true
  },
})
