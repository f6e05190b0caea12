import { CloseCodes } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import { PresenceRelay } from './PresenceRelay.ts'
import type { RoomSocket } from './RoomSocket.ts'
import { ManualClock } from './testing/ManualClock.ts'
import { awarenessUpdate, RecordingSocket } from './testing/RecordingSocket.ts'

const LIMITS = { maxStateBytes: 8 * 1024, updatesPerSecond: 10, burst: 2, holderMemoryMs: 60_000 }

function setup(options: { publish?: boolean } = {}) {
  const clock = new ManualClock()
  const refused: Array<{ socket: RoomSocket; code: number; reason: string }> = []
  const published: Uint8Array[] = []
  const relay: PresenceRelay = new PresenceRelay({
    limits: LIMITS,
    maxAwarenessBytes: 64 * 1024,
    clock,
    scheduler: clock,
    ...(options.publish ? { publish: (update: Uint8Array) => published.push(update) } : {}),
    refuse: (socket, code, reason) => {
      refused.push({ socket, code, reason })
      relay.leave(socket)
    },
    close: (socket) => relay.leave(socket),
  })
  const join = (id: string, role: RoomSocket['role'] = 'participant') => {
    const socket = new RecordingSocket(id, role)
    relay.join(socket)
    relay.sendStates(socket)
    return socket
  }
  return { clock, relay, refused, published, join }
}

describe('PresenceRelay', () => {
  it('relays a connection’s own state once per turn to everyone, stamped with its role; others’ entries are dropped', () => {
    const { clock, relay, join } = setup()
    const alice = join('alice')
    const bob = join('bob', 'observer')
    relay.receive(alice, awarenessUpdate([7, 1, { user: { name: 'Alice', role: 'facilitator' } }]))
    relay.receive(
      bob,
      awarenessUpdate([7, 2, { user: { name: 'not Alice' } }], [8, 1, { user: { name: 'Bob' } }]),
    )
    expect(bob.sent).toHaveLength(0) // nothing before the end of the turn
    clock.runTurn()
    expect(alice.sent).toHaveLength(1) // one message for both changes (the sender gets it too: the keep-alive)
    expect(bob.sent).toHaveLength(1)
    const seen = bob.presence()
    expect(seen.get(7)).toMatchObject({ user: { name: 'Alice', role: 'participant' } })
    expect(seen.get(8)).toMatchObject({ user: { name: 'Bob', role: 'observer' } })
    // A newcomer is sent every current state on joining.
    expect(join('carol').presence().get(7)).toMatchObject({ user: { name: 'Alice' } })
  })

  it('over its allowance a state waits, the latest wins, and it arrives when the allowance allows', () => {
    const { clock, relay, join } = setup()
    const alice = join('alice')
    const bob = join('bob')
    for (let i = 1; i <= 5; i++) relay.receive(alice, awarenessUpdate([7, i, { user: { name: `v${i}` } }]))
    clock.runTurn()
    expect(bob.presence().get(7)).toMatchObject({ user: { name: 'v2' } }) // the burst
    clock.advance(1000 / LIMITS.updatesPerSecond)
    clock.runTurn()
    expect(bob.presence().get(7)).toMatchObject({ user: { name: 'v5' } })
    expect(clock.pendingTimers).toBe(0)
  })

  it('closes a connection that floods (4429) or sends a state too large (4413)', () => {
    const { relay, refused, join } = setup()
    const flooder = join('flooder')
    for (let i = 1; i <= 500 && refused.length === 0; i++) {
      relay.receive(flooder, awarenessUpdate([7, i, { user: { name: 'x' } }]))
    }
    expect(refused).toMatchObject([
      { socket: flooder, code: CloseCodes.RATE_LIMITED.code, reason: 'AWARENESS_RATE' },
    ])
    const big = join('big')
    // Many fields: not something trimming long strings or lists makes small.
    const fields = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, 'y'.repeat(30)]))
    relay.receive(big, awarenessUpdate([9, 1, fields]))
    expect(refused[1]).toMatchObject({ socket: big, code: CloseCodes.MESSAGE_TOO_LARGE.code })
  })

  it('removes a leaving connection’s own entry; publishes local changes to other instances, not theirs', () => {
    const { clock, relay, published, join } = setup({ publish: true })
    const alice = join('alice')
    const bob = join('bob')
    relay.receive(alice, awarenessUpdate([7, 1, { user: { name: 'Alice' } }]))
    clock.runTurn()
    expect(published).toHaveLength(1)
    relay.receiveRemote(awarenessUpdate([50, 3, { user: { name: 'Far', role: 'participant' } }]))
    clock.runTurn()
    expect(bob.presence().get(50)).toMatchObject({ user: { name: 'Far' } })
    expect(published).toHaveLength(1) // another instance's presence is not published back
    relay.leave(alice)
    clock.runTurn()
    expect(bob.presence().has(7)).toBe(false)
    expect(published).toHaveLength(2)
    relay.destroy()
  })

  it('[P2] the same tab reconnecting before its old socket is gone takes its id when the old one leaves, with its latest state; a watcher echoing it does not', () => {
    const { clock, relay, join } = setup()
    const old = join('tab (old socket)', 'facilitator')
    const watcher = join('watcher')
    relay.receive(old, awarenessUpdate([7, 3, { user: { name: 'Fenna' } }]))
    relay.receive(watcher, awarenessUpdate([9, 1, { user: { name: 'Wim' } }]))
    clock.runTurn()
    // The tab reconnects: its new socket speaks for id 7 while the old socket still holds it.
    const fresh = join('tab (new socket)', 'facilitator')
    relay.receive(fresh, awarenessUpdate([7, 4, { user: { name: 'Fenna', terug: true } }]))
    // A watcher echoing 7's state (as the stock client does) never waits for it: it speaks for its own id.
    relay.receive(watcher, awarenessUpdate([7, 3, { user: { name: 'Fenna', echo: true } }]))
    clock.runTurn()
    expect(watcher.presence().get(7)).toMatchObject({ user: { name: 'Fenna' } })
    expect(watcher.presence().get(7)?.user).not.toHaveProperty('terug')
    relay.leave(old)
    clock.runTurn()
    // Not removed: replaced by the new socket's state, stamped with its role.
    expect(watcher.presence().get(7)).toMatchObject({
      user: { name: 'Fenna', terug: true, role: 'facilitator' },
    })
    relay.receive(fresh, awarenessUpdate([7, 5, { user: { name: 'Fenna', verder: true } }]))
    clock.runTurn()
    expect(watcher.presence().get(7)).toMatchObject({ user: { verder: true } })
  })

  it('[P2] a connection of another role cannot wait for an id: when its holder leaves, the entry is removed', () => {
    const { clock, relay, join } = setup()
    const facilitator = join('facilitator', 'facilitator')
    const watcher = join('watcher')
    relay.receive(facilitator, awarenessUpdate([7, 1, { user: { name: 'Fenna' } }]))
    const intruder = join('intruder', 'participant')
    relay.receive(intruder, awarenessUpdate([7, 2, { user: { name: 'nep-Fenna' } }]))
    relay.leave(facilitator)
    clock.runTurn()
    expect(watcher.presence().has(7)).toBe(false)
  })
})
