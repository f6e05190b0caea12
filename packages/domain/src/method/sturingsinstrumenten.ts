// Sturingsinstrumenten from the Sturingskaders building block: the parcours (omgevingsvisie → omgevingsvergunning),
// the tender and governance after delivery (PvW part E), and the extra instruments of the scenario table.
// `scenario` is the lowest scenario (minimaal / gemiddeld / ambitieus) in which the handreiking lists it.

export const SCENARIOS = ['minimaal', 'gemiddeld', 'ambitieus'] as const
export type Scenario = (typeof SCENARIOS)[number]

export type Sturingsinstrument = { key: string; label: string; moment: string; scenario: Scenario }

const i = (key: string, label: string, moment: string, scenario: Scenario): Sturingsinstrument => ({
  key,
  label,
  moment,
  scenario,
})

export const STURINGSINSTRUMENTEN: readonly Sturingsinstrument[] = [
  i('omgevingsvisie', 'Omgevingsvisie', 'Vroegste fase', 'minimaal'),
  i('grondbeleidsnota', 'Grondbeleidsnota', 'Vroegste fase', 'minimaal'),
  i('omgevingsprogramma', 'Omgevingsprogramma', 'Vroegste fase', 'gemiddeld'),
  i('intentieovereenkomst', 'Intentieovereenkomst', 'Initiatief en verkenning', 'gemiddeld'),
  i('samenwerkingsovereenkomst', 'Samenwerkingsovereenkomst', 'Planvorming en samenwerking', 'gemiddeld'),
  i('omgevingsplan', 'Omgevingsplan', 'Planologische besluitvorming', 'minimaal'),
  i('anterieure-overeenkomst', 'Anterieure overeenkomst', 'Grondtransactie en afsluiting', 'minimaal'),
  i('omgevingsvergunning', 'Omgevingsvergunning', 'Vergunningverlening', 'minimaal'),
  i('tender', 'Tender / aanbesteding (EMVI-criteria)', 'Aanbesteding', 'gemiddeld'),
  i('pvw-toetsingskader', 'Programma van Waarden als toetsingskader', 'Hele proces', 'ambitieus'),
  i('kpi-raamwerk', 'KPI-raamwerk en prestatiemonitoring', 'Realisatie en beheer', 'ambitieus'),
  i('convenant', 'Convenant', 'Hele proces', 'ambitieus'),
  i('ggd-advisering', 'GGD-advisering', 'Hele proces', 'ambitieus'),
  i('participatieleidraad', 'Participatieleidraad of zelfbindend programma', 'Hele proces', 'ambitieus'),
  i('governance-na-oplevering', 'Governance na oplevering', 'Beheer', 'ambitieus'),
]

export const STURINGSINSTRUMENT_KEYS = STURINGSINSTRUMENTEN.map((s) => s.key)

const BY_KEY = new Map(STURINGSINSTRUMENTEN.map((s) => [s.key, s]))

export function sturingsinstrumentLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? key
}
