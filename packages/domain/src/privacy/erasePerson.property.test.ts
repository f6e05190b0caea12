import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plainTextToRichText } from '../board/richTextToPlainText.ts'
import { ERASED_PERSON_NAME, isSearchablePersonName, personMatcher } from './personName.ts'
import { erasePerson, findPerson, stripPersonalRecords } from './personRecords.ts'

// Generated boards with one person's name in many places (card props, nested lists, notes' rich text, meta, user
// records, the workshop), in any case and spacing, among other people and random text.

const NAMES = [
  'Anna de Vries',
  'Mohammed El Amrani',
  'Jo',
  'Zoë Ünal',
  "Kees O'Brien",
  'Li Wei',
  'Ad (AJ) Bos',
]
const WORDS = ['wijk', 'parkeren', 'Anna', 'Vries', 'deelnemer', 'GGD', 'Annaduin', 'de', '']

const variant = (name: string) =>
  fc
    .tuple(fc.constantFrom('same', 'lower', 'upper'), fc.constantFrom(' ', '  ', '\n', '\t'))
    .map(([casing, space]) => {
      const cased = casing === 'lower' ? name.toLowerCase() : casing === 'upper' ? name.toUpperCase() : name
      return cased.replace(/ /g, space)
    })

const text = (name: string) =>
  fc
    .array(fc.oneof(variant(name), fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 6 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', ', ', '. ', '\n', ' - ', ': '), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((seps) => parts.map((p, i) => `${p}${seps[i]}`).join('')),
    )

const record = (name: string, i: number) =>
  fc.oneof(
    fc
      .record({
        explanation: text(name),
        fysiek: text(name),
        ambitions: fc.array(text(name), { maxLength: 3 }),
      })
      .map((props) => ({
        id: `shape:v${i}`,
        typeName: 'shape',
        type: 'wt-value-card',
        x: i,
        y: 0,
        index: `a${i}`,
        parentId: 'page:1',
        props: { valueKey: 'custom', name: 'Waarde', ...props },
        meta: {},
      })),
    text(name).map((t) => ({
      id: `shape:n${i}`,
      typeName: 'shape',
      type: 'note',
      x: i,
      y: 1,
      index: `a${i}`,
      parentId: 'page:1',
      props: { richText: plainTextToRichText(t) },
      meta: { note: t },
    })),
    fc.tuple(text(name), text(name)).map(([a, b]) => ({
      id: `shape:b${i}`,
      typeName: 'shape',
      type: 'wt-baathouder-card',
      x: i,
      y: 2,
      index: `a${i}`,
      parentId: 'page:1',
      props: {
        name: a,
        organisation: 'GGD',
        valueIds: ['shape:v0'],
        contributions: [{ kind: 'tijd', description: b }],
      },
      meta: {},
    })),
    fc.tuple(text(name), fc.constantFrom('', ' (GGD)')).map(([t, org]) => ({
      id: `user:u${i}`,
      typeName: 'user',
      name: `${t}${org}`,
      color: '#1f77b4',
      imageUrl: '',
      meta: {},
    })),
    fc.constant({
      id: `binding:l${i}`,
      typeName: 'binding',
      type: 'wt-tension-link',
      fromId: 'shape:t',
      toId: 'shape:v0',
      props: {},
      meta: {},
    }),
  )

const board = fc.constantFrom(...NAMES).chain((name) =>
  fc
    .tuple(
      fc
        .integer({ min: 0, max: 25 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record(name, i)))),
      fc.array(text(name), { maxLength: 3 }),
    )
    .map(([records, deelnemers]) => ({
      name,
      snapshot: {
        format: 'waardentafel.board' as const,
        version: 1 as const,
        board: { id: 'board:p', title: 'Bord' },
        records: [{ id: 'page:1', typeName: 'page', name: 'Pagina', index: 'a1', meta: {} }, ...records],
        workshop: { gemeente: 'Zwolle', deelnemers },
      },
    })),
)

describe('erasePerson (property)', () => {
  it('[PD5] after erasure no field names the person; every record, id and non-text field is kept; erasing twice changes nothing more', () => {
    fc.assert(
      fc.property(board, ({ name, snapshot }) => {
        expect(isSearchablePersonName(name)).toBe(true)
        const { snapshot: erased, changed, fields } = erasePerson(snapshot, name)
        expect(findPerson(erased, name)).toEqual([])
        expect(fields).toBe(findPerson(snapshot, name).length)
        expect(erased.records).toHaveLength(snapshot.records.length)
        const structure = (r: unknown) => {
          const { id, typeName, type, x, y, index, parentId, fromId, toId } = r as Record<string, unknown>
          const valueIds = (r as { props?: { valueIds?: unknown } }).props?.valueIds
          return { id, typeName, type, x, y, index, parentId, fromId, toId, valueIds }
        }
        expect(erased.records.map(structure)).toEqual(snapshot.records.map(structure))
        const changedIds = new Set(changed.map((r) => r.id))
        snapshot.records.forEach((r, i) => {
          if (!changedIds.has(r.id)) expect(erased.records[i]).toBe(r)
        })
        const again = erasePerson(erased, name)
        expect(again.changed).toEqual([])
        expect(again.fields).toBe(0)
      }),
      { numRuns: 300, seed: 20261207 },
    )
  }, 30_000)

  it('[PD6] a stripped snapshot holds no user record, and every other record and the workshop unchanged', () => {
    fc.assert(
      fc.property(board, ({ snapshot }) => {
        const stripped = stripPersonalRecords(snapshot)
        expect(stripped.records.some((r) => r.typeName === 'user')).toBe(false)
        expect(stripped.records).toEqual(snapshot.records.filter((r) => r.typeName !== 'user'))
        expect(stripped.workshop).toBe(snapshot.workshop)
      }),
      { numRuns: 100, seed: 7 },
    )
  }, 30_000)
})

describe('personMatcher (property)', () => {
  it('[PD8] any string is either refused as a name or found where it is written, and never makes the matcher throw', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        (name, noise) => {
          if (!isSearchablePersonName(name)) {
            expect(() => personMatcher(name)).toThrow(RangeError)
            return
          }
          const matcher = personMatcher(name)
          expect(matcher.test(`${noise} ${name} ${noise}`)).toBe(true)
          expect(matcher.test(matcher.replace(` ${name} `, ERASED_PERSON_NAME))).toBe(false)
        },
      ),
      { numRuns: 300, seed: 17 },
    )
  }, 30_000)
})
