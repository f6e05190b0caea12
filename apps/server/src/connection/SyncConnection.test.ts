import {
  CloseCodes,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncUpdate,
  readFrame,
  type TokenPayload,
} from '@waardentafel/protocol'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AppError } from '../errors.ts'
import { SHARED_FRAME_MAX_BYTES } from '../http/sharedFrame.ts'
import {
  FIRST_MESSAGE_WAIT_MS,
  FLOOD_BACKLOG_MS,
  MAX_EARLY_FRAMES,
  MAX_NEW_AWARENESS_CLIENTS,
} from './connectionLimits.ts'
import { SyncConnection } from './SyncConnection.ts'
import { TurnCounter } from './scheduler.ts'
import { FakeRooms } from './testing/FakeRoom.ts'
import { FakeSyncSocket } from './testing/FakeSyncSocket.ts'
import { ManualScheduler } from './testing/ManualScheduler.ts'

const LIMITS = { maxMessageBytes: 1024, maxMessagesPerSecond: 10, maxBytesPerSecond: 100_000 }

/** Lets promise callbacks run (the connection awaits the link check and the room); no time passes. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

function setup(options: { inMemory?: boolean; expiresInSeconds?: number } = {}) {
  const scheduler = new ManualScheduler()
  const socket = new FakeSyncSocket()
  const rooms = new FakeRooms()
  rooms.inMemory = options.inMemory ?? true
  const notes: string[] = []
  let violations = 0
  const iat = Math.floor(scheduler.wallNow() / 1000)
  const payload: TokenPayload = {
    v: 1,
    b: 'board-1234',
    r: 'participant',
    iat,
    exp: iat + (options.expiresInSeconds ?? 3600),
    g: 0,
  }
  let answer: { resolve: (p: { payload: TokenPayload }) => void; reject: (e: unknown) => void } | null = null
  const connection = new SyncConnection({
    socket,
    boardId: 'board-1234',
    token: 'a-token',
    authorize: () => new Promise((resolve, reject) => (answer = { resolve, reject })),
    rooms,
    limits: LIMITS,
    refusals: {
      report: (_error, _address, where) => notes.push(`report ${where}`),
      note: (level, kind) => notes.push(`${level} ${kind}`),
    },
    log: { debug: () => {} },
    address: '192.0.2.1',
    violation: () => violations++,
    scheduler,
    turns: new TurnCounter(scheduler),
    socketId: 's1',
  })
  const started = connection.start()
  return {
    connection,
    scheduler,
    socket,
    rooms,
    notes,
    violations: () => violations,
    started,
    /** Lets the link check succeed (or fail with `error`). */
    authorize: async (error?: unknown) => {
      if (error) answer!.reject(error)
      else answer!.resolve({ payload })
      await settle()
    },
  }
}

const emptyStep1 = () => encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))
const someUpdate = () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', 'v')
  return Y.encodeStateAsUpdate(doc)
}
const presence = (...clients: number[]) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, clients.length)
  for (const client of clients) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, JSON.stringify({ user: { name: `c${client}` } }))
  }
  return encodeAwareness(encoding.toUint8Array(e))
}

