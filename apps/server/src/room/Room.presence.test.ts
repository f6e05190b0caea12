import { describe, expect, it } from 'vitest'
import { Room, type RoomOptions } from './Room.ts'
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

    // Leaving removes its own entry only; the id is then free for whoever announces it with a newer clock.
    room.leave(participant)
    expect([...room.awareness.getStates().keys()]).toEqual([1])
    const again = new RecordingSocket('again')
    room.join(again)
    room.receive(again, presenceMessage([2, 2, { user: { name: 'late echo' } }])) // not newer: not taken
    room.receive(again, presenceMessage([2, 3, { user: { name: 'terug' } }]))
    await turn()
    expect(watcher.presence().get(2)).toEqual({ user: { name: 'terug', role: 'participant' } })
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
})
