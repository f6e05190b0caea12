import { type PvwFrameProps, sturingsinstrumentLabel } from '@waardentafel/domain'
import type { TFunction } from 'i18next'

// What a PvW frame shows on the board: the filled-in fields, shortened, so the room sees progress at a glance.
// The full text lives in the inspector.

export type SummaryLine = { label: string; value: string }

const MAX = 140

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat
}

export function pvwSummary(props: PvwFrameProps, t: TFunction): SummaryLine[] {
  const lines: [string, string][] = []
  const field = (key: string) => t(`templates.pvw.fields.${key}`)
  switch (props.part) {
    case 'A':
      lines.push(
        [field('ambitie'), props.ambitie],
        [field('typeOpgave'), props.typeOpgave ? t(`templates.pvw.typeOpgave.${props.typeOpgave}`) : ''],
        [field('voorWie'), props.voorWie],
        [field('nietDoen'), props.nietDoen],
        [field('dominanteOpgaven'), props.dominanteOpgaven.join(', ')],
      )
      break
    case 'C':
      lines.push(
        [field('opgehaald'), props.opgehaald.join(' · ')],
        [field('invloedOpB'), props.invloedOpB],
        [field('toekomstigeGeneraties'), props.toekomstigeGeneraties],
        [field('betrokkenheid'), props.betrokkenheid.map((b) => `${b.group}: ${b.level}`).join(', ')],
      )
      break
    case 'E':
      lines.push(
        [
          field('instruments'),
          props.instruments.map((i) => sturingsinstrumentLabel(i.instrument)).join(' → '),
        ],
        [field('samenwerken'), props.samenwerken],
        [field('besluitToets'), props.besluitToets],
        [field('rekenenBaten'), props.rekenenBaten],
      )
      break
    case 'F':
      lines.push(
        [field('knockOutCriteria'), props.knockOutCriteria.join(' · ')],
        [field('kernindicatoren'), props.kernindicatoren.map((k) => k.name).join(' · ')],
        [field('borging'), props.borging],
        [field('rentmeesterschap'), props.rentmeesterschap],
      )
      break
  }
  return lines.filter(([, v]) => v.trim()).map(([label, value]) => ({ label, value: short(value) }))
}
