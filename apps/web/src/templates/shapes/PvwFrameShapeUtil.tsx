import { pvwFrameShape } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { BaseFrameLikeShapeUtil, HTMLContainer, type TLShape, useEditor, useValue } from 'tldraw'
import { notesInFrame } from '../derive/livePlacement.ts'
import { TITLE_H } from '../layout/templateLayout.ts'
import { pvwFrameMigrations } from '../schema/migrations.ts'
import type { PvwFrameShape } from '../schema/shapeTypes.ts'
import { pvwFrameProps } from '../schema/structureProps.ts'
import { pvwSummary } from './pvwSummary.ts'
import { rectPath, structureGeometry } from './structureGeometry.ts'

function PvwFrameView({ shape }: { shape: PvwFrameShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
  const notes = useValue('wt frame notes', () => notesInFrame(editor, shape.id), [editor, shape.id])
  const { props } = shape
  const summary = pvwSummary(props, t)
  return (
    <div className="wt-tpl wt-pvw" data-part={props.part} style={{ width: props.w, height: props.h }}>
      <div className="wt-tpl-title" style={{ height: TITLE_H }}>
        <span>
          {props.part}. {t(`templates.pvw.parts.${props.part}`)}
        </span>
        <span className="wt-count-badge" data-testid="pvw-note-count">
          {t('templates.pvw.notes', { count: notes })}
        </span>
      </div>
      {/* A <dl> holds only term/definition pairs, so the empty state is a paragraph of its own. It goes once
          the frame has notes: it would show through behind them. */}
      {summary.length === 0 ? (
        notes === 0 && <p className="wt-pvw-summary wt-muted">{t('templates.pvw.empty')}</p>
      ) : (
        <dl className="wt-pvw-summary">
          {summary.map((line) => (
            <div key={line.label}>
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

/** A PvW part (A, C, E, F): structured fields edited in the inspector; notes inside are extra entries. */
export class PvwFrameShapeUtil extends BaseFrameLikeShapeUtil<PvwFrameShape> {
  static override type = 'wt-pvw-frame' as const
  // The union is checked as a whole by pvwFramePropsValidator; see structureProps.ts.
  static override props = pvwFrameProps as never
  static override migrations = pvwFrameMigrations

  override getDefaultProps(): PvwFrameShape['props'] {
    return pvwFrameShape.defaultProps()
  }
  override getGeometry(shape: PvwFrameShape) {
    return structureGeometry(shape.props.w, shape.props.h, shape.props.w, TITLE_H)
  }
  override getClipPath() {
    return undefined
  }
  override canReceiveNewChildrenOfType(shape: PvwFrameShape, type: TLShape['type']) {
    return !shape.isLocked && type === 'note'
  }
  override hideRotateHandle() {
    return true
  }
  override canBind() {
    return false
  }
  override getText(shape: PvwFrameShape) {
    return `PvW ${shape.props.part}`
  }
  override component(shape: PvwFrameShape) {
    return (
      <HTMLContainer>
        <PvwFrameView shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: PvwFrameShape) {
    return rectPath(shape.props.w, shape.props.h)
  }
}
