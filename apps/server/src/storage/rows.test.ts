import { ROUND_CLASSES } from '@waardentafel/protocol'
import { describe, expect, it } from 'vitest'
import { placementRow } from './rows.ts'

const row = (klasse: unknown) => ({
  participant_key: 'k',
  value_id: 'shape:v',
  name: 'Anna',
  organisation: 'GGD',
  klasse,
  twijfel: 1,
  at: '42',
})

describe('placementRow', () => {
  it('reads a row of each round class as a typed placement', () => {
    for (const klasse of ROUND_CLASSES) {
      expect(placementRow(row(klasse), true)).toEqual({
        participantKey: 'k',
        valueId: 'shape:v',
        name: 'Anna',
        organisation: 'GGD',
        klasse,
        twijfel: true,
        at: 42,
      })
    }
  })

  it('reads a row of any other class as no placement', () => {
    for (const klasse of ['prioritair', 'Sturend', '', null, 3])
      expect(placementRow(row(klasse), false)).toBeNull()
  })
})
