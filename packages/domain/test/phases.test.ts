import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../src/board/readBoard.ts'
import { movePhase, planPhaseMove, replayPhaseMoves } from '../src/phases/movePhase.ts'
import { phaseFactsOf } from '../src/phases/phaseFactsOf.ts'
import type { PhaseFacts } from '../src/phases/phaseRequirements.ts'
import {
  AREA_PHASES,
  INITIAL_PHASE_STATE,
  METHOD_PHASES,
  type PhaseMove,
  type PhaseState,
} from '../src/phases/phases.ts'
import { loadFixture } from './support/loadFixture.ts'
import { spineBoard } from './support/spineBoard.ts'

const AT = '2026-12-07T10:00:00.000Z'
const BY = 'Procesbegeleider'

const READY: PhaseFacts = {
  sturendeWaarden: 2,
  kompasCompleet: true,
  spanningen: 1,
  ongewogenSpanningen: 0,
  waardenMetFeiten: 2,
  fouten: 0,
  legeDelen: [],
  ondertekenaars: 2,
  kernindicatoren: 3,
  kernindicatorenMetNulmeting: 1,
}
const NOTHING: PhaseFacts = {
  sturendeWaarden: 0,
  kompasCompleet: false,
  spanningen: 0,
  ongewogenSpanningen: 0,
  waardenMetFeiten: 0,
  fouten: 2,
  legeDelen: ['A', 'B', 'C', 'D', 'E', 'F'],
  ondertekenaars: 0,
  kernindicatoren: 0,
  kernindicatorenMetNulmeting: 0,
}

function factsOf(snapshot: unknown) {
  const read = readBoard(snapshot)
  if (!read.ok) throw new Error('not a board')
  return phaseFactsOf(read.board)
}

const at = (methode: PhaseState['methode'], gebied: PhaseState['gebied'] = 'initiatief'): PhaseState => ({
  methode,
  gebied,
})

