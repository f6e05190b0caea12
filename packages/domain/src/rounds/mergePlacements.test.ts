import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareCodeUnits, mergePlacements } from './mergePlacements.ts'
import { ROUND_CLASSES, type RoundPlacement } from './RoundPlacement.ts'

const HOUR = 3_600_000
const MONDAY = Date.UTC(2026, 8, 7)
const at = (day: number, hour: number) => MONDAY + day * 24 * HOUR + hour * HOUR

const place = (
  valueId: string,
  klasse: RoundPlacement['klasse'],
  when: number,
  participantKey = 'anna-0001',
  twijfel = false,
): RoundPlacement => ({ participantKey, valueId, klasse, twijfel, at: when })

describe('mergePlacements', () => {
  it('keeps the latest placement per participant and value', () => {
    const merged = mergePlacements(
      [place('v:a', 'sturend', 10), place('v:b', 'sturend', 10)],
      [place('v:a', 'meekoppelen', 20), place('v:b', 'vinger-aan-de-pols', 5)],
    )
    expect(merged).toEqual([place('v:a', 'meekoppelen', 20), place('v:b', 'sturend', 10)])
  })

  it('[R1] keeps the placement already held when `at` ties, also within one batch', () => {
    expect(mergePlacements([place('v:a', 'sturend', 10)], [place('v:a', 'meekoppelen', 10)])).toEqual([
      place('v:a', 'sturend', 10),
    ])
    expect(mergePlacements([], [place('v:a', 'sturend', 10), place('v:a', 'meekoppelen', 10)])).toEqual([
      place('v:a', 'sturend', 10),
    ])
  })

  it('keeps participants apart, carries extra fields and sorts by participant then value', () => {
    const withName = (p: RoundPlacement, name: string) => ({ ...p, name })
    const merged = mergePlacements(
      [withName(place('v:b', 'sturend', 1, 'bram-0002'), 'Bram')],
      [
        withName(place('v:b', 'meekoppelen', 2, 'anna-0001'), 'Anna'),
        withName(place('v:a', 'sturend', 3, 'bram-0002'), 'Bram'),
      ],
    )
    expect(merged.map((p) => [p.participantKey, p.valueId, p.klasse, p.name])).toEqual([
      ['anna-0001', 'v:b', 'meekoppelen', 'Anna'],
      ['bram-0002', 'v:a', 'sturend', 'Bram'],
      ['bram-0002', 'v:b', 'sturend', 'Bram'],
    ])
  })

  it('ends with the latest choice per value when a participant works over days on a laptop and a phone', () => {
    let server: RoundPlacement[] = []
    const deliver = (batch: RoundPlacement[]) => {
      server = mergePlacements(server, batch)
    }
    // Monday morning, laptop online.
    deliver([place('v:a', 'sturend', at(0, 9)), place('v:b', 'meekoppelen', at(0, 9))])
    // Monday evening, laptop offline: these wait in its queue.
    const laptopQueue = [
      place('v:c', 'vinger-aan-de-pols', at(0, 21)),
      place('v:a', 'meekoppelen', at(0, 21)),
    ]
    // Tuesday, phone online; the response is lost, so the phone will retry.
    const phoneBatch = [
      place('v:a', 'vinger-aan-de-pols', at(1, 8), 'anna-0001', true),
      place('v:c', 'sturend', at(1, 8)),
    ]
    deliver(phoneBatch)
    // Wednesday: the laptop reconnects and flushes its older queue; the phone retries.
    deliver(laptopQueue)
    deliver(phoneBatch)
    // Thursday, laptop again.
    deliver([place('v:b', 'sturend', at(3, 10))])
    expect(server).toEqual([
      place('v:a', 'vinger-aan-de-pols', at(1, 8), 'anna-0001', true),
      place('v:b', 'sturend', at(3, 10)),
      place('v:c', 'sturend', at(1, 8)),
    ])
  })
})

describe('mergePlacements, any delivery (property)', () => {
  // A placement history: a few participants, a few values, two devices, a week of timestamps. Timestamps are
  // distinct per participant and value; equal ones keep whatever arrived first (tested above).
  const history = fc.uniqueArray(
    fc.record({
      participantKey: fc.constantFrom('anna-0001', 'bram-0002', 'cem-00003'),
      valueId: fc.constantFrom('v:a', 'v:b', 'v:c', 'v:d'),
      klasse: fc.constantFrom(...ROUND_CLASSES),
      twijfel: fc.boolean(),
      at: fc.integer({ min: MONDAY, max: at(7, 0) }),
      device: fc.constantFrom('laptop', 'telefoon'),
    }),
    { selector: (p) => `${p.participantKey} ${p.valueId} ${p.at}`, maxLength: 40 },
  )

  // Arrival: every placement at least once, some again (retries), in any order, cut into batches wherever a
  // device dropped its connection.
  const delivery = history.chain((events) =>
    fc.subarray(events).chain((retries) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray([...events, ...retries], {
          minLength: events.length + retries.length,
          maxLength: events.length + retries.length,
        }),
        fc.array(fc.boolean(), {
          minLength: events.length + retries.length,
          maxLength: events.length + retries.length,
        }),
      ),
    ),
  )

  type Event = RoundPlacement & { device: string }

  function deliverAll(arrivals: readonly Event[], cuts: readonly boolean[]): Event[] {
    let state: Event[] = []
    let batch: Event[] = []
    arrivals.forEach((p, i) => {
      batch.push(p)
      if (cuts[i] || i === arrivals.length - 1) {
        state = mergePlacements(state, batch)
        batch = []
      }
    })
    return state
  }

  it('[R1] ends with the latest placement per participant and value, whatever the order, retries or batches', () => {
    fc.assert(
      fc.property(delivery, ([events, arrivals, cuts]) => {
        const latest = new Map<string, Event>()
        for (const e of events) {
          const key = JSON.stringify([e.participantKey, e.valueId])
          if ((latest.get(key)?.at ?? -1) < e.at) latest.set(key, e)
        }
        const expected = [...latest.values()].sort(
          (a, b) =>
            compareCodeUnits(a.participantKey, b.participantKey) || compareCodeUnits(a.valueId, b.valueId),
        )
        expect(deliverAll(arrivals, cuts)).toEqual(expected)
        expect(deliverAll(events, [])).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('is idempotent: merging the result with itself changes nothing', () => {
    fc.assert(
      fc.property(history, (events) => {
        const once = mergePlacements([], events)
        expect(mergePlacements(once, once)).toEqual(once)
        expect(mergePlacements(once, events)).toEqual(once)
      }),
    )
  })
})
