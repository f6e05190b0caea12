import { KLASSE_LABELS } from '../export/labels.ts'
import type { BaathouderLine, ProgrammaVanWaarden, ValueLine } from '../pvw/programmaVanWaardenSchema.ts'
import { signerName, type VersionSignature } from './versionTypes.ts'

// Two versions of a Programma van Waarden compared in plain Dutch, in the style of the session comparison
// (compare/describeComparison): one line per change a reader of the document would notice — a value changing
// class ("Vergroenen: meekoppelen → sturend"), an ambition reworded, a shareholder added or removed, a tension
// added or weighed, a signature added — and a one-line summary above them.

export const PROGRAMMA_CHANGE_KINDS = [
  'waarde-klasse',
  'waarde-toegevoegd',
  'waarde-verwijderd',
  'ambitie-gewijzigd',
  'ambitie-toegevoegd',
  'ambitie-verwijderd',
  'gebiedsambitie-gewijzigd',
  'shareholder-toegevoegd',
  'shareholder-verwijderd',
  'spanning-toegevoegd',
  'spanning-verwijderd',
  'spanning-gewogen',
  'handtekening-toegevoegd',
  'handtekening-verwijderd',
] as const
export type ProgrammaChangeKind = (typeof PROGRAMMA_CHANGE_KINDS)[number]
export type ProgrammaChange = { kind: ProgrammaChangeKind; text: string }

/** One side of a comparison: a version's programme and its signatures (`undefined` for the live concept). */
export type ProgrammaSide = { pvw: ProgrammaVanWaarden; signatures?: readonly VersionSignature[] }

export type ProgrammaComparison = { summary: string; changes: ProgrammaChange[] }

const allValues = (pvw: ProgrammaVanWaarden): ValueLine[] => [
  ...pvw.B.prioritair,
  ...pvw.B.secundair,
  ...pvw.B.vingerAanDePols,
  ...pvw.B.ongeplaatst,
]

function shareholders(pvw: ProgrammaVanWaarden): Map<string, string> {
  const lines: BaathouderLine[] = [
    ...pvw.D.kernwaarden.flatMap((k) => k.shareholders),
    ...pvw.D.overigeShareholders,
  ]
  const named = (b: BaathouderLine) =>
    b.organisation.trim() && b.organisation.trim() !== b.name.trim()
      ? `${b.name.trim()} (${b.organisation.trim()})`
      : b.name.trim()
  return new Map(lines.map((b) => [b.baathouderId, named(b)]))
}

function ambitions(pvw: ProgrammaVanWaarden): Map<string, { name: string; texts: string[] }> {
  const out = new Map<string, { name: string; texts: string[] }>()
  for (const a of pvw.B.ambities) {
    const entry = out.get(a.valueId) ?? { name: a.valueName, texts: [] }
    if (a.text.trim()) entry.texts.push(a.text.trim())
    out.set(a.valueId, entry)
  }
  return out
}

const quote = (s: string) => `“${s}”`
const byText = (a: ProgrammaChange, b: ProgrammaChange) => a.text.localeCompare(b.text, 'nl')

function compareValues(before: ProgrammaVanWaarden, after: ProgrammaVanWaarden): ProgrammaChange[] {
  const out: ProgrammaChange[] = []
  const was = new Map(allValues(before).map((v) => [v.valueId, v]))
  const is = new Map(allValues(after).map((v) => [v.valueId, v]))
  const label = (pvw: ProgrammaVanWaarden, v: ValueLine) => KLASSE_LABELS[pvw.fase][v.klasse].toLowerCase()
  for (const [id, v] of is) {
    const old = was.get(id)
    if (!old) out.push({ kind: 'waarde-toegevoegd', text: `${v.name}: toegevoegd (${label(after, v)})` })
    else if (label(before, old) !== label(after, v))
      out.push({ kind: 'waarde-klasse', text: `${v.name}: ${label(before, old)} → ${label(after, v)}` })
  }
  for (const [id, v] of was) {
    if (!is.has(id)) out.push({ kind: 'waarde-verwijderd', text: `${v.name}: verwijderd` })
  }
  const a = ambitions(before)
  const b = ambitions(after)
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const old = a.get(id)?.texts ?? []
    const now = b.get(id)?.texts ?? []
    const name = b.get(id)?.name ?? a.get(id)?.name ?? ''
    const gone = old.filter((t) => !now.includes(t))
    const added = now.filter((t) => !old.includes(t))
    if (gone.length === 1 && added.length === 1) {
      out.push({
        kind: 'ambitie-gewijzigd',
        text: `Ambitie bij ${name} herschreven: ${quote(gone[0] ?? '')} → ${quote(added[0] ?? '')}`,
      })
      continue
    }
    for (const t of added)
      out.push({ kind: 'ambitie-toegevoegd', text: `Ambitie bij ${name} toegevoegd: ${quote(t)}` })
    for (const t of gone)
      out.push({ kind: 'ambitie-verwijderd', text: `Ambitie bij ${name} geschrapt: ${quote(t)}` })
  }
  return out.sort(byText)
}

function compareParties(before: ProgrammaVanWaarden, after: ProgrammaVanWaarden): ProgrammaChange[] {
  const was = shareholders(before)
  const is = shareholders(after)
  const out: ProgrammaChange[] = []
  for (const [id, name] of is)
    if (!was.has(id)) out.push({ kind: 'shareholder-toegevoegd', text: `Shareholder toegevoegd: ${name}` })
  for (const [id, name] of was)
    if (!is.has(id)) out.push({ kind: 'shareholder-verwijderd', text: `Shareholder vervallen: ${name}` })
  return out.sort(byText)
}

