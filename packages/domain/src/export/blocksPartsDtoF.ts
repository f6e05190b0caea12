import { sturingsinstrumentLabel } from '../method/sturingsinstrumenten.ts'
import type { BaathouderLine, ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { type DocumentBlock, h, list, p, section, table, text } from './DocumentBlock.ts'
import { CONTRIBUTION_LABELS, INVOLVEMENT_LABELS, LEVEL_LABELS, schilLabel } from './labels.ts'

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

export function blocksPartD({ D }: ProgrammaVanWaarden): DocumentBlock[] {
  const perValue = D.kernwaarden.flatMap((k) => [
    h(3, k.name),
    ...table(
      ['Schil', 'Baathouder', 'Betrokkenheid', 'Baten'],
      k.baathoudersPerSchil.flatMap((g) =>
        g.baathouders.map((b) => ({
          cells: [schilLabel(g.schil), b.name, INVOLVEMENT_LABELS[b.involvement], b.baten],
          sources: b.sources,
        })),
      ),
    ),
    ...(k.shareholders.length
      ? [text('Shareholders:'), ...list(k.shareholders.map(shareholderItem))]
      : [text('Nog geen shareholders voor deze waarde.', [k.valueId])]),
  ])
  return [
    ...section(
      2,
      'D. Shareholders en gedeeld eigenaarschap',
      perValue,
      'Nog geen prioritaire waarden met baathouders.',
    ),
    ...(D.overigeShareholders.length
      ? [h(3, 'Overige shareholders'), ...list(D.overigeShareholders.map(shareholderItem))]
      : []),
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

export function blocksPartE({ E }: ProgrammaVanWaarden): DocumentBlock[] {
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
    ...section(
      3,
      'Sturen',
      list(
        E.sturen.map((s) => ({
          text: `${sturingsinstrumentLabel(s.instrument)} (${s.scenario})${s.intent ? `: ${s.intent}` : ''}`,
          sources: s.sources,
        })),
        true,
      ),
    ),
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
    ...list(E.aanvullingen),
  ]
}

export function blocksPartF({ F }: ProgrammaVanWaarden): DocumentBlock[] {
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
    ...list(F.aanvullingen),
  ]
}
