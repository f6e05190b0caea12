import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { connectClient, createBoard, type TestClient, tokenOf } from './harness.ts'
import { type Instance, isolation, startInstance } from './multiHarness.ts'

// Presence across instances (PostgreSQL + Redis): the role is stamped by the instance that holds the socket, and a
// connection on another instance cannot take over or remove an entry that lives elsewhere ([P5] in apps/server/SPEC.md).
const instances: Instance[] = []
const clients: TestClient[] = []
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const i of instances.splice(0)) await i.close()
  for (const c of cleanups.splice(0)) await c()
})

type State = { user?: { name?: string; role?: string; [key: string]: unknown } } | undefined

function presenceFrame(...entries: Array<[number, number, unknown]>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const [client, clock, state] of entries) {
    encoding.writeVarUint(update, client)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update))
  return encoding.toUint8Array(e)
}

function whenPresence(
  client: TestClient,
  id: number,
  check: (s: State) => boolean,
  timeout = 5000,
): Promise<State> {
  const awareness = client.provider.awareness
  return new Promise((resolve, reject) => {
    const state = () => awareness.getStates().get(id) as State
    const onChange = () => {
      if (!check(state())) return
      clearTimeout(timer)
      awareness.off('change', onChange)
      resolve(state())
    }
    const timer = setTimeout(() => {
      awareness.off('change', onChange)
      reject(new Error(`presence of ${id} not as expected within ${timeout} ms: ${JSON.stringify(state())}`))
    }, timeout)
    awareness.on('change', onChange)
    onChange()
  })
}

describe('presence across instances', () => {
  it('[P5] the role is stamped where the socket is; a connection on another instance cannot take or remove that entry', async () => {
    const iso = isolation()
    cleanups.push(iso.cleanup)
    const a = await startInstance(iso)
    const b = await startInstance(iso)
    instances.push(a, b)
    const board = await createBoard(a.url, 'presence over twee instanties')
    const facilitator = connectClient(a.wsUrl, board, 'facilitator')
    const watcherA = connectClient(a.wsUrl, board, 'participant')
    const watcherB = connectClient(b.wsUrl, board, 'observer')
    const attacker = connectClient(b.wsUrl, board, 'participant')
    clients.push(facilitator, watcherA, watcherB, attacker)
    await Promise.all(clients.map((c) => c.synced()))
    const victim = facilitator.doc.clientID
    facilitator.provider.awareness.setLocalStateField('user', {
      name: 'Procesbegeleider',
      role: 'participant',
    })
    for (const c of [watcherA, watcherB, attacker]) {
      const seen = await whenPresence(c, victim, (s) => s?.user?.name === 'Procesbegeleider')
      expect(seen?.user?.role).toBe('facilitator') // the token's role, not what the client wrote
    }

    const forge = (frame: Uint8Array) => (attacker.provider.ws as unknown as WebSocket).send(frame)
    forge(presenceFrame([victim, 1000, { user: { name: 'STOP, vergadering afgelast' } }]))
    forge(presenceFrame([victim, 1001, null]))
    const ownClock = attacker.provider.awareness.meta.get(attacker.doc.clientID)!.clock + 1
    forge(
      presenceFrame([
        attacker.doc.clientID,
        ownClock,
        { user: { name: 'mallory, klaar', role: 'facilitator' } },
      ]),
    )
    // Once the attacker's own entry is through on both instances, what it sent before was handled.
    for (const c of [watcherA, watcherB]) {
      const own = await whenPresence(c, attacker.doc.clientID, (s) => s?.user?.name === 'mallory, klaar')
      expect(own?.user?.role).toBe('participant')
      expect(c.provider.awareness.getStates().get(victim)).toMatchObject({
        user: { name: 'Procesbegeleider' },
      })
    }
  })

  it('[P5] a facilitator id freed on one instance cannot be taken by a participant on another; the facilitator comes back', async () => {
    const iso = isolation()
    cleanups.push(iso.cleanup)
    const a = await startInstance(iso)
    const b = await startInstance(iso)
    instances.push(a, b)
    const board = await createBoard(a.url, 'presence kraken over twee instanties')
    const facilitator = connectClient(a.wsUrl, board, 'facilitator')
    const watcherB = connectClient(b.wsUrl, board, 'observer')
    clients.push(facilitator, watcherB)
    await Promise.all(clients.map((c) => c.synced()))
    const victim = facilitator.doc.clientID
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Procesbegeleider' })
    await whenPresence(watcherB, victim, (s) => s?.user?.name === 'Procesbegeleider')
    facilitator.provider.disconnect()
    await whenPresence(watcherB, victim, (s) => s === undefined)

    // A raw participant socket on the other instance announces the freed id first, with a huge clock, then its own.
    const raw = new WebSocket(`${b.wsUrl}/sync/${board.id}?token=${tokenOf(board.links.participant)}`)
    cleanups.push(async () => raw.close())
    await new Promise((resolve, reject) => {
      raw.on('open', resolve)
      raw.on('error', reject)
    })
    raw.send(presenceFrame([victim, 1_000_000, { user: { name: 'Procesbegeleider' }, msg: 'STOP' }]))
    raw.send(presenceFrame([616161, 1, { user: { name: 'mallory' } }]))
    await whenPresence(watcherB, 616161, (s) => s?.user?.name === 'mallory')
    expect(watcherB.provider.awareness.getStates().has(victim)).toBe(false)

    facilitator.provider.connect()
    await facilitator.synced()
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Procesbegeleider', terug: true })
    const back = await whenPresence(watcherB, victim, (s) => s?.user?.terug === true)
    expect(back?.user?.role).toBe('facilitator')
  })
})
