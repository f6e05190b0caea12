import { PRIORITERING_COLUMNS, prioriteringShape } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseFrameLikeShapeUtil, HTMLContainer, type TLShape } from 'tldraw'
import { COLUMN_HEADER_H } from '../layout/templateLayout.ts'
import { prioriteringMigrations } from '../schema/migrations.ts'
import type { PrioriteringShape } from '../schema/shapeTypes.ts'
import { prioriteringProps } from '../schema/structureProps.ts'
import { ColumnTemplate } from './ColumnTemplate.tsx'
import { rectPath, structureGeometry } from './structureGeometry.ts'

function PrioriteringBody({ shape }: { shape: PrioriteringShape }) {
  const { t } = useTranslation()
  return (
    <ColumnTemplate
      w={shape.props.w}
      h={shape.props.h}
      title={shape.props.title || t('templates.names.prioritering')}
      columns={PRIORITERING_COLUMNS.map((key) => ({
        key,
        label: t(`templates.columns.${key}`),
        hint: t(`templates.columnHints.${key}`),
      }))}
    />
  )
}

/** Waarden-prioritering: four columns; a value card's class is the column its centre lies in. */
export class PrioriteringShapeUtil extends BaseFrameLikeShapeUtil<PrioriteringShape> {
  static override type = 'wt-prioritering' as const
  static override props = prioriteringProps
  static override migrations = prioriteringMigrations

  override getDefaultProps(): PrioriteringShape['props'] {
    return prioriteringShape.defaultProps()
  }
  override getGeometry(shape: PrioriteringShape) {
    return structureGeometry(shape.props.w, shape.props.h, shape.props.w, COLUMN_HEADER_H)
  }
  // No clipping: a card half over the edge stays readable, and tension connectors may cross templates.
  override getClipPath() {
    return undefined
  }
  override canReceiveNewChildrenOfType(shape: PrioriteringShape, type: TLShape['type']) {
    return !shape.isLocked && type === 'wt-value-card'
  }
  override hideRotateHandle() {
    return true
  }
  override canBind() {
    return false
  }
  override getText(shape: PrioriteringShape) {
    return shape.props.title
  }
  override component(shape: PrioriteringShape) {
    return (
      <HTMLContainer>
        <PrioriteringBody shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: PrioriteringShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
