import { readDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AppError } from '../errors.ts'
import { ImportWorker } from './ImportWorker.ts'
import { IMPORT_RECORDS_PER_UPDATE } from './parseImport.ts'

// Real processes (the import host and one import process per import), no stand-ins.
const snapshot = (count: number) =>
  JSON.stringify({
    format: 'waardentafel.board',
    version: 1,
    board: { id: 'x', title: 'Wijkplan', createdAt: new Date(0).toISOString() },
    records: Array.from({ length: count }, (_, i) => ({
      id: `shape:n${i}`,
      typeName: 'shape',
      type: 'note',
      x: i,
      y: 0,
      props: { text: `Idee ${i}: meer groen in de wijk`, color: 'yellow' },
    })),
  })
/** A body as a request delivers it: in chunks, cut anywhere. */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
  return chunks
}
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
  return null
}

let worker: ImportWorker | null = null
afterEach(async () => {
  await worker?.close()
  worker = null
})

describe('ImportWorker', () => {
  it('[IW1] builds a snapshot sent in chunks in a process of its own, in pieces of IMPORT_RECORDS_PER_UPDATE records', {
    timeout: 30_000,
  }, async () => {
    worker = new ImportWorker({ threads: 1, maxRecords: 1000, heapMb: 128 })
    const count = IMPORT_RECORDS_PER_UPDATE * 3 + 7
    // Two at once (queued behind each other), and a value as a stored session hands it over.
    const [a, b, c] = await Promise.all([
      worker.parse({ chunks: chunked(snapshot(count), 4093) }),
      worker.parse({ chunks: chunked(snapshot(2), 5) }),
      worker.parse({ value: JSON.parse(snapshot(1)) }),
    ])
    expect(a).toMatchObject({ title: 'Wijkplan', records: count })
    expect(a.updates).toHaveLength(4)
    const doc = new Y.Doc()
    for (const update of a.updates) Y.applyUpdate(doc, update)
    expect(readDocRecords(doc).records).toHaveLength(count)
    expect(b.records).toBe(2)
    expect(c.records).toBe(1)
    expect(await codeOf(worker.parse({ chunks: chunked('{"format": 1', 3) }))).toBe('INVALID_BODY')
    expect(await codeOf(worker.parse({ chunks: chunked(snapshot(1001), 65536) }))).toBe(
      'IMPORT_TOO_MANY_RECORDS',
    )
  })

  it('[IW2] an import past its heap limit fails alone with BODY_TOO_LARGE, and the next import succeeds', {
    timeout: 30_000,
  }, async () => {
    worker = new ImportWorker({ threads: 1, maxRecords: 100_000, heapMb: 32 })
    const heapBefore = process.memoryUsage().heapUsed
    expect(await codeOf(worker.parse({ chunks: chunked(snapshot(60_000), 65536) }))).toBe('BODY_TOO_LARGE')
    // The import's memory was never this process's.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
    expect((await worker.parse({ chunks: chunked(snapshot(3), 65536) })).records).toBe(3)
  })
})
