import { AREA_PHASE_LABELS, type AreaPhase } from '../phases/phases.ts'
import type { ProgrammaVanWaarden } from '../pvw/programmaVanWaardenSchema.ts'
import { EVIDENCE_SOURCE_LABELS, type EvidenceSource } from '../shapes/spineFields.ts'
import { type DocumentBlock, h, list, p, table, text } from './DocumentBlock.ts'
import { SCENARIO_LABELS } from './labels.ts'
import {
  ANTWOORD_LABELS,
  BODEM_STATUS_LABELS,
  formatEuro,
  formatNumber,
  LEVENSCYCLUS_LABELS,
  REGIME_LABELS,
  ROUTE_LABELS,
  TARGET_STATUS_LABELS,
  TREND_LABELS,
} from './spineLabels.ts'

// What the process spine's cards add to parts B, E and F of the document. Each block appears only when its cards
// are on the board, so a board without them prints exactly as before.

const phaseLabel = (phase: AreaPhase | null) =>
  phase ? AREA_PHASE_LABELS[phase].nl : 'Fase nog niet bepaald'
const withUnit = (value: number | null, unit: string) =>
  value === null ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`

export function blocksSpineB({ B }: ProgrammaVanWaarden): DocumentBlock[] {
  const feiten = B.feiten.flatMap((f) => [
    text(f.title || 'Feiten', f.sources),
    ...table(
      ['Indicator', 'Cijfer', 'Bron', 'Datum'],
      f.figures.map((x) => ({
        cells: [
          x.label,
          withUnit(x.value, x.unit),
          [EVIDENCE_SOURCE_LABELS[x.source], x.sourceNote].filter(Boolean).join(': '),
          x.date,
        ],
        sources: f.sources,
      })),
    ),
    ...(f.risks.length
      ? [text('Risico’s:'), ...list(f.risks.map((r) => ({ text: r, sources: f.sources })))]
      : []),
    ...(f.kansen.length
      ? [text('Kansen:'), ...list(f.kansen.map((k) => ({ text: k, sources: f.sources })))]
      : []),
  ])
  const bron = (source: EvidenceSource | null) => (source ? ` (${EVIDENCE_SOURCE_LABELS[source]})` : '')
  const onderbouwing = B.onderbouwing.map((o) => ({
    cells: [
      o.name,
      [
        o.current === null ? '' : `${formatNumber(o.current)}: `,
        o.currentJustification,
        bron(o.currentSource),
      ].join(''),
      [
        o.potential === null ? '' : `${formatNumber(o.potential)}: `,
        o.potentialJustification,
        bron(o.potentialSource),
      ].join(''),
      o.sourceNote,
    ],
    sources: o.sources,
  }))
  return [
    ...(feiten.length ? [h(3, 'Feiten per waarde (polaroid)'), ...feiten] : []),
    ...(onderbouwing.length
      ? [
          h(3, 'Onderbouwing van het waardenkompas'),
          ...table(['Waarde', 'Huidige situatie', 'Potentieel', 'Bron'], onderbouwing),
        ]
      : []),
    ...(B.koppelkansen.length
      ? [
          h(3, 'Koppelkansen'),
          ...list(
            B.koppelkansen.map((k) => ({
              text: [
                `${k.name} (${k.values.map((v) => v.name).join(' + ')})`,
                k.description,
                k.baathouders.length ? `Baathouders: ${k.baathouders.join(', ')}` : '',
                k.beleidsdoel ? `Beleidsdoel: ${k.beleidsdoel}` : '',
              ]
                .filter(Boolean)
                .join(' — '),
              sources: k.sources,
            })),
          ),
        ]
      : []),
  ]
}

export function blocksSpineE({ E }: ProgrammaVanWaarden): DocumentBlock[] {
  const f = E.financiering
  const s = E.sturing
  const financiering: DocumentBlock[] = [
    ...table(
      ['Bijdrage', 'Baathouder', 'Route', 'Levenscyclus', 'Fase', 'Bedrag'],
      f.bijdragen.map((b) => ({
        cells: [
          [
            b.description,
            b.gebiedsfonds ? '(gebiedsfonds)' : '',
            b.conditions ? `voorwaarden: ${b.conditions}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          b.baathouder ?? '',
          b.route ? ROUTE_LABELS[b.route]! : 'Nog niet bepaald',
          b.lifecycle ? LEVENSCYCLUS_LABELS[b.lifecycle]! : '',
          phaseLabel(b.phase),
          b.amount === null ? '' : formatEuro(b.amount),
        ],
        sources: b.sources,
      })),
    ),
    ...(f.totalen.length
      ? [
          text('Totalen per route en fase (bekende bedragen):'),
          ...table(
            ['Route', 'Fase', 'Bijdragen', 'Totaal'],
            f.totalen.map((t) => ({
              cells: [
                t.route ? ROUTE_LABELS[t.route]! : 'Nog niet bepaald',
                phaseLabel(t.phase),
                String(t.count),
                formatEuro(t.amount),
              ],
              sources: [],
            })),
          ),
          text(
            `Route 1: ${formatEuro(f.perRoute.grex)} · Route 2: ${formatEuro(f.perRoute.cofinanciering)}${f.perRoute.onbepaald ? ` · route nog niet bepaald: ${formatEuro(f.perRoute.onbepaald)}` : ''}.`,
          ),
        ]
      : []),
    ...(f.gebiedsfonds.groot + f.gebiedsfonds.klein > 0 || f.gebiedsfonds.amount > 0
      ? [
          text(
            `Gebiedsfonds: ${formatEuro(f.gebiedsfonds.amount)} (${f.gebiedsfonds.groot} grote en ${f.gebiedsfonds.klein} kleine bijdragen).`,
          ),
        ]
      : []),
    ...(f.wringt.length ? [text('Waar het systeem wringt:'), ...list(f.wringt)] : []),
  ]
  const sturing: DocumentBlock[] = [
    ...(s.beleidstoets.length
      ? [
          text('Beleidstoets (vier kernvragen):'),
          ...table(
            ['Kernvraag', 'Antwoord', 'Toelichting'],
            s.beleidstoets.map((a) => ({
              cells: [
                a.vraag,
                `${a.answer ? ANTWOORD_LABELS[a.answer] : 'Nog niet beantwoord'}${a.zorg ? ' — vraagt aandacht' : ''}`,
                a.note,
              ],
              sources: a.sources,
            })),
          ),
        ]
      : []),
    ...(s.grondbeleid
      ? [
          text(
            s.grondbeleid.regime ? REGIME_LABELS[s.grondbeleid.regime]! : 'Grondbeleid: nog niet gekozen',
            s.grondbeleid.sources,
          ),
          ...list(
            s.grondbeleid.instruments.map((i) => ({
              text: `${i.onderwerp}: ${i.text}`,
              sources: s.grondbeleid!.sources,
            })),
          ),
          ...p('', s.grondbeleid.note ? { text: s.grondbeleid.note, sources: s.grondbeleid.sources } : null),
        ]
      : []),
    ...(s.parcours.length
      ? [
          text('Sturingsparcours:'),
          ...table(
            ['Moment', 'Instrument', 'Planregel of contractclausule', 'Wanneer'],
            s.parcours.map((m) => ({
              cells: [m.moment, m.instrument, m.clause, m.when],
              sources: m.sources,
            })),
          ),
        ]
      : []),
    ...(s.scenario?.scenario
      ? [
          text(
            `Gekozen scenario: ${SCENARIO_LABELS[s.scenario.scenario]}${s.scenario.note ? `. ${s.scenario.note}` : ''}`,
            s.scenario.sources,
          ),
        ]
      : []),
  ]
  return [
    ...(financiering.length ? [h(3, 'Financiering'), ...financiering] : []),
    ...(sturing.length ? [h(3, 'Sturingskaders'), ...sturing] : []),
  ]
}

