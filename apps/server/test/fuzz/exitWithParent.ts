import { isMainThread } from 'node:worker_threads'

// Preloaded (`--import`) into the processes the fuzz test starts in a session of their own: such a process is not
// killed with the test's process group, so it exits as soon as the test process is gone (its stdin pipe closes).
// Preloads run in every worker thread too, where stdin is an empty stream that ends at once: there this would end
// the thread at birth (the server's WAL checkpoint and merge threads — the server then checkpointed inside commits
// and retried every compaction on a new thread), so it only watches from the main thread.
if (isMainThread) {
  process.stdin.on('end', () => process.exit(0))
  process.stdin.resume()
}
