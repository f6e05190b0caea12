import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocSchema } from './docSchema.ts'
import { ensureBoardInitialised } from './ensureBoardInitialised.ts'
import { cardSchemaV1, cardSchemaV2, getCard, makeCard } from './testing/cardSchemas.ts'
import { createPeer, sync } from './testing/createPeer.ts'
import { RECORDS_MAP_NAME, SCHEMA_MAP_NAME } from './yMapNames.ts'

function oldAndNewClients() {
  const old = createPeer({ clientId: 1, schema: cardSchemaV1 })
  ensureBoardInitialised(old.doc, old.store)
  old.store.put([makeCard('c', { title: 'hello' })])
  const fresh = createPeer({ clientId: 2, schema: cardSchemaV2 })
  sync(old, fresh)
  return { old, fresh }
}

describe('migrations', () => {
  it('writes our serialized schema into the doc', () => {
    const { old } = oldAndNewClients()
    expect(readDocSchema(old.doc.getMap(SCHEMA_MAP_NAME))).toEqual(cardSchemaV1.serialize())
  })

  it('migrates records written with an older schema up before putting them into the store', () => {
    const { old, fresh } = oldAndNewClients()
    expect(fresh.binding.getDocSchemaStatus()).toBe('older')
    expect(getCard(fresh.store, 'c')?.props).toEqual({ label: 'hello' })
    // Later edits by the old client are migrated too.
    old.store.put([makeCard('c', { title: 'bye' })])
    sync(old, fresh)
    expect(getCard(fresh.store, 'c')?.props).toEqual({ label: 'bye' })
    expect(fresh.reports).toEqual([])
  })

  it('upgrades the doc before its first write, and the old client then sets records aside', () => {
    const { old, fresh } = oldAndNewClients()
    const card = getCard(fresh.store, 'c')
    fresh.store.put([{ ...(card as object), x: 50 } as never])
    const stored = fresh.doc.getMap(RECORDS_MAP_NAME).get('shape:c') as Y.Map<unknown>
    expect((stored.get('props') as Y.Map<unknown>).toJSON()).toEqual({ label: 'hello' })
    expect(readDocSchema(fresh.doc.getMap(SCHEMA_MAP_NAME))).toEqual(cardSchemaV2.serialize())
    expect(fresh.binding.getDocSchemaStatus()).toBe('same')

    sync(old, fresh)
    expect(old.binding.getDocSchemaStatus()).toBe('newer')
    expect(old.reports.some((r) => r.id === 'shape:c' && r.reason === 'newer-schema')).toBe(true)
    // The old client keeps its last valid copy and does not write its outdated format into the doc.
    expect(getCard(old.store, 'c')).toMatchObject({ x: 0, props: { title: 'hello' } })
    old.store.put([makeCard('c', { title: 'overwrite' })])
    sync(old, fresh)
    expect(getCard(fresh.store, 'c')?.props).toEqual({ label: 'hello' })
  })

  it('undo does not revert a schema upgrade', () => {
    const { fresh } = oldAndNewClients()
    fresh.store.put([{ ...(getCard(fresh.store, 'c') as object), x: 50 } as never])
    fresh.binding.undo()
    expect(getCard(fresh.store, 'c')).toMatchObject({ x: 0, props: { label: 'hello' } })
    expect(readDocSchema(fresh.doc.getMap(SCHEMA_MAP_NAME))).toEqual(cardSchemaV2.serialize())
  })

  it('loads a doc from a newer schema as set aside, without throwing', () => {
    const newer = createPeer({ clientId: 1, schema: cardSchemaV2 })
    ensureBoardInitialised(newer.doc, newer.store)
    newer.store.put([makeCard('c', { label: 'x' })])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer.doc))
    const old = createPeer({ clientId: 2, schema: cardSchemaV1, doc })
    expect(old.binding.getDocSchemaStatus()).toBe('newer')
    expect(old.binding.getInvalidRecords().map((r) => r.reason)).toContain('newer-schema')
    expect(getCard(old.store, 'c')).toBeUndefined()
  })
})
