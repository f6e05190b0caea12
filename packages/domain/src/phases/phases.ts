import { z } from 'zod'

// The process spine (handreiking H2 "Aanpak" and H3 "Bouwstenen"): the method's own phases, from the Quickscan to
// the years after the Programma van Waarden is adopted, alongside the area development's phases (the Reiswijzer's
// process the handreiking joins). The handreiking works in the initiatieffase; its PvW is "de onderlegger voor
// alles wat daarna komt", so the area moves past initiatief only once the PvW is vastgesteld.

export const METHOD_PHASES = [
  'quickscan',
  'kansenanalyse',
  'programma',
  'vastgesteld',
  'doorwerking',
] as const
export type MethodPhase = (typeof METHOD_PHASES)[number]

export const AREA_PHASES = ['initiatief', 'planvorming', 'aanbesteding', 'realisatie', 'beheer'] as const
export type AreaPhase = (typeof AREA_PHASES)[number]

export const METHOD_PHASE_LABELS: Readonly<Record<MethodPhase, { nl: string; en: string }>> = {
  quickscan: { nl: 'Quickscan', en: 'Quick scan' },
  kansenanalyse: { nl: 'Kansenanalyse', en: 'Opportunity analysis' },
  programma: { nl: 'Programma van Waarden', en: 'Programme of Values' },
  vastgesteld: { nl: 'Vastgesteld', en: 'Adopted' },
  doorwerking: { nl: 'Doorwerking en beheer', en: 'Follow-through and management' },
}

export const AREA_PHASE_LABELS: Readonly<Record<AreaPhase, { nl: string; en: string }>> = {
  initiatief: { nl: 'Initiatief', en: 'Initiative' },
  planvorming: { nl: 'Planvorming', en: 'Planning' },
  aanbesteding: { nl: 'Aanbesteding', en: 'Tender' },
  realisatie: { nl: 'Realisatie', en: 'Construction' },
  beheer: { nl: 'Beheer', en: 'Management' },
}

/** Where a project stands on both axes. */
export type PhaseState = { methode: MethodPhase; gebied: AreaPhase }

export const INITIAL_PHASE_STATE: PhaseState = { methode: 'quickscan', gebied: 'initiatief' }

/**
 * One recorded move, as the server stores it: on which axis, from where to where, when (ISO 8601) and by whom
 * (a display name or id the caller chooses; the domain keeps it as given). A move back needs a reason.
 */
export const phaseMoveSchema = z.discriminatedUnion('axis', [
  z.object({
    axis: z.literal('methode'),
    from: z.enum(METHOD_PHASES),
    to: z.enum(METHOD_PHASES),
    at: z.iso.datetime({ offset: true }),
    by: z.string().trim().min(1).max(200),
    reason: z.string().max(2000).optional(),
  }),
  z.object({
    axis: z.literal('gebied'),
    from: z.enum(AREA_PHASES),
    to: z.enum(AREA_PHASES),
    at: z.iso.datetime({ offset: true }),
    by: z.string().trim().min(1).max(200),
    reason: z.string().max(2000).optional(),
  }),
])

export type PhaseMove = z.infer<typeof phaseMoveSchema>

export function methodPhaseIndex(phase: MethodPhase): number {
  return METHOD_PHASES.indexOf(phase)
}

export function areaPhaseIndex(phase: AreaPhase): number {
  return AREA_PHASES.indexOf(phase)
}

export function isMethodPhase(value: unknown): value is MethodPhase {
  return typeof value === 'string' && (METHOD_PHASES as readonly string[]).includes(value)
}

export function isAreaPhase(value: unknown): value is AreaPhase {
  return typeof value === 'string' && (AREA_PHASES as readonly string[]).includes(value)
}
