import { sturingsinstrumentLabel } from '../method/sturingsinstrumenten.ts'
import type { BaathouderLine, ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { blocksSpineE, blocksSpineF } from './blocksSpine.ts'
import { type DocumentBlock, h, list, p, section, table, text } from './DocumentBlock.ts'
import {
  CONTRIBUTION_LABELS,
  INVOLVEMENT_LABELS,
  KLASSE_WORDS,
  LEVEL_LABELS,
  SCENARIO_LABELS,
  schilLabel,
} from './labels.ts'

function contributions(b: BaathouderLine): string {
  return b.contributions
    .map(
      (c) =>
        `${CONTRIBUTION_LABELS[c.kind]}: ${c.description}${c.conditions ? ` (voorwaarden: ${c.conditions})` : ''}`,
    )
    .join('; ')
}

function shareholderItem(b: BaathouderLine) {
  const what = contributions(b)
  return { text: `${b.name}${what ? ` — ${what}` : ' — nog geen bijdrage vastgelegd'}`, sources: b.sources }
}

const NOT_LINKED = 'nog niet aan een waarde gekoppeld'

/**
 * Baten and trigger belong to a party, not to each value it is linked to: one row per party, with the values it
 * benefits from, instead of the same text repeated under every value.
 */
function batenPerParty(D: ProgrammaVanWaarden['D']): DocumentBlock[] {
  const parties = new Map<string, { line: BaathouderLine; waarden: string[] }>()
  const add = (line: BaathouderLine, waarde: string | null) => {
    const entry = parties.get(line.baathouderId) ?? { line, waarden: [] }
    if (waarde !== null && !entry.waarden.includes(waarde)) entry.waarden.push(waarde)
    parties.set(line.baathouderId, entry)
  }
  for (const k of D.kernwaarden)
    for (const g of k.baathoudersPerSchil) for (const b of g.baathouders) add(b, k.name)
  for (const b of D.overigeShareholders) add(b, null)
  const unlinked = new Set(D.nietGekoppeld.map((b) => b.baathouderId))
  for (const b of D.nietGekoppeld) add(b, null)
  const rows = [...parties.values()]
    .filter(({ line }) => line.baten.trim() || line.trigger.trim() || unlinked.has(line.baathouderId))
    .map(({ line, waarden }) => ({
      cells: [
        line.name,
        schilLabel(line.schil),
        unlinked.has(line.baathouderId) ? NOT_LINKED : waarden.join(', '),
        line.baten,
        line.trigger,
      ],
      sources: line.sources,
    }))
  return rows.length
    ? [
        h(3, 'Baten en trigger per baathouder'),
        ...table(
          ['Baathouder', 'Schil', 'Waarden', 'Verwachte baten', 'Trigger om shareholder te worden'],
          rows,
        ),
      ]
    : []
}

export function blocksPartD({ D, fase }: ProgrammaVanWaarden): DocumentBlock[] {
  const words = KLASSE_WORDS[fase]
  const perValue = D.kernwaarden.flatMap((k) => [
    h(3, k.name),
    ...table(
      ['Schil', 'Baathouder', 'Betrokkenheid'],
      k.baathoudersPerSchil.flatMap((g) =>
        g.baathouders.map((b) => ({
          cells: [schilLabel(g.schil), b.name, INVOLVEMENT_LABELS[b.involvement]],
          sources: b.sources,
        })),
      ),
    ),
    ...(k.shareholders.length
      ? [text('Wie wordt shareholder, en met welke bijdrage:'), ...list(k.shareholders.map(shareholderItem))]
      : [text('Nog geen shareholders voor deze waarde.', [k.valueId])]),
  ])
  return [
    ...section(
      2,
      'D. Shareholders en gedeeld eigenaarschap',
      perValue,
      `Nog geen ${words.hoofd.toLowerCase()} met baathouders.`,
    ),
    ...(D.overigeShareholders.length
      ? [h(3, 'Overige shareholders'), ...list(D.overigeShareholders.map(shareholderItem))]
      : []),
    ...(D.nietGekoppeld.length
      ? [
          h(3, 'Baathouders nog niet aan een waarde gekoppeld'),
          text(
            'Deze partijen staan in het schillendiagram, maar het is nog niet vastgelegd bij welke waarden zij baat hebben.',
          ),
          ...list(
            D.nietGekoppeld.map((b) => ({
              text: `${b.name} (${schilLabel(b.schil)}) — ${NOT_LINKED}`,
              sources: b.sources,
            })),
          ),
        ]
      : []),
    ...batenPerParty(D),
    ...section(
      3,
      'Gebiedscoalitie',
      list(D.gebiedscoalitie.map((x) => ({ text: x.name, sources: x.sources }))),
    ),
    ...section(3, 'Rentmeesterschap na oplevering', [
      ...list(D.rentmeesters.map((x) => ({ text: x.name, sources: x.sources }))),
      ...p('', D.rentmeesterschap),
    ]),
  ]
}

/** Which instruments follow which scenario of the sturingskaders, in words, once per scenario. */
function scenarios(sturen: ProgrammaVanWaarden['E']['sturen']): DocumentBlock[] {
  const byScenario = new Map<string, { names: string[]; sources: string[] }>()
  for (const s of sturen) {
    const entry = byScenario.get(s.scenario) ?? { names: [], sources: [] }
    entry.names.push(sturingsinstrumentLabel(s.instrument))
    entry.sources.push(...s.sources)
    byScenario.set(s.scenario, entry)
  }
  return [...byScenario].map(([scenario, { names, sources }]) =>
    text(`Scenario ${SCENARIO_LABELS[scenario] ?? scenario}: ${names.join(', ')}.`, [...new Set(sources)]),
  )
}

export function blocksPartE(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  const { E } = pvw
  const aanTafel = E.aanTafel.map((x) => ({
    text: [x.name, INVOLVEMENT_LABELS[x.involvement], x.role, x.level ? LEVEL_LABELS[x.level] : null]
      .filter(Boolean)
      .join(' — '),
    sources: x.sources,
  }))
  const r = E.rekenen
  return [
    h(2, 'E. Principes voor samenwerken, sturen en rekenen'),
    ...section(3, 'Samenwerken', [
      ...p('', E.samenwerken),
      ...p('Besluiten toetsen', E.besluitToets),
      ...(aanTafel.length ? [text('Aan tafel:'), ...list(aanTafel)] : []),
    ]),
    ...section(3, 'Sturen', [
      ...list(
        E.sturen.map((s) => ({
          text: `${sturingsinstrumentLabel(s.instrument)}${s.intent ? `: ${s.intent}` : ''}`,
          sources: s.sources,
        })),
        true,
      ),
      ...scenarios(E.sturen),
    ]),
    ...section(3, 'Rekenen', [
      ...p('Langetermijnbaten', r.baten),
      ...p('Co-financiering', r.cofinanciering),
      ...(r.horizonJaren ? [text(`Horizon: ${r.horizonJaren} jaar`)] : []),
      ...p('', r.toelichting),
      ...(r.geldbijdragen.length
        ? [
            text('Financiële bijdragen op tafel:'),
            ...list(
              r.geldbijdragen.map((g) => ({ text: `${g.name}: ${g.description}`, sources: g.sources })),
            ),
          ]
        : []),
    ]),
    ...blocksSpineE(pvw),
    ...list(E.aanvullingen),
  ]
}

export function blocksPartF(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  const { F } = pvw
  return [
    h(2, 'F. Borging en doorwerking'),
    ...section(3, 'Doorwerking naar het Programma van Eisen', [
      ...(F.knockOutCriteria.length ? [text('Knock-outcriteria:'), ...list(F.knockOutCriteria)] : []),
      ...(F.gunningscriteria.length ? [text('Gunningscriteria:'), ...list(F.gunningscriteria)] : []),
      ...p('', F.doorwerking),
    ]),
    ...section(
      3,
      'Monitoring: kernindicatoren',
      table(
        ['Kernindicator', 'Waarden', 'Frequentie', 'Rapportage aan'],
        F.kernindicatoren.map((k) => ({
          cells: [k.name, k.values.join(', '), k.frequency, k.reportTo],
          sources: k.sources,
        })),
      ),
    ),
    ...section(
      3,
      'Verbinding: ondertekenaars intentieverklaring',
      list(
        F.ondertekenaars.map((o) => ({
          text: `${o.name}${o.zelfstandig ? ' (zelfstandige partij)' : ''}`,
          sources: o.sources,
        })),
      ),
    ),
    ...p('Rentmeesterschap', F.rentmeesterschap),
    ...section(3, 'Onafhankelijkheid van trekkers', p('', F.borging)),
    ...blocksSpineF(pvw),
    ...list(F.aanvullingen),
  ]
}