describe('phases and their moves', () => {
  it('[PH1] moves one step forward when what the step requires is on the board, and records from, to, at and by', () => {
    const result = movePhase(
      INITIAL_PHASE_STATE,
      { axis: 'methode', to: 'kansenanalyse', at: AT, by: BY },
      READY,
    )
    expect(result).toEqual({
      ok: true,
      state: { methode: 'kansenanalyse', gebied: 'initiatief' },
      move: { axis: 'methode', from: 'quickscan', to: 'kansenanalyse', at: AT, by: BY },
    })
    const refused = movePhase(
      at('kansenanalyse'),
      { axis: 'methode', to: 'programma', at: AT, by: BY },
      NOTHING,
    )
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('PHASE-REQUIREMENTS-UNMET')
    expect(refused.error.unmet.map((r) => r.code)).toEqual(['REQ-KOMPAS', 'REQ-SPANNINGEN', 'REQ-FEITEN'])
    expect(refused.error.message.nl).toMatch(/^Nog niet klaar voor Programma van Waarden: /)
    const plan = planPhaseMove(at('kansenanalyse'), { axis: 'methode', to: 'programma' }, READY)
    expect(plan.requirements.every((r) => r.met && r.bron.startsWith('H3'))).toBe(true)
  })

  it('[PH2] refuses to skip a phase, to stay where it is, and a malformed move, without throwing', () => {
    const skip = movePhase(INITIAL_PHASE_STATE, { axis: 'methode', to: 'programma', at: AT, by: BY }, READY)
    expect(skip.ok || skip.error.code).toBe('PHASE-SKIP')
    expect(skip.ok || skip.error.message.nl).toBe(
      'Een fase overslaan kan niet; de volgende fase is Kansenanalyse.',
    )
    const areaSkip = movePhase(at('vastgesteld'), { axis: 'gebied', to: 'realisatie', at: AT, by: BY }, READY)
    expect(areaSkip.ok || areaSkip.error.message.nl).toBe(
      'Een fase overslaan kan niet; de volgende fase is Planvorming.',
    )
    const same = movePhase(INITIAL_PHASE_STATE, { axis: 'methode', to: 'quickscan', at: AT, by: BY }, READY)
    expect(same.ok || same.error.code).toBe('PHASE-SAME')
    const noTime = movePhase(
      INITIAL_PHASE_STATE,
      { axis: 'methode', to: 'kansenanalyse', at: 'gisteren', by: BY },
      READY,
    )
    expect(noTime.ok || noTime.error.code).toBe('PHASE-MOVE-INVALID')
    const nobody = movePhase(
      INITIAL_PHASE_STATE,
      { axis: 'methode', to: 'kansenanalyse', at: AT, by: '  ' },
      READY,
    )
    expect(nobody.ok || nobody.error.code).toBe('PHASE-MOVE-INVALID')
    const bogus = movePhase(
      INITIAL_PHASE_STATE,
      { axis: 'methode', to: 'klaar' as never, at: AT, by: BY },
      READY,
    )
    expect(bogus.ok || bogus.error.code).toBe('PHASE-MOVE-INVALID')
  })

  it('[PH3] moves back any number of steps, with a reason; the area goes past initiatief only once adopted', () => {
    const noReason = movePhase(
      at('vastgesteld'),
      { axis: 'methode', to: 'kansenanalyse', at: AT, by: BY },
      NOTHING,
    )
    expect(noReason.ok || noReason.error.code).toBe('PHASE-REASON-REQUIRED')
    const back = movePhase(
      at('vastgesteld'),
      { axis: 'methode', to: 'kansenanalyse', at: AT, by: BY, reason: 'Nieuwe wethouder, nieuwe kansen' },
      NOTHING,
    )
    expect(back.ok && back.move).toMatchObject({
      from: 'vastgesteld',
      to: 'kansenanalyse',
      reason: 'Nieuwe wethouder, nieuwe kansen',
    })
    const early = movePhase(at('programma'), { axis: 'gebied', to: 'planvorming', at: AT, by: BY }, READY)
    expect(early.ok || early.error.code).toBe('PHASE-AREA-BEFORE-ADOPTION')
    const onward = movePhase(
      at('vastgesteld'),
      { axis: 'gebied', to: 'planvorming', at: AT, by: BY },
      NOTHING,
    )
    expect(onward.ok && onward.state).toEqual({ methode: 'vastgesteld', gebied: 'planvorming' })
    const behind = movePhase(
      at('doorwerking', 'realisatie'),
      { axis: 'methode', to: 'programma', at: AT, by: BY, reason: 'herzien' },
      READY,
    )
    expect(behind.ok || behind.error.code).toBe('PHASE-METHOD-BEHIND-AREA')
  })

  it('[PH4] goes to vastgesteld only from a complete Programma van Waarden, read from the board', () => {
    const empty = factsOf(loadFixture('leeg-bord'))
    const refused = movePhase(at('programma'), { axis: 'methode', to: 'vastgesteld', at: AT, by: BY }, empty)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.unmet.map((r) => r.code)).toEqual([
      'REQ-DELEN-COMPLEET',
      'REQ-GEEN-FOUTEN',
      'REQ-SPANNINGEN-GEWOGEN',
      'REQ-ONDERTEKENAARS',
      'REQ-KERNINDICATOREN',
    ])
    expect(refused.error.unmet[0]!.message.nl).toBe('onderdeel A, B, C, D, E, F is nog leeg')

    const complete = factsOf(spineBoard())
    expect(complete).toMatchObject({ fouten: 0, legeDelen: [], ondertekenaars: 2, waardenMetFeiten: 1 })
    const adopted = movePhase(
      at('programma'),
      { axis: 'methode', to: 'vastgesteld', at: AT, by: BY },
      complete,
    )
    expect(adopted.ok && adopted.state.methode).toBe('vastgesteld')
    // Without tension the same board is refused for exactly that reason.
    const noTension = factsOf(spineBoard({ tension: false }))
    const plan = planPhaseMove(at('programma'), { axis: 'methode', to: 'vastgesteld' }, noTension)
    expect(plan.error?.unmet.map((r) => r.code)).toEqual(['REQ-SPANNINGEN-GEWOGEN'])
  })

  it('[PH5] any sequence of moves keeps the area behind adoption, and replaying what was recorded gives the same state', () => {
    const request = fc.oneof(
      fc.record({ axis: fc.constant('methode' as const), to: fc.constantFrom(...METHOD_PHASES) }),
      fc.record({ axis: fc.constant('gebied' as const), to: fc.constantFrom(...AREA_PHASES) }),
    )
    const step = fc.record({ request, reason: fc.constantFrom('', 'herzien'), ready: fc.boolean() })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = INITIAL_PHASE_STATE
        const recorded: PhaseMove[] = []
        for (const s of steps) {
          const result = movePhase(
            state,
            { ...s.request, at: AT, by: BY, reason: s.reason },
            s.ready ? READY : NOTHING,
          )
          if (!result.ok) continue
          expect(result.move.from).toBe(s.request.axis === 'methode' ? state.methode : state.gebied)
          state = result.state
          recorded.push(result.move)
          if (state.gebied !== 'initiatief') expect(['vastgesteld', 'doorwerking']).toContain(state.methode)
        }
        const replay = replayPhaseMoves(JSON.parse(JSON.stringify(recorded)))
        expect(replay.ok && replay.state).toEqual(state)
      }),
      { numRuns: 300, seed: 20 },
    )
  })

  it('[PH6] replaying refuses a broken or forged history by its index, and never throws on junk', () => {
    const first = { axis: 'methode', from: 'quickscan', to: 'kansenanalyse', at: AT, by: BY }
    expect(replayPhaseMoves([first, { ...first }])).toMatchObject({
      ok: false,
      index: 1,
      error: { code: 'PHASE-HISTORY-BROKEN' },
    })
    expect(replayPhaseMoves([{ ...first, to: 'vastgesteld' }])).toMatchObject({
      ok: false,
      index: 0,
      error: { code: 'PHASE-SKIP' },
    })
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), (junk) => {
        const result = replayPhaseMoves(junk)
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 300, seed: 6 },
    )
  })
})
