import { parentPort } from 'node:worker_threads'
import { mergeUpdates } from './mergeUpdates.ts'

// Worker-thread side of MergeWorker: merges a board's stored state off the server's event loop.
type Request = { id: number; snapshot: Uint8Array | null; updates: Uint8Array[] }

parentPort?.on('message', ({ id, snapshot, updates }: Request) => {
  try {
    const merged = mergeUpdates(snapshot, updates) as Uint8Array
    parentPort?.postMessage({ id, merged }, [merged.buffer as ArrayBuffer])
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
