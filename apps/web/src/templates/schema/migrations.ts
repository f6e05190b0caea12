import {
  baathouderCardShape,
  prioriteringShape,
  pvwFrameShape,
  schillenShape,
  spanningenShape,
  tensionCardShape,
  tensionLinkBinding,
  valueCardShape,
} from '@waardentafel/domain'
import {
  createBindingPropsMigrationSequence,
  createShapePropsMigrationSequence,
  type TLPropsMigrations,
} from 'tldraw'

// tldraw runs the domain's own migration functions: a board migrated in the browser and a snapshot migrated
// by the domain (export, CLI) pass through the same code, so they cannot drift apart.
type DomainSequence = {
  sequence: readonly {
    id: string
    up: (p: Record<string, unknown>) => unknown
    down: (p: Record<string, unknown>) => unknown
  }[]
}

function wrap(sequence: DomainSequence): TLPropsMigrations {
  return {
    sequence: sequence.sequence.map((m) => ({
      id: m.id as `${string}/${number}`,
      up: (props: Record<string, unknown>) => m.up(props),
      down: (props: Record<string, unknown>) => m.down(props),
    })),
  }
}

export const valueCardMigrations = createShapePropsMigrationSequence(wrap(valueCardShape.migrations))
export const baathouderCardMigrations = createShapePropsMigrationSequence(
  wrap(baathouderCardShape.migrations),
)
export const tensionCardMigrations = createShapePropsMigrationSequence(wrap(tensionCardShape.migrations))
export const prioriteringMigrations = createShapePropsMigrationSequence(wrap(prioriteringShape.migrations))
export const schillenMigrations = createShapePropsMigrationSequence(wrap(schillenShape.migrations))
export const spanningenMigrations = createShapePropsMigrationSequence(wrap(spanningenShape.migrations))
export const pvwFrameMigrations = createShapePropsMigrationSequence(wrap(pvwFrameShape.migrations))
export const tensionLinkMigrations = createBindingPropsMigrationSequence(wrap(tensionLinkBinding.migrations))
