import { Worker } from 'node:worker_threads'
import type { Frame } from './frames.ts'

/** Frames sent per connection; each connection ends with a frame of unknown type so the server closes it. */
const PER_CONNECTION = 40

/**
 * Sends the frames over many connections (`concurrency` open at a time) from a worker thread; resolves with the
 * close codes seen.
 */
export function attack(url: string, frames: Frame[], concurrency = 16): Promise<Map<number, number>> {
  const scripts: Uint8Array[][] = []
  for (let i = 0; i < frames.length; i += PER_CONNECTION)
    scripts.push(frames.slice(i, i + PER_CONNECTION).map((f) => f.bytes))
  const worker = new Worker(new URL('./attackWorker.ts', import.meta.url), {
    workerData: { url, scripts, concurrency },
  })
  return new Promise((resolve, reject) => {
    worker.once('message', (codes: Array<[number, number]>) => {
      resolve(new Map(codes))
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}
