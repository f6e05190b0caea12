import { setPriority } from 'node:os'

// The import process (see ImportWorker): started by the import host (`importHost.ts`) for one import, it parses,
// validates and builds the board, sends it back in pieces and exits, which gives back every byte it took. It runs
// with `--single-threaded`, so all of its work — V8's garbage collection and compilation included — happens on this
// one thread, at nice 10 (inherited from the host; set again here, before anything else is loaded, in case it was
// started otherwise). Raising one's nice value needs no privilege; where it cannot be set, the import runs at
// normal priority.
try {
  setPriority(10)
} catch {}

/** The job, over IPC; without `value` the snapshot's bytes arrive on stdin. */
type Job = { maxRecords: number; value?: unknown }

/** What goes back, in order: every piece of the document, then `done` — or one `error`. */
export type ImportProcessMessage =
  | { piece: Uint8Array }
  | { done: { title: string; records: number } }
  | { error: { code: string; message: string } }

// The server went away: nothing to answer to.
process.on('disconnect', () => process.exit(0))
process.once('message', (job: Job) => void run(job))

async function run(job: Job): Promise<void> {
  const { ImportRefusal, parseImport } = await import('./parseImport.ts')
  let last: ImportProcessMessage
  try {
    const input = 'value' in job ? { value: job.value } : { bytes: await readStdin() }
    const parsed = parseImport(input, job.maxRecords)
    // One message per piece: the server reads each in a turn of its own instead of one message of megabytes.
    for (const piece of parsed.updates) process.send?.({ piece } satisfies ImportProcessMessage)
    last = { done: { title: parsed.title, records: parsed.records } }
  } catch (error) {
    const code = error instanceof ImportRefusal ? error.code : 'INVALID_BODY'
    const message = error instanceof Error ? error.message : String(error)
    last = { error: { code, message } }
  }
  // Messages are written in order: once the last one is written, all are.
  process.send?.(last, undefined, undefined, () => process.exit(0))
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
