import { MessageType } from '@waardentafel/protocol'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { Room, type RoomOptions } from './Room.ts'
import { readAwarenessEntries } from './stampPresence.ts'
import { awarenessUpdate, presenceMessage, RecordingSocket } from './testing/RecordingSocket.ts'

// Presence across the trust boundary in the pure room core: who may speak for which client id, the role others see,
// and the size and rate bounds (apps/server/SPEC.md [P1]–[P5]).

function newRoom(options: Partial<RoomOptions> = {}): Room {
  return new Room({
    boardId: 'b',
    stored: { snapshot: null, updates: [], lastSeq: 0 },
    persist: async (updates) => updates.map((_, i) => i + 1),
    onFailure: () => {},
    ...options,
  })
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('Room presence', () => {
  it('[P1] others see the role of the connection’s token, whatever the client wrote', async () => {
    const room = newRoom()
    const [observer, watcher] = [new RecordingSocket('o', 'observer'), new RecordingSocket('w')]
    room.join(observer)
    room.join(watcher)
    room.receive(
      observer,
      presenceMessage([7, 1, { user: { name: 'Wethouder', role: 'facilitator' }, x: 1 }]),
    )
    room.receive(observer, presenceMessage([7, 2, { name: 'no user object' }]))
    await turn()
    expect(watcher.presence().get(7)).toEqual({ name: 'no user object', user: { role: 'observer' } })
    room.destroy()
  })

  it('[P2] a connection speaks only for its own id: others’ updates and removals are dropped, not relayed', async () => {
    const refused: string[] = []
    const room = newRoom({ onRefused: (_s, reason) => refused.push(reason) })
    const [facilitator, participant, watcher] = [
      new RecordingSocket('f', 'facilitator'),
      new RecordingSocket('p'),
      new RecordingSocket('w'),
    ]
    for (const s of [facilitator, participant, watcher]) room.join(s)
    room.receive(facilitator, presenceMessage([1, 1, { user: { name: 'Procesbegeleider' } }]))
    // Its first message names the facilitator's id: not claimable (held), so nothing of it counts.
    room.receive(participant, presenceMessage([1, 50, { user: { name: 'STOP' } }]))
    room.receive(participant, presenceMessage([2, 1, { user: { name: 'deelnemer' } }]))
    room.receive(participant, presenceMessage([1, 51, { user: { name: 'STOP, vergadering afgelast' } }]))
    room.receive(participant, presenceMessage([1, 52, null], [2, 2, { user: { name: 'deelnemer 2' } }]))
    await turn()
    expect(watcher.presence().get(1)).toEqual({ user: { name: 'Procesbegeleider', role: 'facilitator' } })
    expect(watcher.presence().get(2)).toEqual({ user: { name: 'deelnemer 2', role: 'participant' } })
    expect(room.awareness.meta.get(1)?.clock).toBe(1)
    expect(participant.closed).toBeNull()
    expect(refused).toEqual([])

    // Leaving removes its own entry only. A connection that was there before may have been sent the entry's last
    // state: from it only a clock newer than the room's takes the freed id (never a late echo).
    const again = new RecordingSocket('again')
    room.join(again)
    room.leave(participant)
    expect([...room.awareness.getStates().keys()]).toEqual([1])
    room.receive(again, presenceMessage([2, 2, { user: { name: 'deelnemer 2', role: 'participant' } }]))
    await turn()
    expect(watcher.presence().has(2)).toBe(false)
    room.receive(again, presenceMessage([2, 3, { user: { name: 'terug' } }]))
    await turn()
    expect(watcher.presence().get(2)).toEqual({ user: { name: 'terug', role: 'participant' } })
    expect(room.awareness.meta.get(2)?.clock).toBe(3)
    room.destroy()
  })

  it('[P2] the same tab back before its old socket left, with its next change at the relay’s own clock, is shown; an echo is not', async () => {
    const room = newRoom()
    const [tab, watcher] = [new RecordingSocket('tab', 'facilitator'), new RecordingSocket('w')]
    for (const s of [tab, watcher]) room.join(s)
    // The room counts on from the first clock it relayed (1 for a first clock of 0): one ahead of the tab's.
    room.receive(tab, presenceMessage([7, 0, {}]))
    room.receive(tab, presenceMessage([7, 1, { user: { name: 'Fenna' } }]))
    await turn()
    expect(room.awareness.meta.get(7)?.clock).toBe(2)
    // The tab reconnects: its new socket joins, then the old one leaves, then the new one's first message comes.
    const again = new RecordingSocket('again', 'facilitator')
    room.join(again)
    room.leave(tab)
    await turn()
    expect(watcher.presence().has(7)).toBe(false)
    // A late echo of the last relayed state, at its clock: not the tab.
    room.receive(again, presenceMessage([7, 2, { user: { name: 'Fenna', role: 'facilitator' } }]))
    await turn()
    expect(watcher.presence().has(7)).toBe(false)
    // The tab's own next change, whose clock (2) equals the relay's: shown.
    room.receive(again, presenceMessage([7, 2, { user: { name: 'Fenna', terug: true } }]))
    await turn()
    expect(watcher.presence().get(7)).toEqual({ user: { name: 'Fenna', terug: true, role: 'facilitator' } })
    room.destroy()
  })

  it('[P2] a remote instance’s entry never overrides a local connection’s, and a remote id cannot be taken here', async () => {
    const room = newRoom()
    const [local, watcher, other] = [
      new RecordingSocket('l', 'facilitator'),
      new RecordingSocket('w'),
      new RecordingSocket('o'),
    ]
    for (const s of [local, watcher, other]) room.join(s)
    room.receive(local, presenceMessage([1, 1, { user: { name: 'hier' } }]))
    room.receiveRemoteAwareness(
      awarenessUpdate([1, 9, { user: { name: 'overschreven', role: 'participant' } }]),
    )
    room.receiveRemoteAwareness(awarenessUpdate([1, 10, null]))
    room.receiveRemoteAwareness(awarenessUpdate([3, 1, { user: { name: 'elders', role: 'participant' } }]))
    room.receive(other, presenceMessage([3, 5, { user: { name: 'gekaapt' } }]))
    await turn()
    expect(watcher.presence().get(1)).toEqual({ user: { name: 'hier', role: 'facilitator' } })
    expect(watcher.presence().get(3)).toEqual({ user: { name: 'elders', role: 'participant' } })
    room.destroy()
  })

  it('[P3] strings are cut, an oversized state first loses selection and scribbles, then is refused with 4413', async () => {
    const room = newRoom({ limits: { presence: { maxStateBytes: 2048 } } })
    const [a, b, watcher] = [new RecordingSocket('a'), new RecordingSocket('b'), new RecordingSocket('w')]
    for (const s of [a, b, watcher]) room.join(s)
    const selectedShapeIds = Array.from({ length: 200 }, (_, i) => `shape:${String(i).padStart(20, '0')}`)
    const scribbles = [{ points: Array.from({ length: 120 }, (_, i) => ({ x: i, y: i, z: 0.5 })) }]
    room.receive(
      a,
      presenceMessage([1, 1, { user: { name: 'n'.repeat(5000) }, presence: { selectedShapeIds } }]),
    )
    room.receive(
      b,
      presenceMessage([2, 1, { presence: { selectedShapeIds: [], scribbles }, pad: 'x'.repeat(150) }]),
    )
    await turn()
    const seenA = watcher.presence().get(1) as {
      user: { name: string }
      presence: { selectedShapeIds: string[] }
    }
    expect(seenA.user.name).toHaveLength(200)
    expect(seenA.presence.selectedShapeIds.length).toBeGreaterThan(10)
    expect(seenA.presence.selectedShapeIds).toEqual(
      selectedShapeIds.slice(0, seenA.presence.selectedShapeIds.length),
    )
    expect(JSON.stringify(seenA).length).toBeLessThanOrEqual(2048)
    expect(watcher.presence().get(2)).toMatchObject({ presence: { scribbles: [] } })

    const big: Record<string, string> = {}
    for (let i = 0; i < 100; i++) big[`f${i}`] = 'y'.repeat(30)
    const c = new RecordingSocket('c')
    room.join(c)
    room.receive(c, presenceMessage([3, 1, big]))
    expect(c.closed).toEqual({ code: 4413, reason: 'AWARENESS_TOO_LARGE' })
    await turn()
    expect(watcher.presence().has(3)).toBe(false)
    room.destroy()
  })

  it('[P4] over its allowance a connection’s presence is coalesced and the latest state arrives; a flood is closed with 4429', async () => {
    const room = newRoom({ limits: { presence: { updatesPerSecond: 100, burst: 3 } } })
    const [mover, watcher] = [new RecordingSocket('m'), new RecordingSocket('w')]
    room.join(mover)
    room.join(watcher)
    const before = watcher.sent.length
    for (let clock = 1; clock <= 20; clock++) room.receive(mover, presenceMessage([5, clock, { x: clock }]))
    await watcher.until(() => watcher.presence().get(5)?.x === 20)
    // Three in the first turn (one message), then the latest of the rest: far fewer than 20 relays.
    expect(watcher.sent.length - before).toBeLessThanOrEqual(3)
    expect(mover.closed).toBeNull()

    const flooder = new RecordingSocket('f')
    room.join(flooder)
    // The flood bound: five times the allowance, for about four seconds (2,000 messages here).
    for (let clock = 1; clock <= 3000 && !flooder.closed; clock++) {
      room.receive(flooder, presenceMessage([6, clock, { x: clock }]))
    }
    expect(flooder.closed).toEqual({ code: 4429, reason: 'AWARENESS_RATE' })
    // Echoes of others' entries are not counted: the stock client sends one for every change it receives.
    const echoer = new RecordingSocket('e')
    room.join(echoer)
    room.receive(echoer, presenceMessage([8, 1, { x: 0 }]))
    for (let i = 0; i < 3000; i++) room.receive(echoer, presenceMessage([5, 20, { x: 20 }]))
    expect(echoer.closed).toBeNull()
    room.destroy()
  })

  it('[P2] a freed id is remembered with its holder’s role: only the same role (and link generation) takes it', async () => {
    const room = newRoom({ limits: { presence: { holderMemoryMs: 60_000 } } })
    const facilitator = new RecordingSocket('f', 'facilitator', 2)
    const watcher = new RecordingSocket('w')
    room.join(facilitator)
    room.join(watcher)
    room.receive(facilitator, presenceMessage([1, 5, { user: { name: 'Procesbegeleider' } }]))
    room.leave(facilitator)
    await turn()
    expect(watcher.presence().has(1)).toBe(false)

    // Newcomers of another role, or of the facilitator role with a revoked (older) link, cannot take it.
    const squatters = [
      new RecordingSocket('p'),
      new RecordingSocket('o', 'observer'),
      new RecordingSocket('old', 'facilitator', 1),
    ]
    for (const s of squatters) {
      room.join(s)
      room.receive(s, presenceMessage([1, 1_000_000, { user: { name: 'Procesbegeleider' }, msg: 'STOP' }]))
    }
    await turn()
    expect(watcher.presence().has(1)).toBe(false)
    expect(room.awareness.meta.get(1)?.clock).toBe(5) // the facilitator's, removed at the same clock

    // The facilitator's tab, reconnected after it left (same id, its old clock): shown at once.
    const back = new RecordingSocket('f2', 'facilitator', 2)
    room.join(back)
    room.receive(back, presenceMessage([1, 5, { user: { name: 'Procesbegeleider', terug: true } }]))
    await turn()
    expect(watcher.presence().get(1)).toEqual({
      user: { name: 'Procesbegeleider', terug: true, role: 'facilitator' },
    })
    expect(room.awareness.meta.get(1)?.clock).toBe(6)
    room.destroy()
  })

  it('[P2] the room relays its own clocks: a forged jump is not relayed, a returning owner’s low clock is, and the owner is not sent its own entry ahead of it', async () => {
    const room = newRoom()
    const [owner, watcher, squatter] = [
      new RecordingSocket('a'),
      new RecordingSocket('w'),
      new RecordingSocket('s'),
    ]
    room.join(owner)
    room.join(watcher)
    room.receive(owner, presenceMessage([1, 3, { user: { name: 'Anna' } }]))
    room.leave(owner)
    room.join(squatter)
    room.receive(squatter, presenceMessage([1, 1_000_000, { user: { name: 'nep-Anna' } }]))
    await turn()
    expect(watcher.presence().get(1)).toEqual({ user: { name: 'nep-Anna', role: 'participant' } })
    room.leave(squatter)
    await turn()

    // The forged clock was not relayed: the room counted on from the owner's 3.
    expect(room.awareness.meta.get(1)?.clock).toBe(4)
    // The owner comes back with its own clock 3, then 4: relayed as 5 and 6.
    const again = new RecordingSocket('a2')
    room.join(again)
    const before = again.sent.length
    room.receive(again, presenceMessage([1, 3, { user: { name: 'Anna' } }]))
    await turn()
    room.receive(again, presenceMessage([1, 4, { user: { name: 'Anna', x: 1 } }]))
    await turn()
    expect(watcher.presence().get(1)).toEqual({ user: { name: 'Anna', x: 1, role: 'participant' } })
    expect(room.awareness.meta.get(1)?.clock).toBe(6)
    // The owner still hears from the room (the keep-alive), but never its own entry at a clock ahead of its own:
    // the stock client would take that as its local state.
    const sentSince = again.sent.slice(before)
    expect(sentSince.length).toBeGreaterThan(0)
    expect(sentSince.flatMap(awarenessClients)).not.toContain(1)

    // A clock near 2^53 is relayed as the room's next; an id seen for the first time keeps its clock, up to 2^32.
    room.receive(again, presenceMessage([1, Number.MAX_SAFE_INTEGER - 1, { user: { name: 'Anna', x: 2 } }]))
    const fresh = new RecordingSocket('fresh')
    room.join(fresh)
    room.receive(fresh, presenceMessage([9, Number.MAX_SAFE_INTEGER - 1, { user: { name: 'nieuw' } }]))
    await turn()
    expect(watcher.presence().get(1)?.user).toEqual({ name: 'Anna', x: 2, role: 'participant' })
    expect(room.awareness.meta.get(1)?.clock).toBe(7)
    expect(room.awareness.meta.get(9)?.clock).toBe(2 ** 32)
    room.destroy()
  })

  it('[P5] the role stamped on another instance is remembered: a local connection of another role cannot take that id once freed', async () => {
    const room = newRoom()
    const [participant, watcher] = [new RecordingSocket('p'), new RecordingSocket('w')]
    room.join(participant)
    room.join(watcher)
    room.receiveRemoteAwareness(awarenessUpdate([4, 7, { user: { name: 'elders', role: 'facilitator' } }]))
    room.receiveRemoteAwareness(awarenessUpdate([4, 8, null]))
    room.receive(participant, presenceMessage([4, 9_999, { user: { name: 'elders' } }]))
    await turn()
    expect(watcher.presence().has(4)).toBe(false)
    const facilitator = new RecordingSocket('f', 'facilitator')
    room.join(facilitator)
    room.receive(facilitator, presenceMessage([4, 2, { user: { name: 'elders' } }]))
    await turn()
    expect(watcher.presence().get(4)).toEqual({ user: { name: 'elders', role: 'facilitator' } })
    expect(room.awareness.meta.get(4)?.clock).toBe(9)
    room.destroy()
  })
})

/** The client ids of the entries in an awareness message (none for other messages). */
function awarenessClients(message: Uint8Array): number[] {
  const d = decoding.createDecoder(message)
  if (decoding.readVarUint(d) !== MessageType.awareness) return []
  return readAwarenessEntries(decoding.readVarUint8Array(d)).map((e) => e.client)
}
