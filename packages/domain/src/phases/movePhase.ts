import { type PhaseFacts, type PhaseRequirement, requirementsFor } from './phaseRequirements.ts'
import {
  AREA_PHASE_LABELS,
  AREA_PHASES,
  type AreaPhase,
  areaPhaseIndex,
  INITIAL_PHASE_STATE,
  METHOD_PHASE_LABELS,
  METHOD_PHASES,
  type MethodPhase,
  methodPhaseIndex,
  type PhaseMove,
  type PhaseState,
  phaseMoveSchema,
} from './phases.ts'

// The pure transition function of the process spine. The facilitator moves a project on; the move is allowed when
// it is one step forward and what that step requires is on the board, or any number of steps back with a reason.
// Nothing here reads a clock or a store: the caller passes `at`, `by` and the facts, and stores the move it gets.

export const PHASE_ERROR_CODES = [
  'PHASE-SAME',
  'PHASE-SKIP',
  'PHASE-REQUIREMENTS-UNMET',
  'PHASE-REASON-REQUIRED',
  'PHASE-AREA-BEFORE-ADOPTION',
  'PHASE-METHOD-BEHIND-AREA',
  'PHASE-MOVE-INVALID',
  'PHASE-HISTORY-BROKEN',
] as const
export type PhaseErrorCode = (typeof PHASE_ERROR_CODES)[number]

export type PhaseError = {
  code: PhaseErrorCode
  message: { nl: string; en: string }
  /** The requirements still unmet (PHASE-REQUIREMENTS-UNMET only). */
  unmet: PhaseRequirement[]
}

export type PhaseMoveRequest = { axis: 'methode'; to: MethodPhase } | { axis: 'gebied'; to: AreaPhase }

export type PhaseMovePlan = {
  allowed: boolean
  /** Every requirement of the step, met or not, so the UI can show the list before the facilitator moves. */
  requirements: PhaseRequirement[]
  error: PhaseError | null
}

function error(code: PhaseErrorCode, nl: string, en: string, unmet: PhaseRequirement[] = []): PhaseError {
  return { code, message: { nl, en }, unmet }
}

const ADOPTED: readonly MethodPhase[] = ['vastgesteld', 'doorwerking']

/** Whether the move may be made now, and what it requires. A move back is planned as allowed; it needs a reason. */
export function planPhaseMove(
  state: PhaseState,
  request: PhaseMoveRequest,
  facts: PhaseFacts,
): PhaseMovePlan {
  if (request.axis === 'methode') {
    const from = methodPhaseIndex(state.methode)
    const to = methodPhaseIndex(request.to)
    const label = METHOD_PHASE_LABELS[request.to]
    if (to === from) {
      const e = error('PHASE-SAME', `Het project is al in de fase ${label.nl}.`, `Already in ${label.en}.`)
      return { allowed: false, requirements: [], error: e }
    }
    if (to < from) {
      if (state.gebied !== 'initiatief' && !ADOPTED.includes(request.to)) {
        const e = error(
          'PHASE-METHOD-BEHIND-AREA',
          `De gebiedsontwikkeling is voorbij het initiatief; het Programma van Waarden kan niet terug naar ${label.nl}.`,
          `The area development is past the initiative; the programme cannot go back to ${label.en}.`,
        )
        return { allowed: false, requirements: [], error: e }
      }
      return { allowed: true, requirements: [], error: null }
    }
    if (to > from + 1) {
      const next = METHOD_PHASE_LABELS[METHOD_PHASES[from + 1]!]
      const e = error(
        'PHASE-SKIP',
        `Een fase overslaan kan niet; de volgende fase is ${next.nl}.`,
        `Phases cannot be skipped; the next phase is ${next.en}.`,
      )
      return { allowed: false, requirements: [], error: e }
    }
    return judged(requirementsFor(request.to, facts), label)
  }
  const from = areaPhaseIndex(state.gebied)
  const to = areaPhaseIndex(request.to)
  const label = AREA_PHASE_LABELS[request.to]
  if (to === from) {
    const e = error(
      'PHASE-SAME',
      `Het gebied is al in de fase ${label.nl}.`,
      `The area is already in ${label.en}.`,
    )
    return { allowed: false, requirements: [], error: e }
  }
  if (to < from) return { allowed: true, requirements: [], error: null }
  if (to > from + 1) {
    const next = AREA_PHASE_LABELS[AREA_PHASES[from + 1]!]
    const e = error(
      'PHASE-SKIP',
      `Een fase overslaan kan niet; de volgende fase is ${next.nl}.`,
      `Phases cannot be skipped; the next phase is ${next.en}.`,
    )
    return { allowed: false, requirements: [], error: e }
  }
  if (!ADOPTED.includes(state.methode)) {
    const e = error(
      'PHASE-AREA-BEFORE-ADOPTION',
      `Het gebied gaat pas naar ${label.nl} als het Programma van Waarden is vastgesteld.`,
      `The area moves on to ${label.en} only once the programme is adopted.`,
    )
    return { allowed: false, requirements: [], error: e }
  }
  return { allowed: true, requirements: [], error: null }
}

