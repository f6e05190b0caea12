import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteBoardStorage } from '../storage/SqliteBoardStorage.ts'
import { mergeUpdates } from './mergeUpdates.ts'
import { RoomManager } from './RoomManager.ts'
import { ManualClock } from './testing/ManualClock.ts'
import { RecordingSocket, syncUpdateMessage } from './testing/RecordingSocket.ts'

const GRACE_MS = 30_000

/**
 * A real (in-memory SQLite) storage whose document reads can be held back or made to fail: the manager's promises
 * are about what happens while a board loads.
 */
function setup() {
  const clock = new ManualClock()
  const storage = new SqliteBoardStorage(':memory:')
  const read = storage.loadDoc.bind(storage)
  const control = { reads: 0, fail: null as Error | null, hold: null as Promise<void> | null }
  storage.loadDoc = async (boardId, after) => {
    control.reads++
    if (control.hold) await control.hold
    if (control.fail) throw control.fail
    return read(boardId, after)
  }
  const events: string[] = []
  let unloaded: () => void = () => {}
  const rooms = new RoomManager({
    storage,
    merge: mergeUpdates,
    unloadGraceMs: GRACE_MS,
    compactAfterUpdates: 1000,
    scheduler: clock,
    events: {
      loaded: (id) => events.push(`loaded ${id}`),
      unloaded: (id) => {
        events.push(`unloaded ${id}`)
        unloaded()
      },
    },
  })
  const nextUnload = () => new Promise<void>((resolve) => (unloaded = resolve))
  cleanups.push(async () => {
    await rooms.closeAll()
    await storage.close()
  })
  return { clock, storage, control, events, rooms, nextUnload }
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A change to a board's document, as a client sends it. */
function anEdit(value: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set('k', value)
  return Y.encodeStateAsUpdate(doc)
}

describe('RoomManager', () => {
  it('opens a board once for concurrent joins, and shares that room', async () => {
    const { control, events, rooms } = setup()
    let release: () => void = () => {}
    control.hold = new Promise((resolve) => (release = resolve))
    const joins = [rooms.acquire('b1'), rooms.acquire('b1'), rooms.acquire('b1')]
    expect(rooms.isInMemory('b1')).toBe(true)
    expect(rooms.loadedRoom('b1')).toBeNull() // still loading
    release()
    const [first, ...others] = await Promise.all(joins)
    for (const room of others) expect(room).toBe(first)
    expect(control.reads).toBe(1)
    expect(events).toEqual(['loaded b1'])
    expect(rooms.loadedRoom('b1')).toBe(first)
  })

  it('closes a room a grace period after its last holder left, storing what it was sent first', async () => {
    const { clock, storage, events, rooms, nextUnload } = setup()
    const room = await rooms.acquire('b1')
    await rooms.acquire('b1')
    const socket = new RecordingSocket('s')
    room.join(socket)
    room.receive(socket, syncUpdateMessage(anEdit('kept')))
    room.leave(socket)
    rooms.release('b1')
    rooms.release('b1')
    clock.advance(GRACE_MS - 1)
    expect(rooms.loadedBoards).toBe(1)
    const unloaded = nextUnload()
    clock.advance(1)
    await unloaded
    expect(events).toEqual(['loaded b1', 'unloaded b1'])
    expect(rooms.loadedBoards).toBe(0)
    const stored = await storage.loadDoc('b1')
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u.data)
    expect(doc.getMap('m').get('k')).toBe('kept')
  })

  it('a holder coming back within the grace period keeps the room', async () => {
    const { clock, rooms } = setup()
    const room = await rooms.acquire('b1')
    rooms.release('b1')
    clock.advance(GRACE_MS / 2)
    expect(await rooms.acquire('b1')).toBe(room)
    clock.advance(GRACE_MS * 2)
    expect(rooms.loadedRoom('b1')).toBe(room)
  })

  it('a board that fails to load is not kept: every waiting join is told, and the next one loads it again', async () => {
    const { control, events, rooms } = setup()
    const error = new Error('storage unreachable')
    control.fail = error
    const joins = [rooms.acquire('b1'), rooms.acquire('b1')]
    for (const join of joins) await expect(join).rejects.toBe(error)
    expect(rooms.isInMemory('b1')).toBe(false)
    expect(events).toEqual([])
    control.fail = null
    const room = await rooms.acquire('b1')
    expect(control.reads).toBe(2)
    expect(rooms.loadedRoom('b1')).toBe(room)
  })

  it('a join while the board unloads waits for it, and gets a new room (never two rooms for one board)', async () => {
    const { clock, rooms, nextUnload } = setup()
    const old = await rooms.acquire('b1')
    rooms.release('b1')
    const unloaded = nextUnload()
    clock.advance(GRACE_MS)
    const next = rooms.acquire('b1') // the unload has started: this waits for it
    await unloaded
    const room = await next
    expect(room).not.toBe(old)
    expect(() => old.join(new RecordingSocket('late'))).toThrow('room destroyed')
    expect(rooms.loadedRoom('b1')).toBe(room)
  })
})
