import { parentPort, workerData } from 'node:worker_threads'
import { type ImportInput, ImportRefusal, parseImport } from './parseImport.ts'

// Worker-thread side of ImportWorker: one import at a time, off the server's event loop.
type Request = { id: number; input: ImportInput }
const { maxRecords } = workerData as { maxRecords: number }

parentPort?.on('message', ({ id, input }: Request) => {
  try {
    const parsed = parseImport(input, maxRecords)
    parentPort?.postMessage({ id, parsed }, parsed.state ? [parsed.state.buffer as ArrayBuffer] : [])
  } catch (error) {
    const code = error instanceof ImportRefusal ? error.code : 'INVALID_BODY'
    const message = error instanceof Error ? error.message : String(error)
    parentPort?.postMessage({ id, error: { code, message } })
  }
})
