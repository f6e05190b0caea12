import { type ChildProcess, fork } from 'node:child_process'
import { setPriority } from 'node:os'
import { BODY_FRAME_HEADER_BYTES } from './importFrames.ts'

// Child-process side of ImportWorker: a small process the server starts once, which starts a process of its own
// (`importProcess.ts`) for every import and passes the bytes between the two. Starting a process from the server
// itself copied the server's page tables: 13–30 ms in which the event loop stood still (measured at 240 MB RSS),
// and from a worker thread the other threads still waited on the memory map's lock. From here it is cheap and
// touches nothing of the server. Everything runs at nice 10 (set before anything else, so the import processes
// this process starts inherit it) and single-threaded (`--single-threaded`): no V8 helper threads at normal
// priority.
try {
  setPriority(10)
} catch {}

/** From the server over IPC: a new import; without `value`, its bytes follow on stdin (`importFrames.ts`). */
export type HostRequest = { id: number; start: { maxRecords: number; heapMb: number; value?: unknown } }

/** To the server: an import process's messages (`ImportProcessMessage`) with the import's id, or how it ended. */
export type HostReply = { id: number } & (
  | { piece: Uint8Array }
  | { done: { title: string; records: number } }
  | { error: { code: string; message: string } }
  | { failed: { outOfMemory: boolean; reason: string } }
)

/** Lines V8 prints when a process reaches its heap limit. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/

const imports = new Map<number, ChildProcess>()
const reply = (message: HostReply) => process.send?.(message)

// The server went away: so do the imports.
process.on('disconnect', () => {
  for (const child of imports.values()) child.kill('SIGKILL')
  process.exit(0)
})

process.on('message', (request: HostRequest) => start(request.id, request.start))

/** Bodies whose bytes arrived before their import's process was started (stdin and IPC are separate channels). */
const early = new Map<number, { chunks: Buffer[]; ended: boolean }>()

/** Imports whose process has ended: the rest of their body, if any, is dropped until its end. */
const ended = new Set<number>()

function body(id: number, chunk: Buffer | null): void {
  if (ended.has(id)) return void (chunk ? undefined : ended.delete(id))
  const child = imports.get(id)
  if (child) return void (chunk ? child.stdin?.write(chunk) : child.stdin?.end())
  const waiting = early.get(id) ?? { chunks: [], ended: false }
  early.set(id, waiting)
  if (chunk) waiting.chunks.push(chunk)
  else waiting.ended = true
}

let pending: Buffer = Buffer.alloc(0)
process.stdin.on('data', (data: Buffer) => {
  pending = pending.length > 0 ? Buffer.concat([pending, data]) : data
  while (pending.length >= BODY_FRAME_HEADER_BYTES) {
    const id = pending.readUInt32BE(0)
    const length = pending.readUInt32BE(4)
    const end = BODY_FRAME_HEADER_BYTES + length
    if (pending.length < end) return
    body(id, length === 0 ? null : pending.subarray(BODY_FRAME_HEADER_BYTES, end))
    pending = pending.subarray(end)
  }
})

function start(id: number, job: { maxRecords: number; heapMb: number; value?: unknown }) {
  const child = fork(new URL('./importProcess.ts', import.meta.url), [], {
    execArgv: ['--single-threaded', `--max-old-space-size=${job.heapMb}`, '--no-warnings'],
    serialization: 'advanced',
    stdio: ['pipe', 'ignore', 'pipe', 'ipc'],
  })
  imports.set(id, child)
  let stderr = ''
  let answered = false
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-4096)
  })
  child.on('message', (message: { piece: Uint8Array } | { done: unknown } | { error: unknown }) => {
    if (!('piece' in message)) answered = true
    reply({ id, ...message } as HostReply)
  })
  child.on('error', () => child.kill('SIGKILL'))
  // Writing to a process that has died fails with EPIPE; its exit says why.
  child.stdin?.on('error', () => {})
  child.once('exit', (code, signal) => {
    imports.delete(id)
    if (!('value' in job) && !child.stdin?.writableEnded) ended.add(id)
    if (answered) return
    reply({
      id,
      failed: { outOfMemory: OUT_OF_MEMORY.test(stderr), reason: `exited with ${signal ?? code}` },
    })
  })
  const hasValue = 'value' in job
  child.send(hasValue ? { maxRecords: job.maxRecords, value: job.value } : { maxRecords: job.maxRecords })
  if (hasValue) return void child.stdin?.end()
  const waiting = early.get(id)
  early.delete(id)
  for (const chunk of waiting?.chunks ?? []) child.stdin?.write(chunk)
  if (waiting?.ended) child.stdin?.end()
}
