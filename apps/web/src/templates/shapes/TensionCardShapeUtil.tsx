import { tensionCardShape } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseBoxShapeUtil, HTMLContainer, useEditor, useValue } from 'tldraw'
import { statusOfCard } from '../derive/livePlacement.ts'
import { tensionCardProps } from '../schema/cardProps.ts'
import { tensionCardMigrations } from '../schema/migrations.ts'
import type { TensionCardShape } from '../schema/shapeTypes.ts'
import { rectPath } from './structureGeometry.ts'
import { TensionConnectors } from './TensionConnectors.tsx'

function TensionCardView({ shape }: { shape: TensionCardShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const status = useValue('wt tension status', () => statusOfCard(editor, shape.id)?.status ?? null, [
    editor,
    shape.id,
  ])
  const { props } = shape
  const poles = props.poles.map((p) => p.label.trim()).filter(Boolean)
  return (
    <>
      <TensionConnectors tensionId={shape.id} />
      <div
        className="wt-card-shape wt-tension-card"
        data-status={status ?? 'none'}
        style={{ width: props.w, height: props.h }}
      >
        <div className="wt-card-label" data-testid="tension-status">
          {status ? t(`templates.status.${status}`) : t('templates.noStatus')}
        </div>
        <div className="wt-card-name">{props.name.trim() || t('templates.tension.unnamed')}</div>
        {poles.length > 0 && <div className="wt-card-sub">{poles.join(' ⟷ ')}</div>}
        {props.gebiedsdeel && <div className="wt-card-sub">📍 {props.gebiedsdeel}</div>}
      </div>
    </>
  )
}

/** A tension as a polarity map; its status follows the spanningen column, its values are bindings. */
export class TensionCardShapeUtil extends BaseBoxShapeUtil<TensionCardShape> {
  static override type = 'wt-tension-card' as const
  static override props = tensionCardProps
  static override migrations = tensionCardMigrations

  override getDefaultProps(): TensionCardShape['props'] {
    return tensionCardShape.defaultProps()
  }
  override canEdit() {
    return false
  }
  // The card draws its connectors; culling it off-screen would hide connectors that cross the screen.
  override canCull() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override getText(shape: TensionCardShape) {
    return shape.props.name
  }
  override component(shape: TensionCardShape) {
    return (
      <HTMLContainer>
        <TensionCardView shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: TensionCardShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
