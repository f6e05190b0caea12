import { valueCardShape, valueLabel } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseBoxShapeUtil, HTMLContainer, useEditor, useValue } from 'tldraw'
import { columnOfCard } from '../derive/livePlacement.ts'
import { valueCardsLocked } from '../lock/valueCardLock.ts'
import { valueCardProps } from '../schema/cardProps.ts'
import { valueCardMigrations } from '../schema/migrations.ts'
import type { ValueCardShape } from '../schema/shapeTypes.ts'
import { rectPath } from './structureGeometry.ts'

export function valueCardName(props: ValueCardShape['props']): string {
  return props.name.trim() || valueLabel(props.valueKey)
}

// Kept deliberately small (a few elements, one derived value): boards hold hundreds of cards.
function ValueCardView({ shape }: { shape: ValueCardShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const column = useValue('wt value class', () => columnOfCard(editor, shape.id)?.column ?? null, [
    editor,
    shape.id,
  ])
  const { props } = shape
  return (
    <div
      className="wt-card-shape wt-value-card"
      data-class={column ?? 'none'}
      style={{ width: props.w, height: props.h }}
    >
      <div className="wt-card-label" data-testid="value-class">
        {column ? t(`templates.columns.${column}`) : t('templates.noClass')}
      </div>
      <div className="wt-card-name">{valueCardName(props)}</div>
      {props.twijfel && (
        <div className="wt-card-mark" title={t('templates.value.twijfel')}>
          ? {t('templates.value.twijfelShort')}
        </div>
      )}
    </div>
  )
}

/** A maatschappelijke waarde; its class is derived from where it lies, never stored. */
export class ValueCardShapeUtil extends BaseBoxShapeUtil<ValueCardShape> {
  static override type = 'wt-value-card' as const
  static override props = valueCardProps
  static override migrations = valueCardMigrations

  override getDefaultProps(): ValueCardShape['props'] {
    return valueCardShape.defaultProps()
  }
  override canEdit() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  // With the value cards locked (for this person), no handles invite a resize the server would refuse.
  override canResize() {
    return !valueCardsLocked(this.editor)
  }
  override hideResizeHandles() {
    return valueCardsLocked(this.editor)
  }
  override getText(shape: ValueCardShape) {
    return valueCardName(shape.props)
  }
  override getAriaDescriptor(shape: ValueCardShape) {
    const column = columnOfCard(this.editor, shape.id)?.column
    return column ? `${valueCardName(shape.props)} (${column})` : valueCardName(shape.props)
  }
  override component(shape: ValueCardShape) {
    return (
      <HTMLContainer>
        <ValueCardView shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: ValueCardShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
