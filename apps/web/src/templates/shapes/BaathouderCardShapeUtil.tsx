import { baathouderCardShape, baathouderType } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseBoxShapeUtil, HTMLContainer, useEditor, useValue } from 'tldraw'
import { ringOfCard } from '../derive/livePlacement.ts'
import { baathouderCardProps } from '../schema/cardProps.ts'
import { baathouderCardMigrations } from '../schema/migrations.ts'
import type { BaathouderCardShape } from '../schema/shapeTypes.ts'
import { rectPath } from './structureGeometry.ts'

export function baathouderName(props: BaathouderCardShape['props']): string {
  return props.name.trim() || baathouderType(props.category)?.label || props.organisation || '—'
}

function BaathouderCardView({ shape }: { shape: BaathouderCardShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const ring = useValue('wt schil', () => ringOfCard(editor, shape.id)?.ring ?? null, [editor, shape.id])
  const { props } = shape
  return (
    <div
      className="wt-card-shape wt-baathouder-card"
      data-ring={ring ?? 'none'}
      style={{ width: props.w, height: props.h }}
    >
      <div className="wt-card-label" data-testid="baathouder-ring">
        {ring === null
          ? t('templates.noRing')
          : ring === 'centrum'
            ? t('templates.schillen.area')
            : t('templates.ringShort', { ring })}
        {' · '}
        {t(`templates.involvement.${props.involvement}`)}
      </div>
      <div className="wt-card-name">{baathouderName(props)}</div>
      {props.organisation && props.name && <div className="wt-card-sub">{props.organisation}</div>}
      {(props.rentmeester || props.signatory) && (
        <div className="wt-card-mark">
          {[
            props.rentmeester && t('templates.baathouder.rentmeester'),
            props.signatory && t('templates.baathouder.signatory'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      )}
    </div>
  )
}

/** A baathouder on the schillen diagram; its schil is derived from the distance to the diagram centre. */
export class BaathouderCardShapeUtil extends BaseBoxShapeUtil<BaathouderCardShape> {
  static override type = 'wt-baathouder-card' as const
  static override props = baathouderCardProps
  static override migrations = baathouderCardMigrations

  override getDefaultProps(): BaathouderCardShape['props'] {
    return baathouderCardShape.defaultProps()
  }
  override canEdit() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override getText(shape: BaathouderCardShape) {
    return baathouderName(shape.props)
  }
  override component(shape: BaathouderCardShape) {
    return (
      <HTMLContainer>
        <BaathouderCardView shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: BaathouderCardShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
