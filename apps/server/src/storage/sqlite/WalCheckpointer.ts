import { Worker } from 'node:worker_threads'

/** When the log is copied into the database file (see WalCheckpointer). */
export type CheckpointPolicy = {
  /** How often the thread looks at the commit count. */
  pollMs: number
  /** Checkpoint once about this many pages were written to the log since the last one (SQLite's own default). */
  pages: number
  /** …or once this long has passed with at least one commit, so a quiet server's log is copied too. */
  maxIntervalMs: number
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  pollMs: 1000,
  pages: 1000,
  maxIntervalMs: 30_000,
}

/** Whether to checkpoint now, `pagesSince` pages written and `msSince` ms passed since the last checkpoint. */
export function checkpointDue(policy: CheckpointPolicy, pagesSince: number, msSince: number): boolean {
  return pagesSince > 0 && (pagesSince >= policy.pages || msSince >= policy.maxIntervalMs)
}

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread. SQLite's own automatic
 * checkpoint runs inside a commit — on the event loop — and fsyncs the database file: every thousand pages a
 * commit took tens of milliseconds instead of tens of microseconds, and every board on the instance waited.
 * The server's connection turns the automatic checkpoint off and this does it instead; should the thread die,
 * `onStopped` lets the connection take the job back.
 *
 * Not more often than needed: a checkpoint fsyncs the database file, and on ext4 a commit that lands meanwhile
 * waited 3–5 ms (measured with a checkpoint every second, one edit in ten was that late). The connection counts
 * what it writes, in pages, in a counter shared with the thread (`wrote()`); the thread checkpoints after `pages`
 * of them, like SQLite's own automatic checkpoint, or after `maxIntervalMs` when anything was written at all.
 */
export class WalCheckpointer {
  readonly #worker: Worker
  readonly #pages = new Int32Array(new SharedArrayBuffer(4))
  #stopping = false
  #exited = false

  constructor(path: string, policy: CheckpointPolicy, onStopped: () => void) {
    this.#worker = new Worker(new URL('./walCheckpointThread.ts', import.meta.url), {
      workerData: { path, policy, pages: this.#pages },
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

  /**
   * Counts what a commit of the server's connection wrote to the log: a page per 4 KiB of data, plus the b-tree
   * pages every commit rewrites (measured: ~2.75 pages of log per commit of a 1 KiB update).
   */
  wrote(bytes: number): void {
    Atomics.add(this.#pages, 0, 2 + Math.ceil(bytes / 4096))
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
