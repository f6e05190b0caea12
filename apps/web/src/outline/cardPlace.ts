import { frameOf, richTextToPlainText } from '@waardentafel/domain'
import type { TFunction } from 'i18next'
import type { Editor, TLShape } from 'tldraw'
import {
  columnOfCard,
  liveTemplates,
  placedOf,
  ringOfCard,
  statusOfCard,
} from '../templates/derive/livePlacement.ts'
import { baathouderName } from '../templates/shapes/BaathouderCardShapeUtil.tsx'
import { valueCardName } from '../templates/shapes/ValueCardShapeUtil.tsx'
import type { CardKind, PlaceKey } from './liveChanges.ts'

// What a card is and where it stands, with the same live placement functions the canvas labels use, so the
// outline and the announcements never disagree with what the card itself shows.

export type CardFacts = { kind: CardKind; name: string; place: PlaceKey }

/** The name of a card as the outline and the announcements say it. */
export function cardName(shape: TLShape, t: TFunction): string {
  switch (shape.type) {
    case 'wt-value-card':
      return valueCardName(shape.props)
    case 'wt-baathouder-card':
      return baathouderName(shape.props)
    case 'wt-tension-card':
      return shape.props.name.trim() || t('templates.tension.unnamed')
    case 'note': {
      const text = richTextToPlainText(shape.props.richText)
      return text ? `${t('outline.kind.note')} “${text.split('\n')[0]}”` : t('outline.kind.note')
    }
    default:
      return ''
  }
}

export function cardFacts(editor: Editor, shape: TLShape, t: TFunction): CardFacts | null {
  const kind = cardKind(shape)
  const place = kind && cardPlace(editor, shape)
  return kind && place ? { kind, name: cardName(shape, t), place } : null
}

export function cardKind(shape: TLShape): CardKind | null {
  switch (shape.type) {
    case 'wt-value-card':
      return 'value'
    case 'wt-baathouder-card':
      return 'baathouder'
    case 'wt-tension-card':
      return 'tension'
    case 'note':
      return 'note'
    default:
      return null
  }
}

/** Where a card stands (null for shapes that are not cards); cheaper than cardFacts, which also names it. */
export function cardPlace(editor: Editor, shape: TLShape): PlaceKey | null {
  switch (shape.type) {
    case 'wt-value-card': {
      const column = columnOfCard(editor, shape.id)?.column
      return column ? `column:${column}` : 'none'
    }
    case 'wt-baathouder-card': {
      const ring = ringOfCard(editor, shape.id)?.ring
      return ring ? `ring:${ring}` : 'none'
    }
    case 'wt-tension-card': {
      const status = statusOfCard(editor, shape.id)?.status
      return status ? `status:${status}` : 'none'
    }
    case 'note': {
      const frames = liveTemplates(editor).frames.get()
      if (frames.length === 0) return 'none'
      const placed = placedOf(editor, shape)
      const frame = placed && frameOf(placed, frames)
      return frame ? `part:${frame.props.part}` : 'none'
    }
    default:
      return null
  }
}

/** A place key in words: "Sturend", "Schil 2", "Gewogen", "PvW C", or "los op het bord". */
export function placeLabel(place: PlaceKey | null, t: TFunction): string {
  const [kind, key] = (place ?? 'none').split(':')
  switch (kind) {
    case 'column':
      return t(`templates.columns.${key}`)
    case 'ring':
      return key === 'centrum' ? t('templates.schillen.area') : t('templates.ringShort', { ring: key })
    case 'status':
      return t(`templates.status.${key}`)
    case 'part':
      return `${key}. ${t(`templates.pvw.parts.${key}`)}`
    default:
      return t('outline.live.free')
  }
}
