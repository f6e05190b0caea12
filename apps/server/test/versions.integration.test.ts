import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBoard } from '@waardentafel/domain'
import type { CreateBoardResponse, VersionDetail } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient, startServer, type TestClient, type TestServer, tokenOf, whenDoc } from './harness.ts'

const fixture = readFileSync(
  join(import.meta.dirname, '../../../packages/domain/test/fixtures/handreiking-voorbeeld.json'),
  'utf8',
)
type Role = 'facilitator' | 'participant' | 'observer'

let srv: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  srv = await startServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await srv.close()
})

async function importBoard(): Promise<CreateBoardResponse> {
  const res = await fetch(`${srv.url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: fixture,
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreateBoardResponse
}

function call(
  board: CreateBoardResponse,
  role: Role,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${srv.url}/api/boards/${board.id}/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenOf(board.links[role])}`,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code

/** A ballot key for one device, as the web app asks for it. */
async function deviceKey(board: CreateBoardResponse, role: Role = 'participant'): Promise<string> {
  const res = await call(board, role, 'POST', 'rounds/participant', {})
  expect(res.status).toBe(201)
  return ((await res.json()) as { key: string }).key
}

const sign = (board: CreateBoardResponse, role: Role, number: number, key: string | null, body: unknown) =>
  call(board, role, 'POST', `versions/${number}/signatures`, body, key ? { 'x-participant-key': key } : {})

const signer = {
  name: 'Anna de Vries',
  organisation: 'GGD Hollands Noorden',
  mandate: 'directeur publieke gezondheid',
}

describe('PvW versions, vaststelling and the intentieverklaring', () => {
  it('[VS1] freezes a version, a participant changes the board, a second freeze, and the two compare in plain Dutch', async () => {
    const board = await importBoard()
    const first = await call(board, 'facilitator', 'POST', 'versions', {})
    expect(first.status).toBe(201)
    expect(await first.json()).toMatchObject({ number: 1, status: 'ter vaststelling', signatures: 0 })

    // Between the versions a participant moves one value card into another card's column (a real y-websocket client).
    const read = readBoard(JSON.parse(fixture))
    if (!read.ok) throw new Error('fixture unreadable')
    const moved = read.board.valueCards[0]
    const target = read.board.valueCards.find((c) => c.column !== moved?.column)
    if (!moved || !target) throw new Error('fixture needs value cards in two columns')
    const c = connectClient(srv.wsUrl, board, 'participant')
    clients.push(c)
    await c.synced()
    const records = readDocRecords(c.doc).records
    const targetRecord = records.find((r) => r.id === target.id)
    const movedRecord = records.find((r) => r.id === moved.id)
    if (!targetRecord || !movedRecord) throw new Error('cards not in the doc')
    writeDocRecords(c.doc, {
      records: [
        { ...movedRecord, x: targetRecord.x, y: Number(targetRecord.y) + 5, parentId: targetRecord.parentId },
      ],
      schema: null,
    })
    const watcher = connectClient(srv.wsUrl, board, 'participant')
    clients.push(watcher)
    await whenDoc(
      watcher.doc,
      () => readDocRecords(watcher.doc).records.find((r) => r.id === moved.id)?.x === targetRecord.x,
    )

    // The live concept now differs from version 1; version 1 still reads as frozen.
    const toConcept = (await (await call(board, 'participant', 'GET', 'versions/compare?from=1')).json()) as {
      changes: { kind: string; text: string }[]
    }
    const name = moved.props.name
    const line = toConcept.changes.find((x) => x.kind === 'waarde-klasse')?.text ?? ''
    expect(line.startsWith(name)).toBe(true)
    expect(line.slice(name.length)).toMatch(/^: [a-z ]+ → [a-z ]+$/)

    expect((await call(board, 'facilitator', 'POST', 'versions', {})).status).toBe(201)
    const list = (await (await call(board, 'participant', 'GET', 'versions')).json()) as { number: number }[]
    expect(list.map((v) => v.number)).toEqual([1, 2])
    const compared = (await (
      await call(board, 'participant', 'GET', 'versions/compare?from=1&to=2')
    ).json()) as {
      summary: string
      changes: { kind: string; text: string }[]
    }
    expect(compared.changes.map((x) => x.text)).toContain(line)
    expect(compared.summary).toMatch(/^1 waarde van klasse veranderd/)
    const same = (await (
      await call(board, 'participant', 'GET', 'versions/compare?from=2&to=concept')
    ).json()) as {
      changes: unknown[]
    }
    expect(same.changes).toEqual([])
  })

  it('[VS2] a participant signs from their own link and device; the signature is in the document, the JSON and the history; one per device', async () => {
    const board = await importBoard()
    expect((await call(board, 'facilitator', 'POST', 'versions', {})).status).toBe(201)
    const key = await deviceKey(board)
    const signed = await sign(board, 'participant', 1, key, signer)
    expect(signed.status).toBe(201)
    expect(await signed.json()).toMatchObject({ ...signer, partij: signer.organisation, zelfstandig: false })
    // The same device again: refused; another device of the same link signs as another person.
    const again = await sign(board, 'participant', 1, key, { ...signer, name: 'Iemand anders' })
    expect(again.status).toBe(409)
    expect(await codeOf(again)).toBe('ALREADY_SIGNED')

    const detail = (await (
      await call(board, 'participant', 'GET', 'versions/1', undefined, { 'x-participant-key': key })
    ).json()) as VersionDetail
    expect(detail.signedByMe).toBe(true)
    expect(detail.signatureList).toHaveLength(1)
    expect(detail.history.map((e) => e.kind)).toEqual(['bevroren', 'ondertekend'])
    expect(detail.history[1]?.text).toBe('Getekend door Anna de Vries (GGD Hollands Noorden)')

    // An independent party (bewoners / sociaal domein, as part F of the frozen programme says) signs from another device.
    const independent = detail.beoogd.find((b) => b.zelfstandig)
    if (!independent) throw new Error('the example board names independent signatories in part F')
    const other = await deviceKey(board)
    const res = await sign(board, 'participant', 1, other, {
      name: 'Piet Bakker',
      organisation: 'Bewonersraad',
      mandate: 'voorzitter',
      partij: independent.name,
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { zelfstandig: boolean }).zelfstandig).toBe(true)

    const md = await (await call(board, 'participant', 'GET', 'versions/1/document?format=md')).text()
    expect(md).toContain('**Versie:** versie 1')
    expect(md).toContain('**Status:** ter vaststelling')
    expect(md).toContain('## Intentieverklaring')
    expect(md).toContain('borging tot na oplevering')
    expect(md).toMatch(
      /\| Anna de Vries \| GGD Hollands Noorden \| GGD Hollands Noorden \| directeur publieke gezondheid \| \d{4}-\d{2}-\d{2} \|/,
    )
    const json = (await (
      await call(board, 'participant', 'GET', 'versions/1/document?format=json')
    ).json()) as {
      F: { ondertekenaars: { name: string; zelfstandig: boolean }[] }
      kwaliteitstoets: { code: string }[]
    }
    expect(json.F.ondertekenaars.map((o) => o.name)).toContain('Anna de Vries (GGD Hollands Noorden)')
    // The check on independent signatories reads the real signatures.
    const codes = json.kwaliteitstoets.map((f) => f.code)
    expect(codes).not.toContain('PVW-F-SIGNATORIES-NOT-INDEPENDENT')
    expect(codes).not.toContain('PVW-F-NO-SIGNATORIES')
    const pdf = await call(board, 'participant', 'GET', 'versions/1/document?format=pdf')
    expect(pdf.headers.get('content-disposition')).toContain('versie 1')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('[VS3] an observer can neither freeze, sign nor read versions; a participant can neither freeze nor adopt', async () => {
    const board = await importBoard()
    for (const role of ['participant', 'observer'] as const) {
      const res = await call(board, role, 'POST', 'versions', {})
      expect(res.status).toBe(403)
      expect(await codeOf(res)).toBe('FORBIDDEN')
    }
    expect((await call(board, 'facilitator', 'POST', 'versions', {})).status).toBe(201)
    const key = await deviceKey(board)
    const observerSigns = await sign(board, 'observer', 1, key, signer)
    expect(observerSigns.status).toBe(403)
    expect(await codeOf(observerSigns)).toBe('FORBIDDEN')
    expect((await call(board, 'observer', 'GET', 'versions')).status).toBe(403)
    const adopt = await call(board, 'participant', 'POST', 'versions/1/vaststelling', {
      datum: '2026-12-08',
      orgaan: 'college',
    })
    expect(adopt.status).toBe(403)
    const list = (await (await call(board, 'facilitator', 'GET', 'versions')).json()) as {
      signatures: number
    }[]
    expect(list[0]?.signatures).toBe(0)
  })

  it('[VS4] bad input is refused with its code, never a crash', async () => {
    const board = await importBoard()
    expect((await call(board, 'facilitator', 'POST', 'versions', {})).status).toBe(201)
    const key = await deviceKey(board)
    const cases: [Promise<Response>, number, string][] = [
      [sign(board, 'participant', 1, null, signer), 400, 'PARTICIPANT_KEY_REQUIRED'],
      [sign(board, 'participant', 1, 'ABCDEFGHJKMNPQRSTUVWXYZ234', signer), 403, 'PARTICIPANT_KEY_UNKNOWN'],
      [sign(board, 'participant', 1, key, { ...signer, name: '' }), 400, 'INVALID_BODY'],
      [sign(board, 'participant', 1, key, { ...signer, mandate: 'x'.repeat(301) }), 400, 'INVALID_BODY'],
      [sign(board, 'participant', 1, key, 'not an object'), 400, 'INVALID_BODY'],
      [sign(board, 'participant', 7, key, signer), 404, 'VERSION_NOT_FOUND'],
      [call(board, 'participant', 'GET', 'versions/abc'), 404, 'VERSION_NOT_FOUND'],
      [call(board, 'participant', 'GET', 'versions/0'), 404, 'VERSION_NOT_FOUND'],
      [call(board, 'participant', 'GET', 'versions/compare'), 400, 'BAD_REQUEST'],
      [call(board, 'participant', 'GET', 'versions/compare?from=x'), 404, 'VERSION_NOT_FOUND'],
      [call(board, 'participant', 'GET', 'versions/1/document?format=exe'), 400, 'BAD_REQUEST'],
      [
        call(board, 'facilitator', 'POST', 'versions/1/vaststelling', { datum: 'morgen', orgaan: 'college' }),
        400,
        'INVALID_BODY',
      ],
      [
        call(board, 'facilitator', 'POST', 'versions/1/vaststelling', {
          datum: '2026-12-08',
          orgaan: 'raad',
        }),
        400,
        'INVALID_BODY',
      ],
      [
        call(board, 'facilitator', 'POST', 'versions/1/vaststelling', {
          datum: '2026-12-08',
          orgaan: 'anders',
        }),
        400,
        'INVALID_BODY',
      ],
      [
        call(board, 'facilitator', 'POST', 'versions', { intentieverklaring: 'x'.repeat(9000) }),
        400,
        'INVALID_BODY',
      ],
      [call(board, 'facilitator', 'GET', 'versions/1/archief'), 409, 'CONFLICT'],
    ]
    for (const [request, status, code] of cases) {
      const res = await request
      expect([res.status, await codeOf(res)]).toEqual([status, code])
    }
    // Nothing of that was stored.
    const detail = (await (await call(board, 'participant', 'GET', 'versions/1')).json()) as VersionDetail
    expect([detail.signatures, detail.history.length, detail.status]).toEqual([0, 1, 'ter vaststelling'])
  })

  it('[VS5] vastgesteld is final: the date and body are recorded, no more signatures, and the Woo/Archiefwet export holds the history and the PDF', async () => {
    const board = await importBoard()
    expect((await call(board, 'facilitator', 'POST', 'versions', {})).status).toBe(201)
    expect(
      (await call(board, 'facilitator', 'POST', 'versions', { intentieverklaring: 'Wij verbinden ons.' }))
        .status,
    ).toBe(201)
    const key = await deviceKey(board)
    expect((await sign(board, 'participant', 1, key, signer)).status).toBe(201)
    const adopted = await call(board, 'facilitator', 'POST', 'versions/1/vaststelling', {
      datum: '2026-12-08',
      orgaan: 'anders',
      orgaanNaam: 'Gemeenteraad',
    })
    expect(adopted.status).toBe(200)
    expect(await adopted.json()).toMatchObject({
      number: 1,
      status: 'vastgesteld',
      vaststelling: { datum: '2026-12-08', orgaan: 'anders', orgaanNaam: 'Gemeenteraad' },
      signatures: 1,
    })
    const twice = await call(board, 'facilitator', 'POST', 'versions/1/vaststelling', {
      datum: '2026-12-09',
      orgaan: 'college',
    })
    expect([twice.status, await codeOf(twice)]).toEqual([409, 'VERSION_CLOSED'])
    const late = await sign(board, 'participant', 1, await deviceKey(board), { ...signer, name: 'Te laat' })
    expect([late.status, await codeOf(late)]).toEqual([409, 'VERSION_CLOSED'])

    const md = await (await call(board, 'participant', 'GET', 'versions/1/document?format=md')).text()
    expect(md).toContain('**Status:** vastgesteld')
    expect(md).toContain('Vastgesteld op 2026-12-08 door Gemeenteraad.')
    const own = await (await call(board, 'participant', 'GET', 'versions/2/document?format=md')).text()
    expect(own).toContain('Wij verbinden ons.')

    const archive = await call(board, 'facilitator', 'GET', 'versions/1/archief')
    expect(archive.status).toBe(200)
    expect(archive.headers.get('content-disposition')).toContain('archief.json')
    const record = (await archive.json()) as {
      versie: { status: string; signatures: { name: string }[]; history: { kind: string }[] }
      versies: { number: number; history: { kind: string }[] }[]
      document: { contentType: string; sha256: string; base64: string; bytes: number }
    }
    expect(record.versie.status).toBe('vastgesteld')
    expect(record.versie.signatures.map((s) => s.name)).toEqual(['Anna de Vries'])
    expect(record.versie.history.map((e) => e.kind)).toEqual(['bevroren', 'ondertekend', 'vastgesteld'])
    expect(record.versies.map((v) => [v.number, v.history.map((e) => e.kind)])).toEqual([
      [1, ['bevroren', 'ondertekend', 'vastgesteld']],
      [2, ['bevroren']],
    ])
    const pdf = Buffer.from(record.document.base64, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.byteLength).toBe(record.document.bytes)
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(record.document.sha256)
    expect(JSON.stringify(record)).not.toContain('keyHash')
  })
})
