import type { ComparisonSummary } from './boardComparisonSchema.ts'

// The one-line Dutch summary the UI shows above a comparison. Kept here, next to the counts, so every client
// (web app, CLI, export) words it the same way.

type Phrase = { key: keyof ComparisonSummary; one: string; many: string }

// Decisions first: they are what a group most wants to see after a session.
const PHRASES: readonly Phrase[] = [
  { key: 'tensionsDecided', one: '1 spanning besloten', many: '{n} spanningen besloten' },
  { key: 'valuesMoved', one: '1 waarde verschoven', many: '{n} waarden verschoven' },
  { key: 'valuesAdded', one: '1 waarde toegevoegd', many: '{n} waarden toegevoegd' },
  { key: 'valuesRemoved', one: '1 waarde verwijderd', many: '{n} waarden verwijderd' },
  { key: 'twijfelChanged', one: 'twijfel bij 1 waarde gewijzigd', many: 'twijfel bij {n} waarden gewijzigd' },
  {
    key: 'baathoudersMoved',
    one: '1 baathouder naar een andere schil',
    many: '{n} baathouders naar een andere schil',
  },
  {
    key: 'involvementChanged',
    one: '1 baathouder met andere betrokkenheid',
    many: '{n} baathouders met andere betrokkenheid',
  },
  { key: 'baathoudersAdded', one: '1 baathouder toegevoegd', many: '{n} baathouders toegevoegd' },
  { key: 'baathoudersRemoved', one: '1 baathouder verwijderd', many: '{n} baathouders verwijderd' },
  { key: 'tensionsAdded', one: '1 spanning toegevoegd', many: '{n} spanningen toegevoegd' },
  {
    key: 'tensionsStatusChanged',
    one: '1 spanning van status veranderd',
    many: '{n} spanningen van status veranderd',
  },
  { key: 'tensionsRemoved', one: '1 spanning verwijderd', many: '{n} spanningen verwijderd' },
]

/** "2 waarden verschoven, 1 spanning besloten." — or a sentence saying nothing changed. */
export function describeComparison(summary: ComparisonSummary): string {
  const parts = PHRASES.flatMap(({ key, one, many }) => {
    const n = summary[key]
    if (n === 0) return []
    return [n === 1 ? one : many.replace('{n}', String(n))]
  })
  if (parts.length === 0) return 'Geen verschillen in waarden, baathouders of spanningen.'
  const text = `${parts.join(', ')}.`
  return text.charAt(0).toUpperCase() + text.slice(1)
}
