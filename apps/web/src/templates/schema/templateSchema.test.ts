import {
  BAATHOUDER_CARD_TYPE,
  baathouderCardShape,
  PRIORITERING_TYPE,
  PVW_FRAME_PARTS,
  PVW_FRAME_TYPE,
  prioriteringShape,
  pvwFrameAPropsSchema,
  pvwFrameCPropsSchema,
  pvwFrameDefaultProps,
  pvwFrameEPropsSchema,
  pvwFrameFPropsSchema,
  pvwFrameShape,
  SCHILLEN_TYPE,
  SPANNINGEN_TYPE,
  schillenShape,
  shapeSequenceKey,
  spanningenShape,
  TENSION_CARD_TYPE,
  TENSION_LINK_TYPE,
  tensionCardShape,
  tensionLinkBinding,
  VALUE_CARD_TYPE,
  valueCardShape,
} from '@waardentafel/domain'
import { createTLSchema, T, type TLPropsMigrations } from 'tldraw'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { baathouderCardProps, tensionCardProps, valueCardProps } from './cardProps.ts'
import * as migrations from './migrations.ts'
import {
  prioriteringProps,
  pvwFrameProps,
  pvwFramePropsValidator,
  pvwPartFields,
  schillenProps,
  spanningenProps,
  tensionLinkProps,
} from './structureProps.ts'

// The tldraw validators and migrations are a second spelling of the domain's zod schemas and migration
// sequences. These tests keep the two in step: same fields, same verdict on valid and invalid props, and the
// same migrations run by tldraw's own migrator.

type Validators = Record<string, T.Validatable<unknown>>

const cases = [
  {
    def: valueCardShape,
    type: VALUE_CARD_TYPE,
    props: valueCardProps,
    migrations: migrations.valueCardMigrations,
  },
  {
    def: baathouderCardShape,
    type: BAATHOUDER_CARD_TYPE,
    props: baathouderCardProps,
    migrations: migrations.baathouderCardMigrations,
  },
  {
    def: tensionCardShape,
    type: TENSION_CARD_TYPE,
    props: tensionCardProps,
    migrations: migrations.tensionCardMigrations,
  },
  {
    def: prioriteringShape,
    type: PRIORITERING_TYPE,
    props: prioriteringProps,
    migrations: migrations.prioriteringMigrations,
  },
  {
    def: schillenShape,
    type: SCHILLEN_TYPE,
    props: schillenProps,
    migrations: migrations.schillenMigrations,
  },
  {
    def: spanningenShape,
    type: SPANNINGEN_TYPE,
    props: spanningenProps,
    migrations: migrations.spanningenMigrations,
  },
] as const

function validator(props: object) {
  return T.object(props as Validators)
}

function zodKeys(schema: z.ZodType): string[] {
  return Object.keys((schema as z.ZodObject).shape).sort()
}

// Each shape's validity is probed with a few wrong values per field kind; zod and tldraw must agree on each.
function mutations(props: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const [key, value] of Object.entries(props)) {
    const wrong: unknown[] =
      typeof value === 'number'
        ? [0, -1, '1', Number.NaN]
        : typeof value === 'string'
          ? [1, null]
          : [undefined, 'x', 7]
    for (const w of wrong) out.push({ ...props, [key]: w })
  }
  return out
}

