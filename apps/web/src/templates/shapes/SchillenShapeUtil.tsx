import { SCHILLEN_BAND_FRACTION, schillenShape } from '@waardentafel/domain'
import { useTranslation } from 'react-i18next'
import { HTMLContainer, ShapeUtil, type TLDragShapesOutInfo, type TLShape } from 'tldraw'
import { TITLE_H } from '../layout/templateLayout.ts'
import { schillenMigrations } from '../schema/migrations.ts'
import type { SchillenShape } from '../schema/shapeTypes.ts'
import { schillenProps } from '../schema/structureProps.ts'
import { rectPath, structureGeometry } from './structureGeometry.ts'

const RING_FILLS = ['#fbf7ea', '#eef4ec', '#e6efe9', '#dbe8e1', '#cfe0d7']
const HEADER_FRACTION = 0.3

function SchillenBody({ shape }: { shape: SchillenShape }) {
  const { t } = useTranslation()
  const w = shape.props.w
  const half = w / 2
  const band = half * SCHILLEN_BAND_FRACTION
  return (
    <div className="wt-tpl wt-schillen" style={{ width: w, height: w }}>
      <svg width={w} height={w} aria-hidden="true">
        {[4, 3, 2, 1, 0].map((k) => (
          <circle
            key={k}
            cx={half}
            cy={half}
            r={(k + 1) * band}
            fill={RING_FILLS[k]}
            stroke="#6d8f80"
            strokeWidth={3}
          />
        ))}
      </svg>
      {[1, 2, 3, 4].map((k) => (
        <div
          key={k}
          className="wt-ring-label"
          data-ring={k}
          style={{ left: half - band * 2, width: band * 4, top: half - (k + 1) * band + 8 }}
        >
          {k} · {t(`templates.rings.${k}`)}
        </div>
      ))}
      <div
        className="wt-ring-centre"
        style={{ left: half - band, top: half - band, width: band * 2, height: band * 2 }}
      >
        {shape.props.areaName || t('templates.schillen.area')}
      </div>
      <div
        className="wt-tpl-title wt-tpl-title-corner"
        style={{ width: w * HEADER_FRACTION, height: TITLE_H }}
      >
        <span>{t('templates.names.schillen')}</span>
      </div>
    </div>
  )
}

/** Schillendiagram: a centre (the area) and four rings; a baathouder's schil follows from its distance. */
export class SchillenShapeUtil extends ShapeUtil<SchillenShape> {
  static override type = 'wt-schillen' as const
  static override props = schillenProps
  static override migrations = schillenMigrations

  override getDefaultProps(): SchillenShape['props'] {
    return schillenShape.defaultProps()
  }
  override getGeometry(shape: SchillenShape) {
    return structureGeometry(shape.props.w, shape.props.w, shape.props.w * HEADER_FRACTION, TITLE_H)
  }
  // A frame-like container without tldraw's box base class: the schema stores only w (it is always square).
  override isFrameLike() {
    return true
  }
  override canReceiveNewChildrenOfType(shape: SchillenShape, type: TLShape['type']) {
    return !shape.isLocked && type === 'wt-baathouder-card'
  }
  override onDragShapesIn(shape: SchillenShape, shapes: TLShape[]) {
    const incoming = shapes.filter((s) => s.parentId !== shape.id && !this.editor.hasAncestor(shape, s.id))
    if (incoming.length) this.editor.reparentShapes(incoming, shape.id)
  }
  override onDragShapesOut(shape: SchillenShape, shapes: TLShape[], info: TLDragShapesOutInfo) {
    if (info.nextDraggingOverShapeId) return
    const leaving = shapes.filter((s) => s.parentId === shape.id)
    if (leaving.length) this.editor.reparentShapes(leaving, this.editor.getCurrentPageId())
  }
  // The diagram is sized once when inserted; free resizing would turn it into an ellipse.
  override canResize() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override canBind() {
    return false
  }
  override getText(shape: SchillenShape) {
    return shape.props.areaName
  }
  override component(shape: SchillenShape) {
    return (
      <HTMLContainer>
        <SchillenBody shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: SchillenShape) {
    return rectPath(shape.props.w, shape.props.w)
  }
}
