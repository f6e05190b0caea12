import { ERASED_PERSON_NAME, plainTextToRichText } from '@waardentafel/domain'
import type { CreateBoardResponse } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PersonalData } from '../src/org/privacy/PersonalData.ts'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

// Erasure and inzage on a real server (real SQLite file) while a real y-websocket client is on the board.

const NAME = 'Anna de Vries'
let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

const facilitate = (board: CreateBoardResponse, body: unknown) =>
  fetch(`${srv.url}/api/boards/${board.id}/facilitation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify(body),
  })

const shape = (id: string, type: string, props: Record<string, unknown>) => ({
  id,
  typeName: 'shape',
  type,
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  props,
  meta: {},
})
const user = (id: string, name: string, color: string) => ({
  id,
  typeName: 'user',
  name,
  color,
  imageUrl: '',
  meta: {},
})

/** A board where Anna is on a card, in a note, in her user record, on a ballot, in a saved session and followed. */
async function boardWithAnna(): Promise<{ board: CreateBoardResponse; client: TestClient }> {
  const board = await srv.createBoard('Veenhoek')
  const client = connectClient(srv.wsUrl, board, 'participant')
  clients.push(client)
  await client.synced()
  writeDocRecords(client.doc, {
    records: [
      shape('shape:v1', 'wt-value-card', { name: 'Ontmoeten', explanation: `Volgens ${NAME} het hart` }),
      shape('shape:n1', 'note', {
        richText: plainTextToRichText(`Vraag van ${NAME.toLowerCase()}: parkeren?`),
      }),
      user('user:anna', `${NAME} (GGD)`, '#1f77b4'),
      user('user:bram', 'Bram Bos', '#d62728'),
    ],
    schema: null,
  })
  await whenDoc(client.doc, () => true)
  // The server holds them once a second client sees them.
  const check = connectClient(srv.wsUrl, board, 'observer')
  clients.push(check)
  await check.synced()
  await whenDoc(check.doc, () => readDocRecords(check.doc).records.length >= 4)
  expect((await facilitate(board, { action: 'followMe', userId: 'user:anna', name: NAME })).status).toBe(200)
  const saved = await fetch(`${srv.url}/api/boards/${board.id}/sessions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links.facilitator)}`,
    },
    body: JSON.stringify({ name: `Sessie met ${NAME}` }),
  })
  expect(saved.status).toBe(201)
  const limits = { perBoard: 10, perIssuer: 10, windowMs: 60_000 }
  for (const keyHash of ['k-anna', 'k-bram'])
    await srv.storage.boards.issueParticipantKey(board.id, { keyHash, issuer: 'i', issuedAt: 1 }, limits)
  const base = { valueId: 'shape:v1', klasse: 'sturend' as const, twijfel: false, at: 5 }
  await srv.storage.rounds.savePlacements(board.id, 'r1', [
    { ...base, participantKey: 'k-anna', name: NAME, organisation: 'GGD' },
    { ...base, participantKey: 'k-bram', name: 'Bram Bos', organisation: 'Waterschap' },
  ])
  return { board, client }
}

const service = () =>
  new PersonalData({ rooms: srv.server.rooms, log: srv.storage.log, personal: srv.storage.privacy })

/** Every byte the board's document has in storage: snapshot and log. */
async function storedText(boardId: string): Promise<string> {
  const stored = await srv.storage.log.loadDoc(boardId)
  const parts = [stored.snapshot, ...stored.updates.map((u) => u.data)].filter((p) => p !== null)
  return parts.map((p) => Buffer.from(p).toString('utf8')).join('\n')
}

describe("the people's data on a live board", () => {
  it('[AV4] inzage finds the person in the document, the facilitation state, ballots and saved sessions', async () => {
    const { board } = await boardWithAnna()
    const ref = { boardId: board.id, title: board.title, projectId: null }
    const [found, ...more] = await service().inzage([ref], 'anna de vries')
    expect(more).toEqual([])
    expect(found?.document.map((m) => [m.recordId, m.path])).toEqual(
      expect.arrayContaining([
        ['shape:v1', 'props.explanation'],
        ['shape:n1', 'props.richText.content.0.content.0.text'],
        ['user:anna', 'name'],
      ]),
    )
    expect(found?.facilitation).toEqual([{ path: 'followMe.name', text: NAME }])
    expect(found?.ballots).toEqual([
      {
        roundId: 'r1',
        name: NAME,
        organisation: 'GGD',
        placements: [{ valueId: 'shape:v1', klasse: 'sturend', twijfel: false, at: 5 }],
      },
    ])
    expect(found?.sessions).toHaveLength(1)
    expect(found?.sessions[0]?.mentions.map((m) => m.path)).toEqual(
      expect.arrayContaining(['props.explanation', 'name']),
    )
    expect(await service().inzage([ref], 'Piet Jansen')).toEqual([])
  })

  it('[AV5] erasure reaches the connected client, ballots and sessions, and after compaction no stored byte holds the name', async () => {
    const { board, client } = await boardWithAnna()
    expect(await storedText(board.id)).toContain(NAME)
    const ref = { boardId: board.id, title: board.title, projectId: null }
    const result = await service().erase([ref], NAME)
    expect(result).toEqual([{ boardId: board.id, document: 4, ballots: 1, sessions: 1 }])

    // The participant still on the board sees the name go, and every record is still there.
    const named = () => JSON.stringify(readDocRecords(client.doc).records).includes(NAME)
    await whenDoc(client.doc, () => !named())
    const records = readDocRecords(client.doc).records
    expect(records.map((r) => r.id).sort()).toEqual(['shape:n1', 'shape:v1', 'user:anna', 'user:bram'])
    expect(records.find((r) => r.id === 'user:anna')).toMatchObject({ name: ERASED_PERSON_NAME, color: '' })
    expect(records.find((r) => r.id === 'user:bram')).toMatchObject({ name: 'Bram Bos', color: '#d62728' })
    expect(records.find((r) => r.id === 'shape:v1')).toMatchObject({
      props: { explanation: `Volgens ${ERASED_PERSON_NAME} het hart` },
    })

    // Storage: the log was compacted through a garbage-collecting doc, so the old updates with the name are gone.
    expect(await storedText(board.id)).not.toContain(NAME)
    const ballots = await srv.storage.privacy.placementsOfBoard(board.id)
    expect(ballots.map((b) => [b.name, b.organisation])).toEqual([
      [ERASED_PERSON_NAME, ''],
      ['Bram Bos', 'Waterschap'],
    ])
    const [session] = await srv.storage.privacy.sessionsOfBoard(board.id)
    expect(`${session?.name} ${session?.data}`).not.toContain(NAME)
    expect(session?.name).toBe(`Sessie met ${ERASED_PERSON_NAME}`)
    expect(await service().inzage([ref], NAME)).toEqual([])

    // The board keeps working: a new client gets the erased board and edits it.
    const late = connectClient(srv.wsUrl, board, 'participant')
    clients.push(late)
    await late.synced()
    expect(JSON.stringify(readDocRecords(late.doc).records)).not.toContain(NAME)
    writeDocRecords(late.doc, {
      records: [shape('shape:v2', 'wt-value-card', { name: 'Groen' })],
      schema: null,
    })
    await whenDoc(client.doc, () => readDocRecords(client.doc).records.some((r) => r.id === 'shape:v2'))
    // Erasing again changes nothing.
    expect(await service().erase([ref], NAME)).toEqual([])
  })

  it('[AV6] the retention erasure removes everyone the board names, every user record and every ballot name', async () => {
    const { board, client } = await boardWithAnna()
    const result = await service().eraseEveryone(board.id)
    expect(result.ballots).toBe(2)
    expect(result.sessions).toBe(1)
    for (const name of [NAME, 'Bram Bos'])
      await whenDoc(client.doc, () => !JSON.stringify(readDocRecords(client.doc).records).includes(name))
    const users = readDocRecords(client.doc).records.filter((r) => r.typeName === 'user')
    expect(users.map((u) => [u.name, u.color])).toEqual([
      [ERASED_PERSON_NAME, ''],
      [ERASED_PERSON_NAME, ''],
    ])
    const text = await storedText(board.id)
    expect(text).not.toContain(NAME)
    expect(text).not.toContain('Bram Bos')
    const [session] = await srv.storage.privacy.sessionsOfBoard(board.id)
    expect(session?.data).not.toContain(NAME)
    expect(session?.data).not.toContain('Bram Bos')
    expect((await srv.storage.privacy.placementsOfBoard(board.id)).map((b) => b.name)).toEqual([
      ERASED_PERSON_NAME,
      ERASED_PERSON_NAME,
    ])
  })

  it('[AV15] the workshop details an import wrote into the document are searched and erased like the records', async () => {
    const res = await fetch(`${srv.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        format: 'waardentafel.board',
        version: 1,
        board: { id: 'board:import', title: 'Geimporteerd' },
        records: [],
        workshop: { gemeente: 'Zwolle', procesbegeleider: NAME, deelnemers: ['Bram Bos', `${NAME} (GGD)`] },
      }),
    })
    const board = (await res.json()) as CreateBoardResponse
    const ref = { boardId: board.id, title: board.title, projectId: null }
    const [found] = await service().inzage([ref], NAME)
    expect(found?.document.map((m) => [m.typeName, m.path])).toEqual([
      ['workshop', 'procesbegeleider'],
      ['workshop', 'deelnemers.1'],
    ])
    expect(await service().erase([ref], NAME)).toEqual([
      { boardId: board.id, document: 2, ballots: 0, sessions: 0 },
    ])
    const snapshot = (await (
      await fetch(`${srv.url}/api/boards/${board.id}/snapshot`, {
        headers: { authorization: `Bearer ${tokenOf(board.links.facilitator)}` },
      })
    ).json()) as { workshop: unknown }
    expect(snapshot.workshop).toEqual({
      gemeente: 'Zwolle',
      procesbegeleider: ERASED_PERSON_NAME,
      deelnemers: ['Bram Bos', `${ERASED_PERSON_NAME} (GGD)`],
    })
    expect(await storedText(board.id)).not.toContain(NAME)
  })
})
