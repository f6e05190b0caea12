import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { generateFrames, touchesDoc } from './frames.ts'
import { fuzzRoom } from './roomHarness.ts'
import { fuzzSeeds, loadRegressions, saveRegression } from './seeds.ts'

// Unit-level fuzz of Room.receive through the Room's own socket interface: fast enough for >100,000 frames a run.
const FRAMES_PER_SEED = 15_000
const seeds = fuzzSeeds([1, 2, 3, 5, 8, 13, 21, 34])

describe('fuzz: Room.receive', () => {
  it.each(seeds)(
    '[S6] seed %i: no throw, nothing refused is stored, the doc only holds stored state',
    async (seed) => {
      const frames = generateFrames(seed, FRAMES_PER_SEED, 64 * 1024)
      let outcome: Awaited<ReturnType<typeof fuzzRoom>> | null = null
      try {
        outcome = await fuzzRoom(frames)
        expect(outcome.failures).toEqual([])
        expect(outcome.mismatch).toBeNull()
        // Only frames that are decodable document updates can reach storage (a batch may merge several).
        expect(outcome.rows.length).toBeLessThanOrEqual(outcome.docFrames)
        for (const row of outcome.rows) expect(() => Y.decodeUpdate(row)).not.toThrow()
      } catch (error) {
        // Only decodable updates can reach storage; they alone reproduce a stored-state failure, and keep the file small.
        saveRegression(
          'room',
          seed,
          String(error),
          frames.filter((f) => touchesDoc(f.bytes)),
        )
        throw error
      }
      expect(outcome.frames).toBe(FRAMES_PER_SEED)
    },
    30_000,
  )

  it('replays every saved regression case', async () => {
    for (const r of loadRegressions()) {
      const outcome = await fuzzRoom(r.frames)
      expect(outcome.failures, r.file).toEqual([])
      expect(outcome.mismatch, r.file).toBeNull()
    }
  }, 60_000)
})
