import { describe, expect, it } from 'vitest'
import { FIXTURES } from './fixtures/fixtureBuilders.ts'
import { loadFixture } from './support/loadFixture.ts'

describe('fixtures', () => {
  it.each(Object.keys(FIXTURES))(
    '%s.json matches its generator (run test/fixtures/writeFixtures.ts)',
    (name) => {
      expect(loadFixture(name)).toEqual(FIXTURES[name as keyof typeof FIXTURES]())
    },
  )
})