describe('SyncConnection', () => {
  it('[T1] sends nothing before the link is checked, then joins the room and hands it what came meanwhile, in order', async () => {
    const t = setup()
    const frames = [emptyStep1(), presence(7), encodeSyncUpdate(someUpdate())]
    for (const f of frames) t.connection.receive(f, true)
    expect(t.connection.state).toBe('authenticating')
    expect(t.socket.sent).toEqual([])
    await t.authorize()
    expect(t.connection.state).toBe('syncing')
    t.rooms.load()
    await t.started
    expect(t.connection.state).toBe('live')
    expect(t.rooms.room.members.size).toBe(1)
    // Presence is held until the connection's read is handled (one turn), the rest goes at once.
    expect(t.rooms.room.received).toEqual([frames[0], frames[2]])
    t.scheduler.runTurn()
    expect(t.rooms.room.received).toEqual([frames[0], frames[2], frames[1]])
  })

  it('[T1] a refused link closes with its code; only a forged token counts against the address', async () => {
    const expired = setup()
    await expired.authorize(new AppError('TOKEN_EXPIRED', 'token expired'))
    expect(expired.socket.closed).toEqual({ code: CloseCodes.TOKEN_EXPIRED.code, reason: 'TOKEN_EXPIRED' })
    expect(expired.violations()).toBe(0)
    expect(expired.rooms.acquired).toBe(0)

    const forged = setup()
    await forged.authorize(new AppError('TOKEN_INVALID', 'bad signature'))
    expect(forged.socket.closed).toEqual({ code: CloseCodes.UNAUTHORIZED.code, reason: 'TOKEN_INVALID' })
    expect(forged.violations()).toBe(1)
    expect(forged.notes).toEqual(['info TOKEN_INVALID'])
  })

  it('[S11] a first visit to a board not in memory is answered from storage before the room is built', async () => {
    const t = setup({ inMemory: false })
    const stored = someUpdate()
    t.rooms.stored = { snapshot: stored, updates: [], lastSeq: 4 }
    await t.authorize()
    // It waits a moment for the client's sync step 1 before building the room.
    expect(t.rooms.acquired).toBe(0)
    const step1 = emptyStep1()
    t.connection.receive(step1, true)
    await settle()
    expect(t.socket.sent).toHaveLength(1)
    expect(readFrame(t.socket.sent[0]!)).toEqual({
      ok: true,
      value: { type: 'sync', subtype: 'step2', update: stored },
    })
    expect(t.rooms.acquired).toBe(1)
    // The room holds more than was read: it sends only that, and never sees the step 1 that was answered.
    t.rooms.room.position = 5
    const more = new Y.Doc()
    Y.applyUpdate(more, stored)
    more.getMap('m').set('k2', 'v2')
    t.rooms.room.update = Y.encodeStateAsUpdate(more, Y.encodeStateVectorFromUpdate(stored))
    t.rooms.load()
    await t.started
    expect(readFrame(t.socket.sent[1]!)).toEqual({
      ok: true,
      value: { type: 'sync', subtype: 'update', update: t.rooms.room.update },
    })
    expect(t.rooms.room.received).toEqual([])
  })

  it('[S11] without a first frame the room is built after FIRST_MESSAGE_WAIT_MS; a later step 1 goes to the room', async () => {
    const t = setup({ inMemory: false })
    await t.authorize()
    t.scheduler.advance(FIRST_MESSAGE_WAIT_MS - 1)
    await settle()
    expect(t.rooms.acquired).toBe(0)
    t.scheduler.advance(1)
    await settle()
    expect(t.rooms.acquired).toBe(1)
    t.rooms.load()
    await t.started
    const step1 = encodeSyncStep1(Uint8Array.from([1, 7, 3])) // not a first visit: the room answers
    t.connection.receive(step1, true)
    expect(t.socket.sent).toEqual([])
    expect(t.rooms.room.received).toEqual([step1])
  })

  it('[S6] [S13] a frame that breaks the protocol closes the connection at once, counted once, and what follows is not read', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    t.connection.receive(Uint8Array.from([0, 2, 5, 1, 2]), true)
    expect(t.socket.closed).toEqual({ code: CloseCodes.BAD_MESSAGE.code, reason: 'BAD_LENGTH' })
    expect(t.connection.state).toBe('closing')
    expect(t.rooms.room.left).toHaveLength(1)
    t.socket.readyState = 'open' // frames ws had read already
    t.connection.receive(new Uint8Array(2000), true)
    t.connection.receive(Uint8Array.from([1]), false)
    expect(t.violations()).toBe(1)
    expect(t.rooms.room.received).toEqual([])
  })

  it('[S6] [S7] [S13] a text frame, a frame over the size limit and an early flood each have their code', async () => {
    const text = setup()
    text.connection.receive(Uint8Array.from([0]), false)
    expect(text.socket.closed).toEqual({ code: CloseCodes.BAD_MESSAGE.code, reason: 'TEXT_FRAME' })

    const large = setup()
    large.connection.receive(new Uint8Array(LIMITS.maxMessageBytes + 1), true)
    expect(large.socket.closed).toEqual({ code: CloseCodes.MESSAGE_TOO_LARGE.code, reason: 'TOO_LARGE' })

    const early = setup()
    for (let i = 0; i <= MAX_EARLY_FRAMES; i++) {
      early.scheduler.advance(1000) // within the rate limit: only the count of frames kept matters
      early.connection.receive(presence(1), true)
    }
    expect(early.socket.closed).toEqual({ code: CloseCodes.RATE_LIMITED.code, reason: 'RATE_LIMITED' })
  })

  it('[S8] a sender ahead of its allowance is paused until it is back within it; far ahead is a flood', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    for (let i = 0; i < LIMITS.maxMessagesPerSecond + 1; i++)
      t.connection.receive(encodeSyncStep1(Uint8Array.from([0])), true)
    expect(t.socket.events.filter((e) => e === 'pause')).toHaveLength(1)
    t.scheduler.advance(100)
    expect(t.socket.events.at(-1)).toBe('resume')
    const messagesForFlood = (FLOOD_BACKLOG_MS / 1000) * LIMITS.maxMessagesPerSecond + 1
    for (let i = 0; i < messagesForFlood && !t.socket.closed; i++)
      t.connection.receive(encodeSyncStep1(Uint8Array.from([0])), true)
    expect(t.socket.closed).toEqual({ code: CloseCodes.RATE_LIMITED.code, reason: 'RATE_LIMITED' })
  })

  it('[S12] inventing presence client ids beyond MAX_NEW_AWARENESS_CLIENTS is a flood; echoes of known ids are not', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    for (let client = 100; client < 110; client++) t.rooms.room.awareness.meta.set(client, {})
    t.connection.receive(presence(100, 101, 102, 103, 104, 105, 106, 107, 108, 109), true)
    const invented = Array.from({ length: MAX_NEW_AWARENESS_CLIENTS }, (_, i) => i + 1)
    t.connection.receive(presence(...invented), true)
    expect(t.socket.closed).toBeNull()
    t.connection.receive(presence(MAX_NEW_AWARENESS_CLIENTS + 1), true)
    expect(t.socket.closed).toEqual({ code: CloseCodes.RATE_LIMITED.code, reason: 'AWARENESS_FLOOD' })
    // What was held in the same read is never relayed: the connection broke the protocol.
    t.scheduler.runTurn()
    expect(t.rooms.room.received).toEqual([])
  })

  it('[N8] the link expires on the wall clock: closed with 4410 at exp', async () => {
    const t = setup({ expiresInSeconds: 60 })
    await t.authorize()
    t.rooms.load()
    await t.started
    t.scheduler.advance(59_999)
    expect(t.socket.closed).toBeNull()
    t.scheduler.advance(1)
    expect(t.socket.closed).toEqual({ code: CloseCodes.TOKEN_EXPIRED.code, reason: 'TOKEN_EXPIRED' })
    expect(t.rooms.room.left).toHaveLength(1)
    expect(t.violations()).toBe(0)
  })

  it('a lone message is written at once; more in the same turn leave in one corked write', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    const socket = [...t.rooms.room.members][0]!
    socket.send(Uint8Array.from([0, 2, 2, 0, 0]))
    t.scheduler.runTurn()
    expect(t.socket.events).toEqual(['send'])
    socket.send(Uint8Array.from([0, 2, 2, 0, 0]))
    socket.send(Uint8Array.from([0, 2, 2, 0, 0]))
    socket.send(Uint8Array.from([0, 2, 2, 0, 0]))
    expect(t.socket.events).toEqual(['send', 'send', 'cork', 'send', 'send'])
    t.scheduler.runTurn()
    expect(t.socket.events.at(-1)).toBe('uncork')
    expect(t.socket.sent).toHaveLength(4)
  })

  it('a close by the room for a broken rule counts against the address; a full board does not', async () => {
    for (const [code, reason, counted] of [
      [CloseCodes.BAD_MESSAGE.code, 'BAD_MESSAGE', 1],
      [CloseCodes.MESSAGE_TOO_LARGE.code, 'BOARD_FULL', 0],
    ] as const) {
      const t = setup()
      await t.authorize()
      t.rooms.load()
      await t.started
      const socket = [...t.rooms.room.members][0]!
      socket.close(code, reason)
      expect(t.socket.closed).toEqual({ code, reason })
      expect(t.violations()).toBe(counted)
    }
  })

  it('a message too large to share a frame goes through the WebSocket library framing', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    const large = encodeSyncUpdate(new Uint8Array(SHARED_FRAME_MAX_BYTES + 1).fill(1))
    const socket = [...t.rooms.room.members][0]!
    socket.send(large)
    expect(t.socket.sent).toEqual([large])
    expect(t.socket.sent[0]).toBe(large) // handed over as it is, not copied into a frame
  })

  it('when the socket closes it leaves the room, lets go of the board and stops its timers', async () => {
    const t = setup()
    await t.authorize()
    t.rooms.load()
    await t.started
    t.connection.socketClosed()
    expect(t.connection.state).toBe('closed')
    expect(t.rooms.room.members.size).toBe(0)
    expect(t.rooms.released).toBe(1)
    expect(t.scheduler.pendingTimers).toBe(0)
  })

  it('a socket closed while the board loads never joins it, and still lets go of it', async () => {
    const t = setup()
    await t.authorize()
    t.connection.socketClosed()
    t.rooms.load()
    await t.started
    expect(t.rooms.room.members.size).toBe(0)
    expect(t.rooms.released).toBe(1)
  })
})
