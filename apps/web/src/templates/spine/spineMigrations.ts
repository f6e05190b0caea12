import {
  evidenceCardShape,
  financieringCardShape,
  kernindicatorCardShape,
  kompasOnderbouwingShape,
  koppelkansCardShape,
  sturingCardShape,
} from '@waardentafel/domain'
import { createShapePropsMigrationSequence, type TLPropsMigrations } from 'tldraw'

// As schema/migrations.ts: tldraw runs the domain's own migration functions, so a board migrated in the browser
// and one migrated by the domain (export, CLI) pass through the same code.
type DomainSequence = {
  sequence: readonly {
    id: string
    up: (p: Record<string, unknown>) => unknown
    down: (p: Record<string, unknown>) => unknown
  }[]
}

function wrap(sequence: DomainSequence): TLPropsMigrations {
  return createShapePropsMigrationSequence({
    sequence: sequence.sequence.map((m) => ({
      id: m.id as `${string}/${number}`,
      up: (props: Record<string, unknown>) => m.up(props),
      down: (props: Record<string, unknown>) => m.down(props),
    })),
  })
}

export const evidenceCardMigrations = wrap(evidenceCardShape.migrations)
export const kompasOnderbouwingMigrations = wrap(kompasOnderbouwingShape.migrations)
export const koppelkansCardMigrations = wrap(koppelkansCardShape.migrations)
export const financieringCardMigrations = wrap(financieringCardShape.migrations)
export const sturingCardMigrations = wrap(sturingCardShape.migrations)
export const kernindicatorCardMigrations = wrap(kernindicatorCardShape.migrations)
