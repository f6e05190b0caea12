import { z } from 'zod'

/**
 * The classes a value can be placed in during a prioritising round (the prioritering columns minus "nog te
 * plaatsen"). The one list: the round schemas, the server's storage edge and the web app all read it from here.
 * The domain package keeps a structurally equal copy because it imports no workspace package.
 */
export const ROUND_CLASSES = ['sturend', 'meekoppelen', 'vinger-aan-de-pols'] as const
export const RoundClassSchema = z.enum(ROUND_CLASSES)
export type RoundClass = z.infer<typeof RoundClassSchema>
