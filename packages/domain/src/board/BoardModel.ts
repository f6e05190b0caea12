import type { Finding } from '../findings.ts'
import type { BaathouderCardProps } from '../shapes/baathouderCardShape.ts'
import type { EvidenceCardProps } from '../shapes/evidenceCardShape.ts'
import type { FinancieringCardProps } from '../shapes/financieringCardShape.ts'
import type { KernindicatorCardProps } from '../shapes/kernindicatorCardShape.ts'
import type { KompasOnderbouwingProps } from '../shapes/kompasOnderbouwingShape.ts'
import type { KoppelkansCardProps } from '../shapes/koppelkansCardShape.ts'
import type { PrioriteringColumn, PrioriteringProps } from '../shapes/prioriteringShape.ts'
import type { PvwFramePart, PvwFrameProps } from '../shapes/pvwFrameShape.ts'
import type { RingPosition, SchillenProps } from '../shapes/schillenShape.ts'
import type { SpanningenProps, TensionStatus } from '../shapes/spanningenShape.ts'
import type { SturingCardProps } from '../shapes/sturingCardShape.ts'
import type { TensionCardProps } from '../shapes/tensionCardShape.ts'
import type { ValueCardProps } from '../shapes/valueCardShape.ts'
import type { Workshop } from './boardSnapshotSchema.ts'
import type { Point, Transform } from './geometry.ts'

// A board read from a snapshot: validated props plus everything derived from geometry. The PvW builders read
// only this model, never raw records, so all position rules live in one place (readBoard + placement).

export type Placed = {
  id: string
  pageId: string
  transform: Transform
  ancestors: string[]
  zPath: string[]
  /** Page coordinates of the shape's centre. */
  centre: Point
}

export type Template<P> = Placed & { props: P }

export type ValueCard = Placed & {
  props: ValueCardProps
  column: PrioriteringColumn | null
  templateId: string | null
}

export type BaathouderCard = Placed & {
  props: BaathouderCardProps
  ring: RingPosition
  templateId: string | null
}

export type TensionCard = Placed & {
  props: TensionCardProps
  status: TensionStatus | null
  templateId: string | null
  /** Value cards linked by wt-tension-link bindings, in binding order. */
  valueIds: string[]
  linkIds: string[]
}

export type PvwFrame = Placed & { props: PvwFrameProps }

export type Note = Placed & { text: string; part: PvwFramePart | null; frameId: string | null }

export type BoardModel = {
  id: string
  title: string
  createdAt: string | null
  workshop: Workshop | null
  prioriteringen: Template<PrioriteringProps>[]
  schillen: Template<SchillenProps>[]
  spanningen: Template<SpanningenProps>[]
  frames: PvwFrame[]
  /** All lists below are in reading order: top to bottom, then left to right, on the page. */
  valueCards: ValueCard[]
  baathouders: BaathouderCard[]
  tensions: TensionCard[]
  notes: Note[]
  /** The process spine's structured cards (issue #20), in reading order; they carry their links as props. */
  evidence: Template<EvidenceCardProps>[]
  onderbouwingen: Template<KompasOnderbouwingProps>[]
  koppelkansen: Template<KoppelkansCardProps>[]
  financiering: Template<FinancieringCardProps>[]
  sturing: Template<SturingCardProps>[]
  kernindicatoren: Template<KernindicatorCardProps>[]
  /** Input problems: invalid, migrated or unplaceable records. Never thrown. */
  issues: Finding[]
}
