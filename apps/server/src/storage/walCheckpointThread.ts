import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'

// Worker-thread side of WalCheckpointer: its own connection to the database file, checkpointing the WAL now and
// then. PASSIVE never waits for (or blocks) the server's writer; what it cannot copy yet it copies next time.
const { path, intervalMs } = workerData as { path: string; intervalMs: number }
const db = new DatabaseSync(path)
const checkpoint = () => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)')
  } catch {
    // Busy or locked for a moment: the next interval tries again.
  }
}
const timer = setInterval(checkpoint, intervalMs)
parentPort?.on('message', (message: string) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort?.close()
})
