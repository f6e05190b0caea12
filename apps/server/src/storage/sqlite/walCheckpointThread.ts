import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'
import { type CheckpointPolicy, checkpointDue } from './WalCheckpointer.ts'

// Worker-thread side of WalCheckpointer: its own connection to the database file, checkpointing the WAL when enough
// was written (a page count shared with the server's connection) or enough time has passed. PASSIVE never waits for
// (or blocks) the server's writer; what it cannot copy yet it copies next time.
const { path, policy, pages } = workerData as {
  path: string
  policy: CheckpointPolicy
  pages: Int32Array
}
const db = new DatabaseSync(path)
let checkpointedAt = 0 // the count starts at 0 with the connection, before this thread runs
let lastTime = performance.now()
const poll = () => {
  const count = Atomics.load(pages, 0)
  const since = (count - checkpointedAt) | 0 // the counter wraps at 2^31; the difference stays right
  if (!checkpointDue(policy, since, performance.now() - lastTime)) return
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)')
    checkpointedAt = count
    lastTime = performance.now()
  } catch {
    // Busy or locked for a moment: the next poll tries again.
  }
}
const timer = setInterval(poll, policy.pollMs)
parentPort?.on('message', (message: string) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort?.close()
})
