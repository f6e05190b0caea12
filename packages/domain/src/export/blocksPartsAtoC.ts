import type { ProgrammaVanWaarden, ValueLine } from '../pvw/programmaVanWaardenSchema.ts'
import { blocksSpineB } from './blocksSpine.ts'
import { type DocumentBlock, h, list, p, section, table, text } from './DocumentBlock.ts'
import {
  BELEID_LABELS,
  KLASSE_WORDS,
  LEVEL_LABELS,
  SCHAAL_LABELS,
  STATUS_LABELS,
  TYPE_OPGAVE_LABELS,
} from './labels.ts'

export function blocksPartA({ A }: ProgrammaVanWaarden): DocumentBlock[] {
  const s = A.schets
  const schets: DocumentBlock[] = [
    ...(s.typeOpgave ? [text(`Type opgave: ${TYPE_OPGAVE_LABELS[s.typeOpgave]}`, s.sources)] : []),
    ...(s.schaal ? [text(`Schaal: ${SCHAAL_LABELS[s.schaal]}`, s.sources)] : []),
    ...p('Grond en eigendom', s.grondEigendom),
    ...p('Wie woont en werkt hier', s.wieWoontWerkt),
    ...p('Relevant beleid', s.beleid),
  ]
  return [
    ...section(2, 'A. Gebiedsambitie', [
      ...p('', A.ambitie),
      ...(A.horizonJaren ? [text(`Horizon: ${A.horizonJaren} jaar`, A.ambitie?.sources ?? [])] : []),
      ...(A.dominanteOpgaven.length ? [text('Dominante opgaven:'), ...list(A.dominanteOpgaven)] : []),
      ...p('Voor wie', A.voorWie),
      ...p('Wat we hier níet doen', A.nietDoen),
      ...list(A.aanvullingen),
    ]),
    ...(schets.length ? section(3, 'Gebiedsschets (Quickscan)', schets) : []),
  ]
}

function valueItem(v: ValueLine) {
  const extra = [
    v.twijfel ? 'twijfel' : '',
    v.beleid !== 'onbekend' ? BELEID_LABELS[v.beleid].toLowerCase() : '',
  ]
    .filter(Boolean)
    .join('; ')
  const explanation = v.explanation ? `: ${v.explanation}` : ''
  // The value is judged on its physical and its social side (Quickscan stap 2); both belong with it.
  const aspects = [v.fysiek ? `Fysiek: ${v.fysiek}` : '', v.sociaal ? `Sociaal: ${v.sociaal}` : '']
    .filter(Boolean)
    .map((a) => `\n${a}`)
    .join('')
  return { text: `${v.name}${explanation}${extra ? ` (${extra})` : ''}${aspects}`, sources: v.sources }
}

export function blocksPartB(pvw: ProgrammaVanWaarden): DocumentBlock[] {
  const { B, fase } = pvw
  const words = KLASSE_WORDS[fase]
  const ambitions = B.prioritair.flatMap((v) =>
    v.ambitions.length
      ? [text(v.name, v.sources), ...list(v.ambitions.map((a) => ({ text: a, sources: v.sources })))]
      : [],
  )
  return [
    h(2, 'B. Waarden en ambities'),
    ...section(3, words.hoofd, list(B.prioritair.map(valueItem)), words.geenHoofd),
    ...section(3, words.mee, list(B.secundair.map(valueItem)), words.geenMee),
    ...section(3, 'Vinger aan de pols', list(B.vingerAanDePols.map(valueItem)), 'Geen.'),
    ...(B.ongeplaatst.length ? section(3, 'Nog niet geplaatst', list(B.ongeplaatst.map(valueItem))) : []),
    ...section(
      3,
      'Spanningen die we erkennen',
      table(
        ['Spanning', 'Tussen', 'Gebiedsdeel', 'Status', 'Weging', 'Besluit'],
        B.spanningen.map((t) => ({
          cells: [
            t.name,
            t.values.map((v) => v.name).join(' · '),
            t.gebiedsdeel,
            STATUS_LABELS[t.status] ?? t.status,
            t.weighing,
            t.decision,
          ],
          sources: t.sources,
        })),
      ),
      'Nog geen spanningen benoemd.',
    ),
    ...section(3, words.perHoofd, ambitions),
    ...blocksSpineB(pvw),
  ]
}

export function blocksPartC({ C }: ProgrammaVanWaarden): DocumentBlock[] {
  return [
    ...section(2, 'C. Leefwereld en echte betrokkenheid', [
      ...(C.opgehaald.length ? [text('Wat is opgehaald:'), ...list(C.opgehaald)] : []),
      ...p('Invloed op B', C.invloedOpB),
      ...list(C.aanvullingen),
    ]),
    ...section(3, 'Afspraken over betrokkenheid', [
      ...table(
        ['Groep', 'Niveau', 'Fase of onderwerp'],
        C.betrokkenheid.map((b) => ({
          cells: [b.group, LEVEL_LABELS[b.level], b.context],
          sources: b.sources,
        })),
      ),
      ...p('Terugkoppeling', C.terugkoppeling),
      ...p('Toekomstige generaties', C.toekomstigeGeneraties),
    ]),
  ]
}