export function blocksSpineF({ F }: ProgrammaVanWaarden): DocumentBlock[] {
  const tender = F.tender
  return [
    ...(tender?.keuzes.length
      ? [
          h(3, 'Tenderkeuzes en gunningscriteria'),
          ...list(
            tender.keuzes.flatMap((k) => [
              { text: `${k.label}${k.note ? ` — ${k.note}` : ''}`, sources: k.sources },
              ...k.gunningscriteria.map((g) => ({ text: `Gunningscriterium: ${g}`, sources: k.sources })),
            ]),
          ),
        ]
      : []),
    ...(F.juridischeBodem.length
      ? [
          h(3, 'Juridische bodem'),
          ...table(
            ['Onderdeel', 'Status', 'Toelichting'],
            F.juridischeBodem.map((j) => ({
              cells: [j.label, BODEM_STATUS_LABELS[j.status]!, j.note],
              sources: j.sources,
            })),
          ),
        ]
      : []),
    ...(F.monitoring.length
      ? [
          h(3, 'Monitoringrapportage kernindicatoren'),
          ...table(
            ['Kernindicator', 'Nulmeting', 'Laatste meting', 'Streefwaarde', 'Trend', 'Stand', 'Eigenaar'],
            F.monitoring.map((r) => ({
              cells: [
                r.name,
                r.baseline ? `${withUnit(r.baseline.value, r.unit)} (${r.baseline.date})` : '—',
                r.latest ? `${withUnit(r.latest.value, r.unit)} (${r.latest.date})` : '—',
                r.target === null
                  ? '—'
                  : `${withUnit(r.target, r.unit)}${r.targetDate ? ` (${r.targetDate})` : ''}`,
                TREND_LABELS[r.trend],
                `${TARGET_STATUS_LABELS[r.targetStatus]}${r.overdue ? `; meting over tijd (verwacht ${r.nextDue})` : ''}`,
                r.owner,
              ],
              sources: r.sources,
            })),
          ),
        ]
      : []),
  ]
}