describe('tldraw props validators mirror the domain zod schemas', () => {
  for (const c of cases) {
    it(`${c.type}: same fields, defaults valid in both`, () => {
      expect(Object.keys(c.props).sort()).toEqual(zodKeys(c.def.propsSchema))
      const defaults = c.def.defaultProps()
      expect(c.def.propsSchema.safeParse(defaults).success).toBe(true)
      expect(validator(c.props).validate(defaults)).toEqual(defaults)
    })

    it(`${c.type}: zod and tldraw reject the same wrong values`, () => {
      for (const candidate of mutations(c.def.defaultProps() as Record<string, unknown>)) {
        const byZod = c.def.propsSchema.safeParse(candidate).success
        const byTldraw = validator(c.props).isValid(candidate)
        expect({ candidate, byTldraw }).toEqual({ candidate, byTldraw: byZod })
      }
    })
  }

  it('value card: scores 0–5 or null, enum fields from the domain lists', () => {
    const v = validator(valueCardProps)
    const base = valueCardShape.defaultProps()
    for (const score of [0, 2.5, 5, null]) expect(v.isValid({ ...base, scoreCurrent: score })).toBe(true)
    for (const score of [-0.1, 5.1]) expect(v.isValid({ ...base, scoreCurrent: score })).toBe(false)
    expect(v.isValid({ ...base, valueKey: 'vergroenen' })).toBe(true)
    expect(v.isValid({ ...base, valueKey: 'groen' })).toBe(false)
    expect(v.isValid({ ...base, beleid: 'weet-niet' })).toBe(false)
  })

  it('tension card: at least two poles, as in zod', () => {
    const base = tensionCardShape.defaultProps()
    const one = { ...base, poles: base.poles.slice(0, 1) }
    expect(tensionCardShape.propsSchema.safeParse(one).success).toBe(false)
    expect(validator(tensionCardProps).isValid(one)).toBe(false)
  })

  it('PvW frame: every part validates with the exact union and the per-key map; fields match zod per part', () => {
    const zodByPart = {
      A: pvwFrameAPropsSchema,
      C: pvwFrameCPropsSchema,
      E: pvwFrameEPropsSchema,
      F: pvwFrameFPropsSchema,
    }
    for (const part of PVW_FRAME_PARTS) {
      const defaults = pvwFrameDefaultProps(part)
      expect(pvwFrameShape.propsSchema.safeParse(defaults).success).toBe(true)
      expect(pvwFramePropsValidator.validate(defaults)).toEqual(defaults)
      expect(validator(pvwFrameProps).validate(defaults)).toEqual(defaults)
      expect(['part', 'w', 'h', ...Object.keys(pvwPartFields[part])].sort()).toEqual(zodKeys(zodByPart[part]))
    }
    const wrongPart = { ...pvwFrameDefaultProps('A'), part: 'B' }
    expect(validator(pvwFrameProps).isValid(wrongPart)).toBe(false)
    expect(pvwFramePropsValidator.isValid({ ...pvwFrameDefaultProps('A'), opgehaald: [] })).toBe(false)
    expect(pvwFramePropsValidator.isValid({ ...pvwFrameDefaultProps('E'), rekenenHorizonJaren: 2.5 })).toBe(
      false,
    )
  })

  it('tension link: no props, as in the domain', () => {
    expect(Object.keys(tensionLinkProps)).toEqual(zodKeys(tensionLinkBinding.propsSchema))
  })
})

describe('migrations run the domain sequences through tldraw', () => {
  const all: [string, z.ZodType, TLPropsMigrations, typeof valueCardShape.migrations, object][] = [
    ...cases.map((c) => [c.type, c.def.propsSchema, c.migrations, c.def.migrations, c.props] as never),
    [
      PVW_FRAME_TYPE,
      pvwFrameShape.propsSchema,
      migrations.pvwFrameMigrations,
      pvwFrameShape.migrations,
      pvwFrameProps,
    ],
  ]
  const schema = createTLSchema({
    shapes: Object.fromEntries(
      all.map(([type, , m, , props]) => [type, { migrations: m, props: props as Validators }]),
    ),
    bindings: {
      [TENSION_LINK_TYPE]: { migrations: migrations.tensionLinkMigrations, props: tensionLinkProps },
    },
  })
  const serialized = schema.serialize()

  for (const [type, zodSchema, tl, domain] of all) {
    it(`${type}: same ids and version as the domain sequence`, () => {
      expect(tl.sequence.map((m) => ('id' in m ? m.id : null))).toEqual(domain.sequence.map((m) => m.id))
      expect(serialized.sequences[shapeSequenceKey(type)]).toBe(domain.sequence.length)
    })

    it(`${type}: a record from before versioning migrates up to valid props, and down again`, () => {
      const record = {
        id: 'shape:old',
        typeName: 'shape',
        type,
        x: 0,
        y: 0,
        rotation: 0,
        index: 'a1',
        parentId: 'page:page',
        isLocked: false,
        opacity: 1,
        meta: {},
        props: type === PVW_FRAME_TYPE ? { part: 'C' } : {},
      }
      const old = { ...serialized, sequences: { ...serialized.sequences, [shapeSequenceKey(type)]: 0 } }
      const up = schema.migratePersistedRecord(record as never, old, 'up')
      expect(up.type).toBe('success')
      if (up.type !== 'success') return
      const props = (up.value as unknown as { props: Record<string, unknown> }).props
      expect(zodSchema.safeParse(props).success).toBe(true)
      if (type === PVW_FRAME_TYPE) expect(props.part).toBe('C')
      const down = schema.migratePersistedRecord(up.value, old, 'down')
      expect(down.type).toBe('success')
      if (down.type === 'success') expect((down.value as unknown as { props: unknown }).props).toEqual(props)
    })
  }
})
