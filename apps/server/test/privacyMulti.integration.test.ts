import { ERASED_PERSON_NAME } from '@waardentafel/domain'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PersonalData } from '../src/org/privacy/PersonalData.ts'
import { PostgresBoardStorage } from '../src/storage/PostgresBoardStorage.ts'
import { connectClient, createBoard, type TestClient, whenDoc } from './harness.ts'
import { DATABASE_URL, type Instance, isolation, startInstance } from './multiHarness.ts'

// Erasure in the multi-instance mode: two instances on real PostgreSQL and Redis, a y-websocket client on each; the
// erasure runs through instance A's room and reaches the client on instance B; PostgreSQL keeps no byte of the name.

const NAME = 'Anna de Vries'
let iso: ReturnType<typeof isolation>
let a: Instance
let b: Instance
let storage: PostgresBoardStorage
const clients: TestClient[] = []

beforeEach(async () => {
  iso = isolation()
  a = await startInstance(iso)
  b = await startInstance(iso)
  storage = new PostgresBoardStorage({ connectionString: DATABASE_URL, schema: iso.schema })
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await a.close()
  await b.close()
  await storage.close()
  await iso.cleanup()
})

async function storedText(boardId: string): Promise<string> {
  const stored = await storage.log.loadDoc(boardId)
  return [stored.snapshot, ...stored.updates.map((u) => u.data)]
    .filter((p) => p !== null)
    .map((p) => Buffer.from(p).toString('utf8'))
    .join('\n')
}

describe("the people's data with several instances (PostgreSQL + Redis)", () => {
  it('[AV17] an erasure through one instance reaches a client on the other; ballots and the log in PostgreSQL lose the name', async () => {
    const board: CreateBoardResponse = await createBoard(a.url, 'Veenhoek')
    const onA = connectClient(a.wsUrl, board, 'participant')
    const onB = connectClient(b.wsUrl, board, 'participant')
    clients.push(onA, onB)
    await Promise.all([onA.synced(), onB.synced()])
    const user = {
      id: 'user:anna',
      typeName: 'user',
      name: `${NAME} (GGD)`,
      color: '#1f77b4',
      imageUrl: '',
      meta: {},
    }
    writeDocRecords(onA.doc, { records: [user], schema: null })
    await whenDoc(onB.doc, () => readDocRecords(onB.doc).records.some((r) => r.id === 'user:anna'), 10_000)
    const limits = { perBoard: 10, perIssuer: 10, windowMs: 60_000 }
    await storage.boards.issueParticipantKey(
      board.id,
      { keyHash: 'k-anna', issuer: 'i', issuedAt: 1 },
      limits,
    )
    await storage.rounds.savePlacements(board.id, 'r1', [
      {
        participantKey: 'k-anna',
        name: NAME,
        organisation: 'GGD',
        valueId: 'shape:v',
        klasse: 'sturend',
        twijfel: false,
        at: 1,
      },
    ])
    expect(await storedText(board.id)).toContain(NAME)

    const personal = new PersonalData({ rooms: a.server.rooms, log: storage.log, personal: storage.privacy })
    const ref = { boardId: board.id, title: board.title, projectId: null }
    expect((await personal.inzage([ref], NAME))[0]?.ballots).toHaveLength(1)
    expect(await personal.erase([ref], NAME)).toEqual([
      { boardId: board.id, document: 1, ballots: 1, sessions: 0 },
    ])

    await whenDoc(onB.doc, () => !JSON.stringify(readDocRecords(onB.doc).records).includes(NAME), 10_000)
    expect(readDocRecords(onB.doc).records.find((r) => r.id === 'user:anna')).toMatchObject({
      name: ERASED_PERSON_NAME,
      color: '',
    })
    expect(await storedText(board.id)).not.toContain(NAME)
    expect((await storage.privacy.placementsOfBoard(board.id)).map((p) => [p.name, p.organisation])).toEqual([
      [ERASED_PERSON_NAME, ''],
    ])
  })
})
