import { describe, expect, it } from 'vitest'
import { baathouderCardShape } from './baathouderCardShape.ts'
import { migrateProps, shapeMigrationId, shapeSequenceKey } from './migrations.ts'
import { prioriteringShape } from './prioriteringShape.ts'
import { PVW_FRAME_DEFAULT_PROPS, PVW_FRAME_PARTS, pvwFrameShape } from './pvwFrameShape.ts'
import { schillenShape } from './schillenShape.ts'
import { spanningenShape } from './spanningenShape.ts'
import { tensionCardShape } from './tensionCardShape.ts'
import { tensionLinkBinding } from './tensionLinkBinding.ts'
import { valueCardShape } from './valueCardShape.ts'

const SHAPES = [
  prioriteringShape,
  valueCardShape,
  schillenShape,
  baathouderCardShape,
  spanningenShape,
  tensionCardShape,
  pvwFrameShape,
]

describe('shape definitions', () => {
  it.each(SHAPES.map((s) => [s.type, s] as const))(
    '%s: default props are valid and version 1',
    (_, shape) => {
      expect(shape.propsSchema.safeParse(shape.defaultProps()).success).toBe(true)
      expect(shape.version).toBe(1)
      expect(shape.migrations.sequence[0]!.id).toBe(shapeMigrationId(shape.type, 1))
      expect(shapeSequenceKey(shape.type)).toBe(`com.tldraw.shape.${shape.type}`)
    },
  )

  it('every PvW frame part has valid defaults', () => {
    for (const part of PVW_FRAME_PARTS) {
      expect(pvwFrameShape.propsSchema.safeParse(PVW_FRAME_DEFAULT_PROPS[part]()).success).toBe(true)
    }
  })

  it('binding ids follow tldraw binding conventions', () => {
    expect(tensionLinkBinding.migrations.sequence[0]!.id).toBe('com.tldraw.binding.wt-tension-link/1')
  })
})

describe('migrations', () => {
  it('v0 → v1 fills missing props with defaults and keeps existing ones', () => {
    const up = migrateProps(valueCardShape.migrations, { name: 'Groen', valueKey: 'vergroenen' }, 0, 1)
    const parsed = valueCardShape.propsSchema.parse(up)
    expect(parsed.name).toBe('Groen')
    expect(parsed.valueKey).toBe('vergroenen')
    expect(parsed.ambitions).toEqual([])
    expect(parsed.beleid).toBe('onbekend')
  })

  it('v1 → v0 → v1 is lossless', () => {
    const props = { ...baathouderCardShape.defaultProps(), name: 'GGD', valueIds: ['shape:v'] }
    const down = migrateProps(baathouderCardShape.migrations, props, 1, 0)
    expect(migrateProps(baathouderCardShape.migrations, down, 0, 1)).toEqual(props)
  })

  it('migrates a PvW frame with the defaults of its own part', () => {
    const up = migrateProps(pvwFrameShape.migrations, { part: 'F', borging: 'x' }, 0, 1)
    const parsed = pvwFrameShape.propsSchema.parse(up)
    expect(parsed.part).toBe('F')
    if (parsed.part === 'F') expect(parsed.kernindicatoren).toEqual([])
  })

  it('does not share default arrays between migrated records', () => {
    const a = migrateProps(valueCardShape.migrations, {}, 0, 1)
    const b = migrateProps(valueCardShape.migrations, {}, 0, 1)
    expect(a.ambitions).not.toBe(b.ambitions)
  })

  it('rejects versions outside the sequence', () => {
    expect(() => migrateProps(valueCardShape.migrations, {}, 0, 2)).toThrow(RangeError)
  })
})
