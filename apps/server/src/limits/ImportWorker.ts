import { type ChildProcess, fork } from 'node:child_process'
import { setImmediate as turn } from 'node:timers/promises'
import type { HttpErrorCode } from '@waardentafel/protocol'
import { AppError } from '../errors.ts'
import { bodyFrameHeader } from './importFrames.ts'
import type { HostReply, HostRequest } from './importHost.ts'
import type { ImportInput, ParsedImport } from './parseImport.ts'

export type ImportWorkerOptions = {
  /** Imports parsed at once, each in a process of its own. */
  threads: number
  maxRecords: number
  /** V8 heap limit of an import process: an import that needs more fails alone (413) instead of taking the machine. */
  heapMb: number
}

/** An import's snapshot: as the request body's chunks arrived (never joined here), or as ImportInput. */
export type ImportSource = { chunks: readonly Uint8Array[] } | ImportInput

type Job = {
  id: number
  source: ImportSource
  pieces: Uint8Array[]
  resolve: (parsed: ParsedImport) => void
  reject: (error: Error) => void
}

/** Bytes of a request body handed to the import host per turn of the event loop. */
const BODY_BYTES_PER_TURN = 256 * 1024

/**
 * Parses, validates and builds imported boards (`parseImport`) in processes of their own, one per import, ended
 * when it is done (`importProcess.ts`), started by a small import host the server starts once (`importHost.ts`).
 * Measured with the attack bench: on a worker thread (nice 10) an import still took the cores from the event loop
 * relaying everyone's edits (V8's GC helper threads, shared with the server, ran at normal priority) and its heap
 * stayed in the server's RSS; a process started by the server itself stopped the event loop for 13–30 ms while
 * the server's memory map was copied. The import processes run single-threaded at nice 10 and give everything back
 * when they exit. What the server's event loop does per import: write the body's chunks to the host's stdin as
 * they arrived, a few per turn, and take the document back in pieces of `IMPORT_RECORDS_PER_UPDATE` records, one message each. At most
 * `threads` imports run at once; further ones queue here (the caller bounds how many, `ImportGate`). An import
 * process that dies (e.g. past its heap limit) fails only its own import; should the host die, the imports under
 * way fail and the next import starts a new host.
 */
export class ImportWorker {
  readonly #options: ImportWorkerOptions
  readonly #queue: Job[] = []
  readonly #running = new Map<number, Job>()
  #host: ChildProcess | null = null
  #nextId = 0
  #closed = false

  constructor(options: ImportWorkerOptions) {
    this.#options = options
    // Started now, while the server is small and quiet (see above), not at the first import.
    this.#startHost()
  }

  parse(source: ImportSource): Promise<ParsedImport> {
    return new Promise((resolve, reject) => {
      if (this.#closed) return reject(new AppError('INTERNAL', 'import worker closed'))
      this.#queue.push({ id: this.#nextId++, source, pieces: [], resolve, reject })
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    const failed = new AppError('INTERNAL', 'import worker closed')
    for (const job of this.#queue.splice(0)) job.reject(failed)
    this.#failRunning(failed)
    const host = this.#host
    this.#host = null
    if (!host || host.exitCode !== null || host.signalCode !== null) return
    const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()))
    host.kill('SIGKILL') // its import processes end when their channel to it closes
    await exited
  }

  #dispatch(): void {
    while (!this.#closed && this.#queue.length > 0 && this.#running.size < this.#options.threads) {
      const job = this.#queue.shift() as Job
      this.#running.set(job.id, job)
      void this.#send(job)
    }
    this.#holdWhileBusy()
  }

  /** An import under way keeps the process alive, an idle host does not. */
  #holdWhileBusy(): void {
    if (this.#running.size > 0) this.#host?.channel?.ref()
    else this.#host?.channel?.unref()
  }

  async #send(job: Job): Promise<void> {
    const host = this.#host ?? this.#startHost()
    host.channel?.ref()
    const { maxRecords, heapMb } = this.#options
    const { source } = job
    const start = (request: HostRequest) => host.send(request)
    if ('value' in source)
      return void start({ id: job.id, start: { maxRecords, heapMb, value: source.value } })
    start({ id: job.id, start: { maxRecords, heapMb } })
    // The body's chunks go to the host's stdin as they are, each behind a header: no copy here.
    let sinceTurn = 0
    for (const chunk of 'chunks' in source ? source.chunks : [source.bytes]) {
      if (chunk.byteLength === 0) continue
      host.stdin?.write(bodyFrameHeader(job.id, chunk.byteLength))
      host.stdin?.write(chunk)
      sinceTurn += chunk.byteLength
      if (sinceTurn >= BODY_BYTES_PER_TURN) {
        sinceTurn = 0
        await turn()
        if (!this.#running.has(job.id)) break // failed meanwhile: only the end follows
      }
    }
    host.stdin?.write(bodyFrameHeader(job.id, 0))
  }

  #startHost(): ChildProcess {
    const host = fork(new URL('./importHost.ts', import.meta.url), [], {
      // Not the server's flags (an inspector port, a profiler, the young-generation size): its own.
      execArgv: ['--single-threaded', '--no-warnings'],
      serialization: 'advanced',
      stdio: ['pipe', 'ignore', 'inherit', 'ipc'],
    })
    host.stdin?.on('error', () => {}) // the host died: its exit fails the imports under way
    // An idle host does not keep the server's process alive.
    host.unref()
    host.channel?.unref()
    ;(host.stdin as unknown as { unref?: () => void } | null)?.unref?.()
    host.on('message', (reply: HostReply) => this.#receive(reply))
    host.on('error', () => host.kill('SIGKILL'))
    host.once('exit', () => {
      if (this.#host === host) this.#host = null
      this.#failRunning(new AppError('INTERNAL', 'the import host ended'))
      this.#dispatch()
    })
    this.#host = host
    return host
  }

  #receive(reply: HostReply): void {
    const job = this.#running.get(reply.id)
    if (!job) return
    if ('piece' in reply) return void job.pieces.push(reply.piece)
    this.#running.delete(job.id)
    if ('done' in reply) job.resolve({ updates: job.pieces, ...reply.done })
    else if ('error' in reply)
      job.reject(new AppError(reply.error.code as HttpErrorCode, reply.error.message))
    else
      job.reject(
        reply.failed.outOfMemory
          ? new AppError('BODY_TOO_LARGE', 'the snapshot needs more memory than an import may use')
          : new AppError('INTERNAL', `import process ${reply.failed.reason} before answering`),
      )
    this.#dispatch()
  }

  #failRunning(error: AppError): void {
    for (const job of this.#running.values()) job.reject(error)
    this.#running.clear()
  }
}
