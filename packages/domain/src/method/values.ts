// The twelve maatschappelijke waarden of the baathoudersraamwerk (METHOD.md). Keys are stable identifiers stored
// on value cards; labels are what users see. 'custom' covers the extra values the method explicitly allows
// (cultuurhistorie, identiteit van de plek, ...), which are weighed exactly like the standard ones.

export const STANDARD_VALUE_KEYS = [
  'sociale-cohesie',
  'leefbaarheid',
  'nabijheid-voorzieningen',
  'gezondheid-en-welzijn',
  'gezonde-leefstijl',
  'schone-lucht',
  'geluid',
  'klimaatbestendigheid',
  'veiligheid',
  'vergroenen',
  'actieve-mobiliteit',
  'kwaliteit-van-wonen',
] as const

export type StandardValueKey = (typeof STANDARD_VALUE_KEYS)[number]

export const VALUE_KEYS = [...STANDARD_VALUE_KEYS, 'custom'] as const

export type ValueKey = (typeof VALUE_KEYS)[number]

/** PBL's three perspectives on a healthy environment. */
export type HealthPerspective = 'beschermen' | 'bevorderen' | 'faciliteren'

export type ValueDefinition = {
  key: StandardValueKey
  label: string
  /** Number of baathouders the baathoudersraamwerk lists for this theme. */
  baathouderCount: number
  perspective: HealthPerspective
}

export const VALUE_DEFINITIONS: readonly ValueDefinition[] = [
  { key: 'sociale-cohesie', label: 'Sociale cohesie', baathouderCount: 62, perspective: 'bevorderen' },
  { key: 'leefbaarheid', label: 'Leefbaarheid', baathouderCount: 55, perspective: 'faciliteren' },
  {
    key: 'nabijheid-voorzieningen',
    label: 'Nabijheid voorzieningen',
    baathouderCount: 42,
    perspective: 'faciliteren',
  },
  {
    key: 'gezondheid-en-welzijn',
    label: 'Gezondheid en welzijn',
    baathouderCount: 48,
    perspective: 'bevorderen',
  },
  { key: 'gezonde-leefstijl', label: 'Gezonde leefstijl', baathouderCount: 45, perspective: 'bevorderen' },
  { key: 'schone-lucht', label: 'Schone lucht', baathouderCount: 41, perspective: 'beschermen' },
  { key: 'geluid', label: 'Geluid', baathouderCount: 46, perspective: 'beschermen' },
  {
    key: 'klimaatbestendigheid',
    label: 'Klimaatbestendigheid',
    baathouderCount: 32,
    perspective: 'beschermen',
  },
  { key: 'veiligheid', label: 'Veiligheid', baathouderCount: 31, perspective: 'beschermen' },
  { key: 'vergroenen', label: 'Vergroenen', baathouderCount: 54, perspective: 'bevorderen' },
  { key: 'actieve-mobiliteit', label: 'Actieve mobiliteit', baathouderCount: 47, perspective: 'bevorderen' },
  {
    key: 'kwaliteit-van-wonen',
    label: 'Kwaliteit van wonen',
    baathouderCount: 41,
    perspective: 'faciliteren',
  },
]

const LABELS = new Map<string, string>(VALUE_DEFINITIONS.map((d) => [d.key, d.label]))

/** Display label of a value key; custom values have no label of their own (their card name is used). */
export function valueLabel(key: ValueKey): string {
  return LABELS.get(key) ?? 'Eigen waarde'
}
