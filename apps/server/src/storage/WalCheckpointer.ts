import { Worker } from 'node:worker_threads'

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread. SQLite's own automatic
 * checkpoint runs inside a commit — on the event loop — and fsyncs the database file: every thousand pages a
 * commit took tens of milliseconds instead of tens of microseconds, and every board on the instance waited.
 * The server's connection turns the automatic checkpoint off and this does it instead; should the thread die,
 * `onStopped` lets the connection take the job back.
 */
export class WalCheckpointer {
  readonly #worker: Worker
  #stopping = false
  #exited = false

  constructor(path: string, intervalMs: number, onStopped: () => void) {
    this.#worker = new Worker(new URL('./walCheckpointThread.ts', import.meta.url), {
      workerData: { path, intervalMs },
    })
    this.#worker.unref()
    const stopped = () => {
      if (!this.#stopping) onStopped()
    }
    this.#worker.on('error', stopped)
    this.#worker.on('exit', () => {
      this.#exited = true
      stopped()
    })
  }

  /** Stops checkpointing; resolves once the thread's connection is closed. */
  stop(): Promise<void> {
    if (this.#stopping || this.#exited) return Promise.resolve()
    this.#stopping = true
    // Held from here on: the process must not end (it would, with only an unref'd thread left) before it stopped.
    this.#worker.ref()
    return new Promise((resolve) => {
      this.#worker.once('exit', () => resolve())
      this.#worker.postMessage('stop')
    })
  }
}