function compareTensions(before: ProgrammaVanWaarden, after: ProgrammaVanWaarden): ProgrammaChange[] {
  const was = new Map(before.B.spanningen.map((t) => [t.tensionId, t]))
  const is = new Map(after.B.spanningen.map((t) => [t.tensionId, t]))
  const out: ProgrammaChange[] = []
  for (const [id, t] of is) {
    const old = was.get(id)
    if (!old) out.push({ kind: 'spanning-toegevoegd', text: `Spanning toegevoegd: ${t.name}` })
    else if (
      old.status !== t.status ||
      old.weighing.trim() !== t.weighing.trim() ||
      old.decision.trim() !== t.decision.trim()
    )
      out.push({
        kind: 'spanning-gewogen',
        text:
          old.status !== t.status
            ? `Spanning ${t.name}: ${old.status} → ${t.status}`
            : `Spanning ${t.name}: weging of besluit herschreven`,
      })
  }
  for (const [id, t] of was)
    if (!is.has(id)) out.push({ kind: 'spanning-verwijderd', text: `Spanning vervallen: ${t.name}` })
  return out.sort(byText)
}

function compareSignatures(
  before: readonly VersionSignature[],
  after: readonly VersionSignature[],
): ProgrammaChange[] {
  const key = (s: VersionSignature) => `${signerName(s)}|${s.partij}`
  const was = new Set(before.map(key))
  const is = new Set(after.map(key))
  return [
    ...after
      .filter((s) => !was.has(key(s)))
      .map(
        (s): ProgrammaChange => ({ kind: 'handtekening-toegevoegd', text: `Getekend door ${signerName(s)}` }),
      ),
    ...before
      .filter((s) => !is.has(key(s)))
      .map(
        (s): ProgrammaChange => ({
          kind: 'handtekening-verwijderd',
          text: `Niet (meer) getekend door ${signerName(s)}`,
        }),
      ),
  ]
}

type Phrase = { kinds: readonly ProgrammaChangeKind[]; one: string; many: string }
const PHRASES: readonly Phrase[] = [
  {
    kinds: ['waarde-klasse'],
    one: '1 waarde van klasse veranderd',
    many: '{n} waarden van klasse veranderd',
  },
  { kinds: ['waarde-toegevoegd'], one: '1 waarde toegevoegd', many: '{n} waarden toegevoegd' },
  { kinds: ['waarde-verwijderd'], one: '1 waarde verwijderd', many: '{n} waarden verwijderd' },
  {
    kinds: ['ambitie-gewijzigd', 'ambitie-toegevoegd', 'ambitie-verwijderd', 'gebiedsambitie-gewijzigd'],
    one: '1 ambitie anders',
    many: '{n} ambities anders',
  },
  {
    kinds: ['shareholder-toegevoegd', 'shareholder-verwijderd'],
    one: '1 shareholder erbij of eraf',
    many: '{n} shareholders erbij of eraf',
  },
  {
    kinds: ['spanning-toegevoegd', 'spanning-verwijderd', 'spanning-gewogen'],
    one: '1 spanning anders',
    many: '{n} spanningen anders',
  },
  { kinds: ['handtekening-toegevoegd'], one: '1 handtekening erbij', many: '{n} handtekeningen erbij' },
  { kinds: ['handtekening-verwijderd'], one: '1 handtekening minder', many: '{n} handtekeningen minder' },
]

/** "2 waarden van klasse veranderd, 1 handtekening erbij." — or a sentence saying nothing changed. */
export function describeProgrammaChanges(changes: readonly ProgrammaChange[]): string {
  const parts = PHRASES.flatMap(({ kinds, one, many }) => {
    const n = changes.filter((c) => kinds.includes(c.kind)).length
    if (n === 0) return []
    return [n === 1 ? one : many.replace('{n}', String(n))]
  })
  if (parts.length === 0)
    return 'Geen verschillen in waarden, ambities, shareholders, spanningen of handtekeningen.'
  const text = `${parts.join(', ')}.`
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * What changed from `before` to `after`, in plain Dutch: the part-A ambition, values (class, added, removed),
 * ambitions per value, shareholders, tensions and signatures. Values, tensions and parties are followed by their
 * card ids, so a renamed card is one change, not a removal and an addition.
 */
export function compareProgrammas(before: ProgrammaSide, after: ProgrammaSide): ProgrammaComparison {
  const ambitieWas = before.pvw.A.ambitie?.text.trim() ?? ''
  const ambitieIs = after.pvw.A.ambitie?.text.trim() ?? ''
  const changes: ProgrammaChange[] = [
    ...(ambitieWas !== ambitieIs
      ? [
          {
            kind: 'gebiedsambitie-gewijzigd' as const,
            text: ambitieWas
              ? `Gebiedsambitie herschreven: ${quote(ambitieWas)} → ${quote(ambitieIs || '(leeg)')}`
              : `Gebiedsambitie geformuleerd: ${quote(ambitieIs)}`,
          },
        ]
      : []),
    ...compareValues(before.pvw, after.pvw),
    ...compareParties(before.pvw, after.pvw),
    ...compareTensions(before.pvw, after.pvw),
    // The live concept is never signed: signatures are compared between two versions only.
    ...(before.signatures && after.signatures ? compareSignatures(before.signatures, after.signatures) : []),
  ]
  return { summary: describeProgrammaChanges(changes), changes }
}
