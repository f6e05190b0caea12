import type { Finding } from '../findings.ts'
import { migrateProps } from '../shapes/migrations.ts'
import type { ShapeDefinition } from '../shapes/ShapeDefinition.ts'
import { asProps } from '../shapes/ShapeDefinition.ts'

export type ReadProps<P> = { props: P | null; findings: Finding[] }

/**
 * Migrates a record's props up from the version its snapshot recorded, then validates them. Never throws:
 * an invalid card becomes a finding carrying its id, and the rest of the board is still read.
 */
export function readShapeProps<P>(
  def: ShapeDefinition<P>,
  id: string,
  rawProps: unknown,
  fromVersion: number,
): ReadProps<P> {
  const findings: Finding[] = []
  let props = asProps(rawProps)
  if (fromVersion > def.version) {
    findings.push({
      code: 'BOARD-CARD-NEWER-VERSION',
      severity: 'warning',
      message: {
        nl: `${def.type} ${id} komt uit een nieuwere versie (v${fromVersion}, hier v${def.version}); gelezen zoals het is.`,
        en: `${def.type} ${id} comes from a newer version (v${fromVersion}, here v${def.version}); read as is.`,
      },
      cardIds: [id],
    })
  } else if (fromVersion < def.version) {
    props = migrateProps(def.migrations, props, fromVersion, def.version)
    findings.push({
      code: 'BOARD-CARD-MIGRATED',
      severity: 'info',
      message: {
        nl: `${def.type} ${id} is bijgewerkt van v${fromVersion} naar v${def.version}.`,
        en: `${def.type} ${id} was migrated from v${fromVersion} to v${def.version}.`,
      },
      cardIds: [id],
    })
  }
  const parsed = def.propsSchema.safeParse(props)
  if (parsed.success) return { props: parsed.data, findings }
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(props)'}: ${issue.message}`)
    .join('; ')
  findings.push({
    code: 'BOARD-CARD-INVALID',
    severity: 'error',
    message: {
      nl: `${def.type} ${id} is ongeldig en wordt overgeslagen (${detail}).`,
      en: `${def.type} ${id} is invalid and skipped (${detail}).`,
    },
    cardIds: [id],
  })
  return { props: null, findings }
}
