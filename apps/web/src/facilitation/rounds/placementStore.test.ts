import { describe, expect, it } from 'vitest'
import { mergePlacements } from './placementStore.ts'

describe('merging placements from two devices', () => {
  it('keeps the latest choice per value and says when the server lacks ours', () => {
    const remote = [
      { valueId: 'a', klasse: 'sturend' as const, twijfel: false, at: 10 },
      { valueId: 'b', klasse: 'meekoppelen' as const, twijfel: false, at: 30 },
    ]
    const local = [
      { valueId: 'a', klasse: 'vinger-aan-de-pols' as const, twijfel: true, at: 20 },
      { valueId: 'b', klasse: 'sturend' as const, twijfel: false, at: 5 },
    ]
    const { merged, serverBehind } = mergePlacements(local, remote)
    expect(serverBehind).toBe(true)
    expect(merged.find((p) => p.valueId === 'a')?.klasse).toBe('vinger-aan-de-pols')
    expect(merged.find((p) => p.valueId === 'b')?.klasse).toBe('meekoppelen')
  })
  it('is not behind when the server already has everything', () => {
    const same = [{ valueId: 'a', klasse: 'sturend' as const, twijfel: false, at: 10 }]
    expect(mergePlacements(same, same).serverBehind).toBe(false)
    expect(mergePlacements([], same).merged).toEqual(same)
  })
})
