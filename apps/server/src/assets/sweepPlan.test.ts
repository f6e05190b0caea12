import { describe, expect, it } from 'vitest'
import type { AssetMeta } from '../storage/ports/AssetStore.ts'
import { referencedAssetIds, sweepPlan } from './sweepPlan.ts'

const id = (c: string) => c.repeat(32)
const asset = (c: string, unreferencedSince: number | null): AssetMeta => ({
  id: id(c),
  boardId: 'b',
  contentType: 'image/png',
  bytes: 1,
  thumbBytes: 1,
  thumbType: 'image/webp',
  w: 1,
  h: 1,
  createdAt: 0,
  unreferencedSince,
})
const DAY = 86_400_000

describe('orphaned assets', () => {
  it('[AS7] finds the ids asset records name (src and meta), nothing from other records', () => {
    const records = [
      { typeName: 'asset', id: 'asset:1', props: { src: `/api/boards/b/assets/${id('a')}` }, meta: {} },
      {
        typeName: 'asset',
        id: 'asset:2',
        props: { src: null },
        meta: { pdf: `/api/boards/b/assets/${id('c')}` },
      },
      { typeName: 'shape', id: 'shape:1', props: { text: `/api/boards/b/assets/${id('d')}` } },
      { typeName: 'asset', id: 'asset:3', props: { src: `/api/boards/b/assets/${id('e')}0` } },
    ]
    expect([...referencedAssetIds(records)].sort()).toEqual([id('a'), id('c')])
  })

  it('[AS7] marks unnamed assets first, deletes them only after the grace period, and clears a mark when named again', () => {
    const assets = [
      asset('a', null),
      asset('b', null),
      asset('c', 10 * DAY),
      asset('d', 5 * DAY),
      asset('e', 9 * DAY),
    ]
    const plan = sweepPlan(assets, new Set([id('a'), id('e')]), 12 * DAY, 7 * DAY)
    expect(plan).toEqual({ mark: [id('b')], clear: [id('e')], remove: [id('d')] })
  })
})
