import { tensionLinkBinding } from '@waardentafel/domain'
import { BindingUtil } from 'tldraw'
import { tensionLinkMigrations } from '../schema/migrations.ts'
import type { TensionLinkBinding } from '../schema/shapeTypes.ts'
import { tensionLinkProps } from '../schema/structureProps.ts'

/**
 * Tension card (from) → value card (to). The binding only records the link; the tension card draws it and
 * redraws when either end moves. tldraw removes a binding with either of its shapes, so a deleted value
 * never leaves a dangling link behind.
 */
export class TensionLinkBindingUtil extends BindingUtil<TensionLinkBinding> {
  static override type = 'wt-tension-link' as const
  static override props = tensionLinkProps
  static override migrations = tensionLinkMigrations

  override getDefaultProps(): TensionLinkBinding['props'] {
    return tensionLinkBinding.defaultProps()
  }
}
