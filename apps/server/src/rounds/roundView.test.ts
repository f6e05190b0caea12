import type { Role, Round, RoundClass } from '@waardentafel/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StoredPlacement } from '../storage/BoardStorage.ts'
import { roundView } from './roundView.ts'

const VALUES = ['shape:v1', 'shape:v2', 'shape:v3']
const round = (over: Partial<Round> = {}): Round => ({
  id: 'r1',
  title: 'Ronde',
  deadline: null,
  anonymous: false,
  visibleBeforeClose: false,
  prioriteringId: null,
  status: 'open',
  openedAt: 0,
  closedAt: null,
  adoption: null,
  ...over,
})
const row = (
  key: string,
  valueId: string,
  klasse: RoundClass,
  at: number,
  name = `Naam ${key}`,
): StoredPlacement => ({
  participantKey: key,
  valueId,
  klasse,
  twijfel: false,
  at,
  name,
  organisation: `Org ${key}`,
})

const stored = [row('k1', 'shape:v1', 'sturend', 1), row('k2', 'shape:v1', 'meekoppelen', 2)]

describe('roundView: what each asker may see of a round', () => {
  it('a participant of an open round sees progress with names, its own placements, and no results or ballots', () => {
    const view = roundView(round(), VALUES, stored, { role: 'participant', keyHash: 'k1' })
    expect(view.progress.map((p) => p.name)).toEqual(['Naam k1', 'Naam k2'])
    expect(view.mine).toEqual([{ valueId: 'shape:v1', klasse: 'sturend', twijfel: false, at: 1 }])
    expect(view.results).toBeNull()
    expect(view.toDiscuss).toBeNull()
    expect(view.ballots).toBeNull()
  })

  it('the facilitator of a named round sees results and each ballot; of an anonymous one, results only', () => {
    const named = roundView(round(), VALUES, stored, { role: 'facilitator', keyHash: null })
    expect(named.results).not.toBeNull()
    expect(named.ballots?.map((b) => b.name)).toEqual(['Naam k1', 'Naam k2'])
    const anonymous = roundView(round({ anonymous: true }), VALUES, stored, {
      role: 'facilitator',
      keyHash: null,
    })
    expect(anonymous.results).not.toBeNull()
    expect(anonymous.ballots).toBeNull()
    expect(anonymous.progress.every((p) => p.name === null && p.organisation === null)).toBe(true)
  })

  it('results show to everyone once the round is closed, or before when the facilitator allowed it', () => {
    expect(
      roundView(round({ status: 'closed' }), VALUES, stored, { role: 'observer', keyHash: null }).results,
    ).not.toBeNull()
    expect(
      roundView(round({ visibleBeforeClose: true }), VALUES, stored, { role: 'participant', keyHash: null })
        .results,
    ).not.toBeNull()
  })

  it('a person is named as they gave their name last', () => {
    const renamed = [...stored, row('k1', 'shape:v2', 'sturend', 9, 'Nieuwe naam')]
    const view = roundView(round(), VALUES, renamed, { role: 'facilitator', keyHash: null })
    expect(view.progress[0]?.name).toBe('Nieuwe naam')
  })

  it('property: nobody but the facilitator of a named round gets another person’s placement or name in an anonymous round', () => {
    const klasse = fc.constantFrom<RoundClass>('sturend', 'meekoppelen', 'vinger-aan-de-pols')
    const rows = fc.array(
      fc.record({
        key: fc.constantFrom('k1', 'k2', 'k3'),
        valueId: fc.constantFrom(...VALUES, 'shape:gone'),
        klasse,
        at: fc.nat(20),
      }),
      { maxLength: 12 },
    )
    const role = fc.constantFrom<Role>('facilitator', 'participant', 'observer')
    fc.assert(
      fc.property(
        rows,
        role,
        fc.option(fc.constantFrom('k1', 'k2', 'k3')),
        fc.boolean(),
        fc.boolean(),
        (rs, r, keyHash, anonymous, closed) => {
          const placements = rs.map((x) => row(x.key, x.valueId, x.klasse, x.at))
          const view = roundView(
            round({ anonymous, status: closed ? 'closed' : 'open' }),
            VALUES,
            placements,
            {
              role: r,
              keyHash,
            },
          )
          const ownRows = placements.filter((p) => p.participantKey === keyHash).length
          expect(view.mine.length).toBeLessThanOrEqual(ownRows)
          if (keyHash === null) expect(view.mine).toEqual([])
          if (r !== 'facilitator' || anonymous) expect(view.ballots).toBeNull()
          if (anonymous)
            expect(view.progress.every((p) => p.name === null && p.organisation === null)).toBe(true)
          if (r !== 'facilitator' && !closed) expect(view.results).toBeNull()
        },
      ),
      { seed: 16, numRuns: 300 },
    )
  })
})
