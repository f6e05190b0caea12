// A prioritising round's input, redeclared from @waardentafel/protocol (rounds.ts) because the domain package
// imports no other workspace package; the shapes are the same, so protocol values pass in as they are.

/** The three classes a value can be placed in during a round (the prioritering columns minus "nog te plaatsen"). */
export const ROUND_CLASSES = ['sturend', 'meekoppelen', 'vinger-aan-de-pols'] as const
export type RoundClass = (typeof ROUND_CLASSES)[number]

/** One participant's placement of one value; `at` (epoch ms) decides which placement is the latest. */
export type RoundPlacement = {
  participantKey: string
  valueId: string
  klasse: RoundClass
  twijfel: boolean
  at: number
}
