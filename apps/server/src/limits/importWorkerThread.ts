import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { type ImportInput, ImportRefusal, parseImport } from './parseImport.ts'

// Worker-thread side of ImportWorker: one import at a time, off the server's event loop.
type Request = { id: number; input: ImportInput }
const { maxRecords } = workerData as { maxRecords: number }

// An import is background work: the thread runs at a low priority (nice 10: about a tenth of the CPU a normal thread
// gets when they compete), so when the cores are busy the event loop relaying everyone's edits gets them first, and
// the import still finishes. On Linux a priority is per thread: this sets it on this thread only (raising one's nice
// value needs no privilege); where it cannot be set, the import runs at normal priority.
try {
  setPriority(10)
} catch {}

parentPort?.on('message', ({ id, input }: Request) => {
  try {
    const parsed = parseImport(input, maxRecords)
    const buffers = new Set(parsed.updates.map((u) => u.buffer as ArrayBuffer))
    parentPort?.postMessage({ id, parsed }, [...buffers])
  } catch (error) {
    const code = error instanceof ImportRefusal ? error.code : 'INVALID_BODY'
    const message = error instanceof Error ? error.message : String(error)
    parentPort?.postMessage({ id, error: { code, message } })
  }
})
