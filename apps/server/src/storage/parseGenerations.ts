import { z } from 'zod'
import { INITIAL_GENERATIONS, type LinkGenerations } from './ports/BoardStore.ts'

const GenerationsSchema = z.object({
  facilitator: z.number().int().nonnegative().default(0),
  participant: z.number().int().nonnegative().default(0),
  observer: z.number().int().nonnegative().default(0),
})

/** Reads the stored JSON of link generations; anything unreadable counts as never revoked. */
export function parseGenerations(json: string): LinkGenerations {
  try {
    const parsed = GenerationsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : INITIAL_GENERATIONS
  } catch {
    return INITIAL_GENERATIONS
  }
}
