import type { Editor } from 'tldraw'
import { FinancieringInspector, KernindicatorInspector, KoppelkansInspector } from './KaderInspectors.tsx'
import { EvidenceInspector, KompasOnderbouwingInspector } from './KansenInspectors.tsx'
import { SturingInspector } from './SturingInspector.tsx'
import type { SpineCardShape } from './spineShapeTypes.ts'

/** The inspector body of one spine card, by type. */
export function SpineInspector({
  editor,
  shape,
  readOnly,
}: {
  editor: Editor
  shape: SpineCardShape
  readOnly: boolean
}) {
  switch (shape.type) {
    case 'wt-evidence-card':
      return <EvidenceInspector editor={editor} shape={shape} readOnly={readOnly} />
    case 'wt-kompas-onderbouwing':
      return <KompasOnderbouwingInspector editor={editor} shape={shape} readOnly={readOnly} />
    case 'wt-koppelkans-card':
      return <KoppelkansInspector editor={editor} shape={shape} readOnly={readOnly} />
    case 'wt-financiering-card':
      return <FinancieringInspector editor={editor} shape={shape} readOnly={readOnly} />
    case 'wt-sturing-card':
      return <SturingInspector editor={editor} shape={shape} readOnly={readOnly} />
    case 'wt-kernindicator-card':
      return <KernindicatorInspector editor={editor} shape={shape} readOnly={readOnly} />
  }
}
