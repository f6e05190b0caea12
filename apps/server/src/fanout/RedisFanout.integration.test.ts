import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { SeqUpdate } from './BoardFanout.ts'
import { RedisFanout } from './RedisFanout.ts'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const open: RedisFanout[] = []
afterEach(async () => {
  for (const f of open.splice(0)) await f.close()
})

describe('RedisFanout (real Redis)', () => {
  it('carries what one group commit stored as one message, in order, to the other instances only', async () => {
    const prefix = `wt-test-fanout-${randomBytes(6).toString('hex')}`
    const [a, b] = [new RedisFanout({ url: REDIS_URL, prefix }), new RedisFanout({ url: REDIS_URL, prefix })]
    open.push(a!, b!)
    const atA: SeqUpdate[][] = []
    const atB: SeqUpdate[][] = []
    const awarenessAtB: Uint8Array[] = []
    let arrived: () => void = () => {}
    const both = new Promise<void>((resolve) => {
      arrived = resolve
    })
    await a!.subscribe('board-1', { updates: (u) => atA.push(u), awareness: () => {} })
    await b!.subscribe('board-1', {
      updates: (u) => atB.push(u),
      awareness: (u) => {
        awarenessAtB.push(u)
        arrived() // published after the updates, on the same connection: everything is in once this is
      },
    })
    const batch = [
      { seq: 7, update: Uint8Array.of(1, 2, 3) },
      { seq: 8, update: new Uint8Array(70_000).fill(9) },
      { seq: 9, update: Uint8Array.of(4) },
    ]
    a!.publishUpdates('board-1', batch)
    a!.publishUpdates('board-1', []) // nothing stored, nothing sent
    a!.publishAwareness('board-1', Uint8Array.of(5, 5))
    await both
    expect(atB).toEqual([batch])
    expect(awarenessAtB).toEqual([Uint8Array.of(5, 5)])
    expect(atA).toEqual([]) // never back to the instance that published it
  })
})
