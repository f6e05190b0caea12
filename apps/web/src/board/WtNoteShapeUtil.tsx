import {
  type Box,
  Geometry2d,
  Geometry2dFilters,
  Group2d,
  getDisplayValues,
  NoteShapeUtil,
  Rectangle2d,
  type TLFontFace,
  type TLNoteShape,
  track,
  type Vec,
  type VecLike,
} from 'tldraw'
import { OnlyWhenVisible } from './OnlyWhenVisible.tsx'

// tldraw's note measures its text (tiptap HTML + a DOM layout, a few ms each) to build its geometry, and every
// geometry is needed at once: culling and hover read all shapes' bounds from the spatial index. On a 5,000-note
// board that alone took longer than any cold-open budget. The note's bounds never depend on that measurement (the
// label rectangle is excluded from them, the height comes from props.growY), so here the label rectangle is
// measured only when something asks for it: a hit test near that note, or an edit that grows it. Notes off
// screen also render nothing inside tldraw's (hidden) container until they come into view.

/** The label rectangle of a note, computed the first time it is read. */
class LazyLabelRectangle2d extends Geometry2d {
  readonly #compute: () => Geometry2d
  #label: Geometry2d | null = null

  constructor(compute: () => Geometry2d) {
    super({ isClosed: true, isFilled: true, isLabel: true, excludeFromShapeBounds: true })
    this.#compute = compute
  }

  get #inner(): Geometry2d {
    this.#label ??= this.#compute()
    return this.#label
  }

  override getVertices(): Vec[] {
    return this.#inner.getVertices(Geometry2dFilters.INCLUDE_ALL)
  }

  override nearestPoint(point: VecLike): Vec {
    return this.#inner.nearestPoint(point)
  }

  override getBounds(): Box {
    return this.#inner.getBounds()
  }

  override getSvgPathData(first: boolean): string {
    return this.#inner.getSvgPathData(first)
  }
}

/** tldraw's note with the same props, look and behaviour; only when it measures and renders differs. */
export class WtNoteShapeUtil extends NoteShapeUtil {
  // tldraw's own geometry, whose label it measures, is built only when the label is read.
  override getGeometry(shape: TLNoteShape): Group2d {
    const dv = getDisplayValues(this, shape)
    const { scale, growY } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({
          width: dv.noteWidth * scale,
          height: (dv.noteHeight + growY) * scale,
          isFilled: true,
        }),
        new LazyLabelRectangle2d(() => {
          const label = super.getGeometry(shape).children.find((child) => child.isLabel)
          if (!label) throw new Error('tldraw note geometry without a label')
          return label
        }),
      ],
    })
  }

  // tldraw's note builds a ProseMirror document from its rich text to find the fonts it needs (bold, italic, code),
  // for every note on the page before the canvas shows (the font check): ~20 ms on 5,000 notes. Without marks the
  // answer is the same for every note of one font, so tldraw's own answer for the first such note serves the rest.
  override getFontFaces(shape: TLNoteShape): TLFontFace[] {
    const { richText, font, textLastEditedBy } = shape.props
    if (hasMarks(richText)) return super.getFontFaces(shape)
    const byTheme = fontFacesCache.get(this.editor.getTextOptions()) ?? new WeakMap()
    fontFacesCache.set(this.editor.getTextOptions(), byTheme)
    const theme = this.editor.getCurrentTheme()
    const byKey = byTheme.get(theme) ?? new Map<string, TLFontFace[]>()
    byTheme.set(theme, byKey)
    const key = `${font}|${isEmptyRichText(richText)}|${!!textLastEditedBy}`
    let faces = byKey.get(key)
    if (!faces) {
      faces = super.getFontFaces(shape)
      byKey.set(key, faces)
    }
    return faces
  }

  override component(shape: TLNoteShape) {
    // getCulledShapes never holds the selected or edited note, so editing always has the full note.
    return (
      <OnlyWhenVisible id={shape.id}>
        <VisibleNote util={this} shape={shape} />
      </OnlyWhenVisible>
    )
  }
}

const fontFacesCache = new WeakMap<object, WeakMap<object, Map<string, TLFontFace[]>>>()

/** tldraw's own test (a document without nodes, or one node without content): such a note needs no text fonts. */
function isEmptyRichText(richText: TLNoteShape['props']['richText']): boolean {
  const [first, ...rest] = richText.content
  if (!first) return true
  return rest.length === 0 && !(first as { content?: unknown[] }).content?.length
}

/** Whether any node of a rich text document carries marks (bold, italic, code…), which change its fonts. */
function hasMarks(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false
  const { marks, content } = node as { marks?: unknown[]; content?: unknown[] }
  if (marks && marks.length > 0) return true
  return Array.isArray(content) && content.some(hasMarks)
}

type NoteProps = { util: WtNoteShapeUtil; shape: TLNoteShape }

const noteComponent = NoteShapeUtil.prototype.component

// Tracked like tldraw's own shape render, so that what the note reads from the editor (selection) re-renders it.
const VisibleNote = track(function VisibleNote({ util, shape }: NoteProps) {
  return noteComponent.call(util, shape)
})
