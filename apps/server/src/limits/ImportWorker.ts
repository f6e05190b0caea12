import { Worker } from 'node:worker_threads'
import type { HttpErrorCode } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import type { ImportInput, ParsedImport } from './parseImport.ts'

export type ImportWorkerOptions = {
  /** Imports parsed at once, one per thread. */
  threads: number
  maxRecords: number
  /** V8 heap limit of each thread: an import that needs more fails alone (413) instead of swelling the process. */
  heapMb: number
  /** A thread idle this long is ended, which gives its memory back. */
  idleMs?: number
}

type Job = {
  id: number
  input: ImportInput
  resolve: (parsed: ParsedImport) => void
  reject: (error: Error) => void
}

type Reply = { id: number; parsed?: ParsedImport; error?: { code: HttpErrorCode; message: string } }

/**
 * Parses, validates and builds imported boards (`parseImport`) on worker threads, like `MergeWorker` does for
 * compaction: an 18 MiB import took the event loop for seconds and every board's edits waited. At most `threads`
 * run at once; further imports queue here (the caller bounds how many, `ImportGate`). A thread that dies (e.g. past
 * its heap limit) fails only its own import; a thread left idle is ended so the memory an import took is returned.
 */
export class ImportWorker {
  readonly #options: Required<ImportWorkerOptions>
  readonly #queue: Job[] = []
  readonly #idle = new Map<Worker, NodeJS.Timeout>()
  readonly #busy = new Map<Worker, Job>()
  #nextId = 0
  #closed = false

  constructor(options: ImportWorkerOptions) {
    this.#options = { idleMs: 10_000, ...options }
  }

  parse(input: ImportInput): Promise<ParsedImport> {
    return new Promise((resolve, reject) => {
      if (this.#closed) return reject(new AppError('INTERNAL', 'import worker closed'))
      this.#queue.push({ id: this.#nextId++, input, resolve, reject })
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const job of this.#queue.splice(0)) job.reject(new AppError('INTERNAL', 'import worker closed'))
    const threads = [...this.#idle.keys(), ...this.#busy.keys()]
    for (const [worker, job] of this.#busy) {
      this.#busy.delete(worker)
      job.reject(new AppError('INTERNAL', 'import worker closed'))
    }
    for (const timer of this.#idle.values()) clearTimeout(timer)
    this.#idle.clear()
    await Promise.all(threads.map((worker) => worker.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#takeIdle() ?? (this.#threads() < this.#options.threads ? this.#spawn() : null)
      if (!worker) return
      const job = this.#queue.shift() as Job
      this.#busy.set(worker, job)
      // Copied, not transferred: a request body's buffer may be a slice of Node's shared pool.
      worker.postMessage({ id: job.id, input: job.input })
    }
  }

  #threads(): number {
    return this.#idle.size + this.#busy.size
  }

  #takeIdle(): Worker | null {
    const first = this.#idle.entries().next()
    if (first.done) return null
    const [worker, timer] = first.value
    clearTimeout(timer)
    this.#idle.delete(worker)
    return worker
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./importWorkerThread.ts', import.meta.url), {
      workerData: { maxRecords: this.#options.maxRecords },
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb },
    })
    worker.unref() // an idle import thread does not keep the process alive
    worker.on('message', (reply: Reply) => {
      const job = this.#busy.get(worker)
      if (!job || job.id !== reply.id) return
      this.#busy.delete(worker)
      if (reply.parsed) job.resolve(reply.parsed)
      else
        job.reject(new AppError(reply.error?.code ?? 'INVALID_BODY', reply.error?.message ?? 'import failed'))
      this.#rest(worker)
      this.#dispatch()
    })
    const gone = (error: Error & { code?: string }) => {
      const job = this.#busy.get(worker)
      this.#busy.delete(worker)
      clearTimeout(this.#idle.get(worker))
      this.#idle.delete(worker)
      if (job) {
        const tooBig = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        job.reject(
          tooBig
            ? new AppError('BODY_TOO_LARGE', 'the snapshot needs more memory than an import may use')
            : new AppError('INTERNAL', `import thread failed: ${error.message}`),
        )
      }
      if (!this.#closed) this.#dispatch()
    }
    worker.on('error', gone)
    worker.on('exit', (code) => gone(new Error(`import thread exited with ${code}`)))
    return worker
  }

  #rest(worker: Worker): void {
    const timer = setTimeout(() => {
      this.#idle.delete(worker)
      void worker.terminate()
    }, this.#options.idleMs)
    timer.unref()
    this.#idle.set(worker, timer)
  }
}