function judged(requirements: PhaseRequirement[], label: { nl: string; en: string }): PhaseMovePlan {
  const unmet = requirements.filter((r) => !r.met)
  if (unmet.length === 0) return { allowed: true, requirements, error: null }
  const e = error(
    'PHASE-REQUIREMENTS-UNMET',
    `Nog niet klaar voor ${label.nl}: ${unmet.map((r) => r.message.nl).join('; ')}.`,
    `Not ready for ${label.en}: ${unmet.map((r) => r.message.en).join('; ')}.`,
    unmet,
  )
  return { allowed: false, requirements, error: e }
}

export type MovePhaseResult =
  | { ok: true; state: PhaseState; move: PhaseMove }
  | { ok: false; error: PhaseError }

/** Makes the move: the new state and the record to store, or the reason it is refused. */
export function movePhase(
  state: PhaseState,
  request: PhaseMoveRequest & { at: string; by: string; reason?: string },
  facts: PhaseFacts,
): MovePhaseResult {
  const from = request.axis === 'methode' ? state.methode : state.gebied
  const reason = request.reason?.trim()
  const parsed = phaseMoveSchema.safeParse({
    axis: request.axis,
    from,
    to: request.to,
    at: request.at,
    by: request.by,
    ...(reason ? { reason } : {}),
  })
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    return {
      ok: false,
      error: error('PHASE-MOVE-INVALID', `Ongeldige faseovergang (${detail}).`, `Invalid move (${detail}).`),
    }
  }
  const plan = planPhaseMove(state, request, facts)
  if (!plan.allowed) return { ok: false, error: plan.error! }
  if (isBackwards(state, request) && !reason) {
    return {
      ok: false,
      error: error(
        'PHASE-REASON-REQUIRED',
        'Een stap terug vraagt een reden.',
        'A move back needs a reason.',
      ),
    }
  }
  return { ok: true, state: applied(state, parsed.data), move: parsed.data }
}

function isBackwards(state: PhaseState, request: PhaseMoveRequest): boolean {
  return request.axis === 'methode'
    ? methodPhaseIndex(request.to) < methodPhaseIndex(state.methode)
    : areaPhaseIndex(request.to) < areaPhaseIndex(state.gebied)
}

function applied(state: PhaseState, move: PhaseMove): PhaseState {
  return move.axis === 'methode' ? { ...state, methode: move.to } : { ...state, gebied: move.to }
}

export type ReplayResult =
  | { ok: true; state: PhaseState; moves: PhaseMove[] }
  | { ok: false; error: PhaseError; index: number }

/**
 * The state a stored history leads to. Each move must start where the one before ended and keep the rules that
 * need no board (no skipping, the area only past initiatief once adopted, a reason for every step back);
 * requirements on the board's content were judged when the move was made and are not judged again.
 */
export function replayPhaseMoves(moves: readonly unknown[]): ReplayResult {
  let state = INITIAL_PHASE_STATE
  const out: PhaseMove[] = []
  for (const [index, raw] of moves.entries()) {
    const parsed = phaseMoveSchema.safeParse(raw)
    if (!parsed.success) {
      const e = error(
        'PHASE-MOVE-INVALID',
        `Faseovergang ${index + 1} is ongeldig.`,
        `Move ${index + 1} is invalid.`,
      )
      return { ok: false, error: e, index }
    }
    const move = parsed.data
    const current = move.axis === 'methode' ? state.methode : state.gebied
    if (move.from !== current) {
      const e = error(
        'PHASE-HISTORY-BROKEN',
        `Faseovergang ${index + 1} begint bij ${move.from}, maar het project stond in ${current}.`,
        `Move ${index + 1} starts at ${move.from}, but the project was in ${current}.`,
      )
      return { ok: false, error: e, index }
    }
    const result = movePhase(state, move, ALL_MET)
    if (!result.ok) return { ok: false, error: result.error, index }
    state = result.state
    out.push(move)
  }
  return { ok: true, state, moves: out }
}

/** Facts under which every content requirement is met: replay judges only the order of moves. */
const ALL_MET: PhaseFacts = {
  sturendeWaarden: 1,
  kompasCompleet: true,
  spanningen: 1,
  waardenMetFeiten: 1,
  ongewogenSpanningen: 0,
  fouten: 0,
  legeDelen: [],
  ondertekenaars: 1,
  kernindicatoren: 1,
  kernindicatorenMetNulmeting: 1,
}
