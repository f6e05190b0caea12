import {
  evidenceCardShape,
  financieringCardShape,
  kernindicatorCardShape,
  kompasOnderbouwingShape,
  koppelkansCardShape,
  sturingCardShape,
} from '@waardentafel/domain'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import { BaseBoxShapeUtil, type Editor, HTMLContainer, type TLShapeId, useEditor, useValue } from 'tldraw'
import { rectPath } from '../shapes/structureGeometry.ts'
import { valueCardName } from '../shapes/ValueCardShapeUtil.tsx'
import { type CardFace, cardFace, type FaceContext } from './cardFace.ts'
import { IndicatorChartView } from './IndicatorChartView.tsx'
import {
  evidenceCardMigrations,
  financieringCardMigrations,
  kernindicatorCardMigrations,
  kompasOnderbouwingMigrations,
  koppelkansCardMigrations,
  sturingCardMigrations,
} from './spineMigrations.ts'
import {
  evidenceCardProps,
  financieringCardProps,
  kernindicatorCardProps,
  kompasOnderbouwingProps,
  koppelkansCardProps,
  sturingCardProps,
} from './spineProps.ts'
import type {
  EvidenceCardShape,
  FinancieringCardShape,
  KernindicatorCardShape,
  KompasOnderbouwingShape,
  KoppelkansCardShape,
  SpineCardShape,
  SturingCardShape,
} from './spineShapeTypes.ts'
import './spine.css'

/** Names of linked value cards as this editor holds them; a card that is gone names nothing. */
export function valueNameIn(editor: Editor): FaceContext['valueName'] {
  return (id) => {
    const s = editor.getShape(id as TLShapeId)
    return s?.type === 'wt-value-card' ? valueCardName(s.props) : null
  }
}

function SpineCardView({ shape }: { shape: SpineCardShape }) {
  const editor = useEditor()
  const { t, i18n } = useTranslation()
  // Follows the linked value cards too: renaming a value renames it on every card that names it.
  const face: CardFace = useValue(
    'wt spine face',
    () =>
      cardFace(shape, {
        t: t as unknown as FaceContext['t'],
        language: i18n.language,
        valueName: valueNameIn(editor),
      }),
    [shape, editor, t, i18n.language],
  )
  const kind =
    shape.type === 'wt-sturing-card'
      ? shape.props.kind
      : shape.type === 'wt-financiering-card'
        ? shape.props.kind
        : undefined
  return (
    <div
      className="wt-card-shape wt-spine-card"
      data-spine={shape.type}
      data-kind={kind}
      style={{ width: shape.props.w, height: shape.props.h }}
    >
      <div className="wt-card-label">{face.label}</div>
      <div className="wt-card-name">{face.name}</div>
      {face.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are derived text; position is their identity
        <div className="wt-card-sub" key={i}>
          {line}
        </div>
      ))}
      {shape.type === 'wt-kernindicator-card' && <IndicatorChartView props={shape.props} />}
    </div>
  )
}

/** What every spine card shares: a box, edited in the inspector (not in place), no rotation. */
// biome-ignore lint/suspicious/noExplicitAny: the spine's types are not in tldraw's shape map (spineShapeTypes.ts)
abstract class SpineCardUtil<S extends SpineCardShape> extends BaseBoxShapeUtil<any> {
  override canEdit() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override getText(shape: S) {
    const face = cardFace(shape, {
      t: i18next.t.bind(i18next) as unknown as FaceContext['t'],
      language: i18next.language,
      valueName: valueNameIn(this.editor),
    })
    return face.name
  }
  override component(shape: S) {
    return (
      <HTMLContainer>
        <SpineCardView shape={shape} />
      </HTMLContainer>
    )
  }
  override getIndicatorPath(shape: S) {
    return rectPath(shape.props.w, shape.props.h)
  }
}

/** The Kansenanalyse's "polaroid": figures per value with source and date, risks and kansen (PvW part B). */
export class EvidenceCardShapeUtil extends SpineCardUtil<EvidenceCardShape> {
  static override type = 'wt-evidence-card' as const
  static override props = evidenceCardProps
  static override migrations = evidenceCardMigrations
  override getDefaultProps() {
    return evidenceCardShape.defaultProps()
  }
}

/** Why a value scores what it scores in the waardenkompas (part B). */
export class KompasOnderbouwingShapeUtil extends SpineCardUtil<KompasOnderbouwingShape> {
  static override type = 'wt-kompas-onderbouwing' as const
  static override props = kompasOnderbouwingProps
  static override migrations = kompasOnderbouwingMigrations
  override getDefaultProps() {
    return kompasOnderbouwingShape.defaultProps()
  }
}

/** One intervention serving two or more values (part B). */
export class KoppelkansCardShapeUtil extends SpineCardUtil<KoppelkansCardShape> {
  static override type = 'wt-koppelkans-card' as const
  static override props = koppelkansCardProps
  static override migrations = koppelkansCardMigrations
  override getDefaultProps() {
    return koppelkansCardShape.defaultProps()
  }
}

/** A contribution on route 1 or 2, or where the system chafes (part E). */
export class FinancieringCardShapeUtil extends SpineCardUtil<FinancieringCardShape> {
  static override type = 'wt-financiering-card' as const
  static override props = financieringCardProps
  static override migrations = financieringCardMigrations
  override getDefaultProps() {
    return financieringCardShape.defaultProps()
  }
}

/** A sturingskader of one kind (parts E and F). */
export class SturingCardShapeUtil extends SpineCardUtil<SturingCardShape> {
  static override type = 'wt-sturing-card' as const
  static override props = sturingCardProps
  static override migrations = sturingCardMigrations
  override getDefaultProps() {
    return sturingCardShape.defaultProps()
  }
}

/** A kernindicator with nulmeting, streefwaarde and its measurements (part F). */
export class KernindicatorCardShapeUtil extends SpineCardUtil<KernindicatorCardShape> {
  static override type = 'wt-kernindicator-card' as const
  static override props = kernindicatorCardProps
  static override migrations = kernindicatorCardMigrations
  override getDefaultProps() {
    return kernindicatorCardShape.defaultProps()
  }
}

export const spineShapeUtils = [
  EvidenceCardShapeUtil,
  KompasOnderbouwingShapeUtil,
  KoppelkansCardShapeUtil,
  FinancieringCardShapeUtil,
  SturingCardShapeUtil,
  KernindicatorCardShapeUtil,
]
