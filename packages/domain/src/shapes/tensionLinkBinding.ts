import { z } from 'zod'
import { bindingMigrationId, initialMigration } from './migrations.ts'
import type { ShapeDefinition } from './ShapeDefinition.ts'
import { TENSION_LINK_TYPE } from './shapeTypes.ts'

// Binding from a tension card (fromId) to a value card (toId). It carries no data: the link itself is the fact.

export const tensionLinkPropsSchema = z.object({})

export type TensionLinkProps = z.infer<typeof tensionLinkPropsSchema>

export const tensionLinkDefaultProps = (): TensionLinkProps => ({})

export const tensionLinkMigrations = {
  sequence: [initialMigration(bindingMigrationId(TENSION_LINK_TYPE, 1), tensionLinkDefaultProps)],
}

export const tensionLinkBinding: ShapeDefinition<TensionLinkProps> = {
  type: TENSION_LINK_TYPE,
  propsSchema: tensionLinkPropsSchema,
  defaultProps: tensionLinkDefaultProps,
  migrations: tensionLinkMigrations,
  version: tensionLinkMigrations.sequence.length,
}
