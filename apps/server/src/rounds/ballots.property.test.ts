import type { Round, RoundClass } from '@waardentafel/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { SqliteBoardStorage } from '../storage/SqliteBoardStorage.ts'
import { hashParticipantKey, issueBallot } from './ballots.ts'
import { buildReport, submitPlacements } from './RoundService.ts'

const BOARD = 'board-prop'
const OTHER_BOARD = 'board-else'
const VALUES = ['shape:v1', 'shape:v2', 'shape:v3', 'shape:v4']
const LIMITS = { perBoard: 1000, perLinkAddress: 1000, windowMs: 3_600_000 }
const round = (anonymous: boolean): Round => ({
  id: 'r1',
  title: 'Ronde',
  deadline: null,
  anonymous,
  visibleBeforeClose: false,
  prioriteringId: null,
  status: 'open',
  openedAt: 0,
  closedAt: null,
  adoption: null,
})

const klasse = fc.constantFrom<RoundClass>('sturend', 'meekoppelen', 'vinger-aan-de-pols')
const placements = fc.array(
  fc.record({
    // Mostly values of the round, now and then one that is not (a card deleted meanwhile).
    valueId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VALUES) }, fc.constant('shape:gone')),
    klasse,
    twijfel: fc.boolean(),
    at: fc.integer({ min: 0, max: 50 }),
  }),
  { minLength: 1, maxLength: 6 },
)
/** Who sends a batch: a key the server issued here, or one it did not (made up, the stored hash, another board's). */
const sender = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('issued' as const), index: fc.nat() }) },
  fc.record({ kind: fc.constant('invented' as const), key: fc.stringMatching(/^[A-Z0-9]{8,40}$/) }),
  fc.record({ kind: fc.constant('hashOfIssued' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('otherBoard' as const) }),
)
const step = fc.oneof(
  fc.record({ op: fc.constant('issue' as const) }),
  fc.record({ op: fc.constant('place' as const), from: sender, placements }),
)

type Latest = Map<string, Map<string, { klasse: RoundClass; at: number }>>

describe('ballots of a prioritising round', () => {
  it('[Q7] random placements from issued and invented keys: an invented key never counts in the aggregate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (steps, anonymous) => {
          const storage = new SqliteBoardStorage(':memory:')
          try {
            const issued: string[] = []
            const foreign = await issueBallot(storage, OTHER_BOARD, 'link', 0, LIMITS)
            if (!('key' in foreign)) throw new Error('no key for the other board')
            // The model: per issued key and value, the latest placement (the first one kept on equal `at`).
            const latest: Latest = new Map()
            let now = 1
            for (const s of steps) {
              if (s.op === 'issue') {
                const result = await issueBallot(storage, BOARD, `link-${issued.length % 3}`, now++, LIMITS)
                if (!('key' in result)) throw new Error('issuing failed')
                issued.push(result.key)
                continue
              }
              const key = senderKey(s.from, issued, foreign.key)
              const request = {
                participant: { key, name: 'Stemmer', organisation: '' },
                placements: s.placements,
              }
              const valid = issued.includes(key)
              const sent = submitPlacements(storage, BOARD, round(anonymous), VALUES, request)
              if (!valid) {
                await expect(sent).rejects.toMatchObject({ code: 'PARTICIPANT_KEY_UNKNOWN' })
                continue
              }
              await sent
              const mine = latest.get(key) ?? new Map()
              latest.set(key, mine)
              for (const p of s.placements) {
                const held = mine.get(p.valueId)
                if (VALUES.includes(p.valueId) && (!held || p.at > held.at)) mine.set(p.valueId, p)
              }
            }

            const report = await buildReport(storage, BOARD, round(anonymous), VALUES, {
              role: 'facilitator',
              key: null,
            })
            const voters = [...latest.values()].filter((perValue) => perValue.size > 0)
            expect(report.progress).toHaveLength(voters.length)
            for (const result of report.results ?? []) {
              const expected = { sturend: 0, meekoppelen: 0, 'vinger-aan-de-pols': 0 }
              for (const perValue of voters) {
                const p = perValue.get(result.valueId)
                if (p) expected[p.klasse] += 1
              }
              expect(result.counts).toEqual(expected)
            }
            // Stored rows all belong to issued keys; none is a key in the clear.
            const hashes = new Set(issued.map(hashParticipantKey))
            for (const row of await storage.listPlacements(BOARD, 'r1')) {
              expect(hashes.has(row.participantKey)).toBe(true)
            }
            // Only an issued key reads its own placements back; the facilitator sees each ballot only when named.
            expect(report.ballots === null).toBe(anonymous)
            for (const key of issued) {
              const own = await buildReport(storage, BOARD, round(anonymous), VALUES, {
                role: 'participant',
                key,
              })
              expect(own.mine.map((p) => p.valueId).sort()).toEqual(
                [...(latest.get(key)?.keys() ?? [])].sort(),
              )
            }
            await expect(
              buildReport(storage, BOARD, round(anonymous), VALUES, {
                role: 'participant',
                key: foreign.key,
              }),
            ).rejects.toBeInstanceOf(AppError)
          } finally {
            await storage.close()
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

function senderKey(
  from:
    | { kind: 'issued' | 'hashOfIssued'; index: number }
    | { kind: 'invented'; key: string }
    | { kind: 'otherBoard' },
  issued: readonly string[],
  foreign: string,
): string {
  switch (from.kind) {
    case 'issued':
      return issued.length > 0 ? issued[from.index % issued.length]! : 'NOGGEENSLEUTEL'
    case 'hashOfIssued':
      // Someone who read the database: the stored hash is not the key.
      return issued.length > 0
        ? hashParticipantKey(issued[from.index % issued.length]!).slice(0, 64)
        : 'GEENHASH'
    case 'invented':
      return from.key
    case 'otherBoard':
      return foreign
  }
}
