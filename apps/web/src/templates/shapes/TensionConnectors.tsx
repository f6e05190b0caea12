import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw'
import { connectorBetween, type Segment } from '../layout/connector.ts'

// Connectors from a tension card to the value cards it is bound to, drawn by the tension card itself in its
// own coordinates. They are recomputed only when the tension or one of its values moves (a reactive read of
// their page bounds), so panning a board costs nothing and dragging a value redraws only its tensions.

function segmentsFor(editor: Editor, tensionId: TLShapeId): Segment[] {
  const tension = editor.getShape(tensionId)
  if (tension?.type !== 'wt-tension-card') return []
  const toLocal = editor.getShapePageTransform(tension).clone().invert()
  const from = {
    cx: tension.props.w / 2,
    cy: tension.props.h / 2,
    hw: tension.props.w / 2,
    hh: tension.props.h / 2,
  }
  const segments: Segment[] = []
  for (const link of editor.getBindingsFromShape(tension, 'wt-tension-link')) {
    const bounds = editor.getShapePageBounds(link.toId)
    if (!bounds) continue
    const centre = toLocal.applyToPoint(bounds.center)
    const segment = connectorBetween(from, { cx: centre.x, cy: centre.y, hw: bounds.w / 2, hh: bounds.h / 2 })
    if (segment) segments.push(segment)
  }
  return segments
}

export function TensionConnectors({ tensionId }: { tensionId: TLShapeId }) {
  const editor = useEditor()
  const segments = useValue('wt tension connectors', () => segmentsFor(editor, tensionId), [
    editor,
    tensionId,
  ])
  if (segments.length === 0) return null
  return (
    <svg className="wt-connectors" aria-hidden="true" data-testid="tension-connectors">
      {segments.map((s) => (
        <g key={`${s.x2},${s.y2}`}>
          <line x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
          <circle cx={s.x2} cy={s.y2} r={7} />
        </g>
      ))}
    </svg>
  )
}
