import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
    'utf8',
  ),
) as { board: { title: string }; records: Array<{ id: string }> }

let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

const get = (path: string, token: string) =>
  fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
const importBoard = (body: unknown) =>
  fetch(`${srv.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('board snapshot, import and Programma van Waarden', () => {
  it('[X1] an imported snapshot becomes a new board that clients open with every record', async () => {
    const res = await importBoard(fixture)
    expect(res.status).toBe(201)
    const board = (await res.json()) as Parameters<typeof connectClient>[1]
    expect(board.title).toBe(fixture.board.title)
    const c = connectClient(srv.wsUrl, board, 'participant')
    clients.push(c)
    await c.synced()
    const ids = readDocRecords(c.doc).records.map((r) => r.id)
    expect(ids.sort()).toEqual(fixture.records.map((r) => r.id).sort())
  })

  it('[X2] GET /snapshot returns the live board in the documented format, and it imports back', async () => {
    const board = (await (await importBoard(fixture)).json()) as Parameters<typeof connectClient>[1]
    const c = connectClient(srv.wsUrl, board, 'participant')
    clients.push(c)
    await c.synced()
    writeDocRecords(c.doc, {
      records: [
        { id: 'shape:nieuw', typeName: 'shape', type: 'note', x: 1, y: 2, parentId: 'page:page', props: {} },
      ],
      schema: null,
    })
    const watcher = connectClient(srv.wsUrl, board, 'observer')
    clients.push(watcher)
    await whenDoc(watcher.doc, () => readDocRecords(watcher.doc).records.some((r) => r.id === 'shape:nieuw'))

    const res = await get(`/api/boards/${board.id}/snapshot`, tokenOf(board.links.facilitator))
    expect(res.status).toBe(200)
    const snapshot = (await res.json()) as { format: string; version: number; records: Array<{ id: string }> }
    expect(snapshot).toMatchObject({ format: 'waardentafel.board', version: 1, board: { id: board.id } })
    expect(snapshot.records.map((r) => r.id)).toContain('shape:nieuw')
    expect(snapshot.records).toHaveLength(fixture.records.length + 1)

    const again = await importBoard(snapshot)
    expect(again.status).toBe(201)
    expect(((await again.json()) as { id: string }).id).not.toBe(board.id)
  })

  it('[X5] the workshop details survive import → export → import whole, unknown keys included, and no client can write them', async () => {
    const workshop = {
      gemeente: 'Veenhoek',
      gebied: 'Zwembadlocatie',
      procesbegeleider: 'Fenna',
      datum: '2026-11-30',
      deelnemers: ['GGD', 'Waterschap'],
      fase: 'quickscan',
      zaal: 'Raadzaal', // a key this version does not know
    }
    const first = (await (await importBoard({ ...fixture, workshop })).json()) as Parameters<
      typeof connectClient
    >[1]
    const exported = (await (
      await get(`/api/boards/${first.id}/snapshot`, tokenOf(first.links.participant))
    ).json()) as {
      workshop?: unknown
    }
    expect(exported.workshop).toEqual(workshop)
    const second = (await (await importBoard(exported)).json()) as Parameters<typeof connectClient>[1]
    const again = (await (
      await get(`/api/boards/${second.id}/snapshot`, tokenOf(second.links.facilitator))
    ).json()) as {
      workshop?: unknown
    }
    expect(again.workshop).toEqual(workshop)
    // A board imported without details exports none.
    const { workshop: _none, ...bare } = fixture as typeof fixture & { workshop?: unknown }
    const plain = (await (await importBoard(bare)).json()) as Parameters<typeof connectClient>[1]
    const plainExport = (await (
      await get(`/api/boards/${plain.id}/snapshot`, tokenOf(plain.links.participant))
    ).json()) as object
    expect('workshop' in plainExport).toBe(false)

    // Even the facilitator's client cannot rewrite them (server-only state, closed with 4409).
    const c = connectClient(srv.wsUrl, first, 'facilitator')
    clients.push(c)
    await c.synced()
    const closed = new Promise<number>((resolve) =>
      c.provider.ws?.addEventListener('close', (e) => resolve(e.code)),
    )
    c.doc.getMap('workshop').set('details', { deelnemers: ['iemand anders'] })
    expect(await closed).toBe(4409)
    const after = (await (
      await get(`/api/boards/${first.id}/snapshot`, tokenOf(first.links.participant))
    ).json()) as {
      workshop?: unknown
    }
    expect(after.workshop).toEqual(workshop)
  })

  it('[X3] GET /programma answers JSON, Markdown, HTML, DOCX and PDF built by the domain, named after the board and the day', async () => {
    const board = (await (await importBoard(fixture)).json()) as Parameters<typeof connectClient>[1]
    const token = tokenOf(board.links.participant)
    const json = await get(`/api/boards/${board.id}/programma?format=json`, token)
    expect(json.status).toBe(200)
    const pvw = (await json.json()) as Record<string, unknown>
    for (const part of ['A', 'B', 'C', 'D', 'E', 'F']) expect(JSON.stringify(pvw)).toContain(`"${part}"`)
    const md = await (await get(`/api/boards/${board.id}/programma?format=md`, token)).text()
    expect(md).toMatch(/Gebiedsambitie/)
    const html = await get(`/api/boards/${board.id}/programma?format=html`, token)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(await html.text()).toMatch(/<html/i)
    const docx = await get(`/api/boards/${board.id}/programma?format=docx`, token)
    expect(docx.headers.get('content-disposition')).toContain('attachment')
    const bytes = new Uint8Array(await docx.arrayBuffer())
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]) // a zip, as .docx files are
    const pdf = await get(`/api/boards/${board.id}/programma?format=pdf`, token)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const day = new Date().toISOString().slice(0, 10)
    expect(decodeURIComponent(pdf.headers.get('content-disposition') ?? '')).toContain(`${day}.pdf`)
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).subarray(0, 5))).toBe('%PDF-')
    // The kwaliteitstoets is the kernteam's annex, only on request; the cover says where the version stands.
    expect(md).not.toMatch(/Kwaliteitstoets/i)
    const withToets = await get(`/api/boards/${board.id}/programma?format=md&kwaliteitstoets=1`, token)
    const withToetsText = await withToets.text()
    expect(withToetsText).toMatch(/Kwaliteitstoets/i)
    expect(withToetsText).toMatch(/concept/)
    // The live board cannot be printed as adopted: that status is a frozen version's.
    for (const status of ['ter%20vaststelling', 'vastgesteld']) {
      expect((await get(`/api/boards/${board.id}/programma?format=pdf&status=${status}`, token)).status).toBe(
        400,
      )
    }
    expect((await get(`/api/boards/${board.id}/programma?format=odt`, token)).status).toBe(400)
  })

  it('[X4] observers may not export; bad snapshots are refused with INVALID_BODY and create nothing', async () => {
    const board = (await (await importBoard(fixture)).json()) as Parameters<typeof connectClient>[1]
    const observer = tokenOf(board.links.observer)
    expect((await get(`/api/boards/${board.id}/snapshot`, observer)).status).toBe(403)
    expect((await get(`/api/boards/${board.id}/programma`, observer)).status).toBe(403)
    for (const bad of [
      {},
      { ...fixture, format: 'other' },
      { ...fixture, records: [42] },
      { ...fixture, records: [{}] },
    ]) {
      const res = await importBoard(bad)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_BODY')
    }
  })
})
