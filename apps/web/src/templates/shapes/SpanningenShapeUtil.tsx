import { SPANNINGEN_COLUMNS, spanningenShape } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseFrameLikeShapeUtil, HTMLContainer, type TLShape } from 'tldraw'
import { COLUMN_HEADER_H } from '../layout/templateLayout.ts'
import { spanningenMigrations } from '../schema/migrations.ts'
import type { SpanningenShape } from '../schema/shapeTypes.ts'
import { spanningenProps } from '../schema/structureProps.ts'
import { ColumnTemplate } from './ColumnTemplate.tsx'
import { rectPath, structureGeometry } from './structureGeometry.ts'

function SpanningenBody({ shape }: { shape: SpanningenShape }) {
  const { t } = useTranslation()
  return (
    <ColumnTemplate
      w={shape.props.w}
      h={shape.props.h}
      title={shape.props.title || t('templates.names.spanningen')}
      columns={SPANNINGEN_COLUMNS.map((key) => ({
        key,
        label: t(`templates.status.${key}`),
        hint: t(`templates.statusHints.${key}`),
      }))}
    />
  )
}

/** Spanningenmuur: benoemd → gewogen → besloten; a tension's status is the column its centre lies in. */
export class SpanningenShapeUtil extends BaseFrameLikeShapeUtil<SpanningenShape> {
  static override type = 'wt-spanningen' as const
  static override props = spanningenProps
  static override migrations = spanningenMigrations

  override getDefaultProps(): SpanningenShape['props'] {
    return spanningenShape.defaultProps()
  }
  override getGeometry(shape: SpanningenShape) {
    return structureGeometry(shape.props.w, shape.props.h, shape.props.w, COLUMN_HEADER_H)
  }
  override getClipPath() {
    return undefined
  }
  override canReceiveNewChildrenOfType(shape: SpanningenShape, type: TLShape['type']) {
    return !shape.isLocked && type === 'wt-tension-card'
  }
  override hideRotateHandle() {
    return true
  }
  override canBind() {
    return false
  }
  override getText(shape: SpanningenShape) {
    return shape.props.title
  }
  override component(shape: SpanningenShape) {
    return (
      <HTMLContainer>
        <SpanningenBody shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: SpanningenShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
