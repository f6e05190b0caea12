import { Worker } from 'node:worker_threads'
import type { MergeUpdates } from '../storage/BoardStorage.ts'

type Waiting = { resolve: (merged: Uint8Array) => void; reject: (error: Error) => void }

/**
 * Runs compaction merges (`mergeUpdates`) on one worker thread, so rebuilding a large board's document — seconds
 * for a board with a long history — never stalls the event loop that relays everyone's edits. Merges queue on the
 * one thread. A worker that dies fails what it was doing (the compaction is retried later) and is replaced on the
 * next merge.
 */
export class MergeWorker {
  #worker: Worker | null = null
  #nextId = 0
  readonly #waiting = new Map<number, Waiting>()
  #closed = false

  readonly merge: MergeUpdates = (snapshot, updates) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (this.#closed) return reject(new Error('merge worker closed'))
      const id = this.#nextId++
      this.#waiting.set(id, { resolve, reject })
      // Copied, not transferred: the buffers may be slices of a driver's shared pool.
      this.#thread().postMessage({ id, snapshot, updates })
    })

  async close(): Promise<void> {
    this.#closed = true
    const worker = this.#worker
    this.#worker = null
    this.#failAll(new Error('merge worker closed'))
    worker?.ref() // keeps the process alive until the thread is gone
    await worker?.terminate()
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./mergeWorkerThread.ts', import.meta.url))
    worker.unref() // an idle merge thread does not keep the process alive
    worker.on('message', (m: { id: number; merged?: Uint8Array; error?: string }) => {
      const waiting = this.#waiting.get(m.id)
      if (!waiting) return
      this.#waiting.delete(m.id)
      if (m.merged) waiting.resolve(m.merged)
      else waiting.reject(new Error(m.error ?? 'merge failed'))
    })
    const gone = (error: Error) => {
      if (this.#worker !== worker) return
      this.#worker = null
      this.#failAll(error)
    }
    worker.on('error', gone)
    worker.on('exit', (code) => gone(new Error(`merge worker exited with ${code}`)))
    this.#worker = worker
    return worker
  }

  #failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error)
    this.#waiting.clear()
  }
}
