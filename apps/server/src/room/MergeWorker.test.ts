import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MergeWorker } from './MergeWorker.ts'
import { mergeUpdates } from './mergeUpdates.ts'

const workers: MergeWorker[] = []
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close()
})

function edits(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(u))
  const m = doc.getMap<number>('m')
  for (let i = 0; i < n; i++) m.set(`k${i % 7}`, i)
  return out
}

describe('MergeWorker', () => {
  it('merges on its thread exactly as mergeUpdates does here, several at once', async () => {
    const worker = new MergeWorker()
    workers.push(worker)
    const a = edits(200)
    const b = edits(50)
    const [ma, mb] = await Promise.all([worker.merge(null, a), worker.merge(a[0]!, b)])
    expect(ma).toEqual(mergeUpdates(null, a))
    expect(mb).toEqual(mergeUpdates(a[0]!, b))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, ma)
    expect(doc.getMap('m').toJSON()).toEqual({
      k0: 196,
      k1: 197,
      k2: 198,
      k3: 199,
      k4: 193,
      k5: 194,
      k6: 195,
    })
  })

  it('fails pending merges when closed, and refuses new ones', async () => {
    const worker = new MergeWorker()
    const pending = expect(worker.merge(null, edits(5000))).rejects.toThrow('closed')
    await worker.close()
    await pending
    await expect(worker.merge(null, edits(1))).rejects.toThrow('closed')
  })
})
