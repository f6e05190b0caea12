import { describe, expect, it } from 'vitest'
import { CommitQueue, GROUP_COMMIT_QUIET_MS } from './CommitQueue.ts'
import { ManualClock } from './testing/ManualClock.ts'

type P = { update: Uint8Array; name: string }
const p = (name: string): P => ({ update: new TextEncoder().encode(name), name })

/** Storage whose writes finish when the test says so; `written()` resolves at the next write it is asked for. */
class HeldStorage {
  readonly writes: Array<{
    names: string[]
    resolve: (seqs: number[]) => void
    reject: (e: unknown) => void
  }> = []
  #seq = 0
  #waiting: Array<() => void> = []
  persist = (updates: Uint8Array[]): Promise<number[]> =>
    new Promise((resolve, reject) => {
      this.writes.push({ names: updates.map((u) => new TextDecoder().decode(u)), resolve, reject })
      for (const wake of this.#waiting.splice(0)) wake()
    })
  written(count: number): Promise<void> {
    if (this.writes.length >= count) return Promise.resolve()
    return new Promise((resolve) => this.#waiting.push(() => void this.written(count).then(resolve)))
  }
  finish(index: number): void {
    const write = this.writes[index]!
    write.resolve(write.names.map(() => ++this.#seq))
  }
}

function setup() {
  const clock = new ManualClock()
  const storage = new HeldStorage()
  const applied: Array<{ names: string[]; seqs: number[] }> = []
  const persisted: number[] = []
  const failures: unknown[] = []
  const queue = new CommitQueue<P>({
    persist: storage.persist,
    apply: (batch, seqs) => applied.push({ names: batch.map((b) => b.name), seqs }),
    onPersisted: (count) => persisted.push(count),
    onFailure: (error) => failures.push(error),
    clock,
    scheduler: clock,
  })
  return { clock, storage, applied, persisted, failures, queue }
}

describe('CommitQueue', () => {
  it('applies a batch only once it is durable, with the positions storage gave it', async () => {
    const { clock, storage, applied, persisted, queue } = setup()
    queue.push(p('a'))
    queue.schedule()
    clock.runTurn()
    await storage.written(1)
    expect(queue.busy).toBe(true)
    expect(queue.inflight.map((x) => x.name)).toEqual(['a'])
    expect(applied).toEqual([])
    storage.finish(0)
    await queue.flushed()
    expect(applied).toEqual([{ names: ['a'], seqs: [1] }])
    expect(persisted).toEqual([1])
    expect(queue.busy).toBe(false)
  })

  it('stores a lone update of a quiet queue at the end of the turn, and groups a burst after I/O', async () => {
    const { clock, storage, queue } = setup()
    queue.push(p('a'))
    queue.schedule()
    // Quiet: stored at the end of the callback it came in, without waiting for the rest of the poll phase.
    expect(clock.waiting).toEqual({ endOfTurn: 1, afterIo: 0 })
    clock.runEndOfTurn()
    await storage.written(1)
    storage.finish(0)
    await queue.flushed()
    // Within GROUP_COMMIT_QUIET_MS of that flush: the next ones wait until after I/O, and go together.
    clock.advance(GROUP_COMMIT_QUIET_MS - 1)
    queue.push(p('b'))
    queue.schedule()
    queue.push(p('c'))
    queue.schedule()
    expect(clock.waiting).toEqual({ endOfTurn: 0, afterIo: 1 })
    clock.runTurn()
    await storage.written(2)
    expect(storage.writes.map((w) => w.names)).toEqual([['a'], ['b', 'c']])
    storage.finish(1)
    await queue.flushed()
    // Quiet again after GROUP_COMMIT_QUIET_MS.
    clock.advance(GROUP_COMMIT_QUIET_MS + 1)
    queue.push(p('d'))
    queue.schedule()
    expect(clock.waiting).toEqual({ endOfTurn: 1, afterIo: 0 })
  })

  it('stores one batch at a time: what arrives during a write waits for it', async () => {
    const { clock, storage, applied, queue } = setup()
    queue.push(p('a'))
    queue.schedule()
    clock.runTurn()
    await storage.written(1)
    clock.advance(10)
    queue.push(p('b'))
    queue.schedule()
    clock.runTurn()
    expect(queue.pendingBytes).toBe(2)
    const done = queue.flushed()
    storage.finish(0)
    await storage.written(2)
    expect(applied.map((a) => a.names)).toEqual([['a']])
    storage.finish(1)
    await done
    expect(applied).toEqual([
      { names: ['a'], seqs: [1] },
      { names: ['b'], seqs: [2] },
    ])
  })

  it('flushed() stores what is queued even when no flush was scheduled', async () => {
    const { storage, applied, queue } = setup()
    queue.push(p('server'))
    const done = queue.flushed()
    await storage.written(1)
    storage.finish(0)
    await done
    expect(applied.map((a) => a.names)).toEqual([['server']])
  })

  it('after a failed write reports once and stores nothing more', async () => {
    const { clock, storage, applied, failures, queue } = setup()
    queue.push(p('a'))
    queue.schedule()
    clock.runTurn()
    await storage.written(1)
    const error = new Error('disk full')
    storage.writes[0]!.reject(error)
    await queue.flushed()
    expect(failures).toEqual([error])
    queue.push(p('b'))
    queue.schedule()
    clock.runTurn()
    await queue.flushed()
    expect(storage.writes).toHaveLength(1)
    expect(applied).toEqual([])
  })

  it('a closed queue does not apply the batch it was storing', async () => {
    const { clock, storage, applied, persisted, queue } = setup()
    queue.push(p('a'))
    queue.schedule()
    clock.runTurn()
    await storage.written(1)
    queue.close()
    storage.finish(0)
    await queue.flushed()
    expect(applied).toEqual([])
    expect(persisted).toEqual([])
  })
})
