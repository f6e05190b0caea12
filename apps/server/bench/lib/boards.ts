import { join } from 'node:path'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { mergeUpdates } from '../../src/room/mergeUpdates.ts'
import { INITIAL_GENERATIONS } from '../../src/storage/BoardStorage.ts'
import { SqliteBoardStorage } from '../../src/storage/SqliteBoardStorage.ts'
import { TokenSigner } from '../../src/tokens.ts'
import { BENCH_SECRET } from './constants.ts'
import type { BenchServer } from './processes.ts'

/** Makes `count` boards and returns the sync URL of a participant on each (reference: just room names). */
export async function boardUrls(server: BenchServer, count: number, prefix = 'bench'): Promise<string[]> {
  if (server.kind === 'reference')
    return Array.from({ length: count }, (_, i) => server.syncUrl(`${prefix}-${i}`))
  const urls: string[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `${prefix} ${i}` }),
    })
    if (res.status !== 201) throw new Error(`create board: ${res.status}`)
    const board = (await res.json()) as CreateBoardResponse
    const token = new URL(board.links.participant).searchParams.get('token') ?? ''
    urls.push(server.syncUrl(board.id, token))
  }
  return urls
}

/**
 * Writes boards with the given document straight into the SQLite file of a data dir (through the storage API,
 * compacted as after an unload), before the server process starts. Returns board ids and participant tokens.
 */
export async function writeBoards(
  dataDir: string,
  docs: { id: string; update: Uint8Array }[],
): Promise<{ id: string; token: string }[]> {
  const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
  const signer = new TokenSigner(BENCH_SECRET, 86_400)
  const out: { id: string; token: string }[] = []
  for (const { id, update } of docs) {
    await storage.createBoard({ id, title: id, createdAt: Date.now(), linkGenerations: INITIAL_GENERATIONS })
    await storage.appendUpdate(id, update)
    await storage.compact(id, mergeUpdates)
    out.push({ id, token: signer.sign(id, 'participant') })
  }
  await storage.close()
  return out
}
