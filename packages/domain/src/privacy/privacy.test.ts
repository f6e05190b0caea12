import { describe, expect, it } from 'vitest'
import { readBoard } from '../board/readBoard.ts'
import { plainTextToRichText } from '../board/richTextToPlainText.ts'
import { ERASED_PERSON_NAME, isSearchablePersonName, personMatcher } from './personName.ts'
import {
  erasePeople,
  erasePerson,
  erasePersonInRecords,
  findPerson,
  knownPeople,
  stripPersonalRecords,
} from './personRecords.ts'

const page = { id: 'page:1', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} }
const valueCard = {
  id: 'shape:v1',
  typeName: 'shape',
  type: 'wt-value-card',
  x: 0,
  y: 0,
  rotation: 0,
  index: 'a1',
  parentId: 'page:1',
  props: { valueKey: 'custom', name: 'Ontmoeten', explanation: 'Volgens Anna de Vries het hart van de wijk' },
  meta: {},
}
const note = {
  id: 'shape:n1',
  typeName: 'shape',
  type: 'note',
  x: 10,
  y: 10,
  rotation: 0,
  index: 'a2',
  parentId: 'page:1',
  props: { richText: plainTextToRichText('Vraag van anna  de vries:\nparkeren?') },
  meta: {},
}
const baathouder = {
  id: 'shape:b1',
  typeName: 'shape',
  type: 'wt-baathouder-card',
  x: 20,
  y: 20,
  rotation: 0,
  index: 'a3',
  parentId: 'page:1',
  props: {
    name: 'GGD',
    organisation: 'GGD',
    contributions: [{ kind: 'tijd', description: 'Anna de Vries, 2 uur' }],
  },
  meta: {},
}
const user = {
  id: 'user:u1',
  typeName: 'user',
  name: 'Anna de Vries (GGD)',
  color: '#1f77b4',
  imageUrl: '',
  meta: {},
}
const other = {
  id: 'user:u2',
  typeName: 'user',
  name: 'Bram Annaduin',
  color: '#d62728',
  imageUrl: '',
  meta: {},
}
const snapshot = {
  format: 'waardentafel.board' as const,
  version: 1 as const,
  board: { id: 'board:1', title: 'Veenhoek' },
  records: [page, valueCard, note, baathouder, user, other],
  workshop: {
    gemeente: 'Zwolle',
    procesbegeleider: 'Kees Bos',
    deelnemers: ['Anna de Vries', 'Bram Annaduin'],
  },
}

describe('privacy: a person in a board', () => {
  it('[PD1] inzage finds the name on cards, in notes, in user records and the workshop, as whole words only', () => {
    const found = findPerson(snapshot, 'anna DE vries')
    expect(found.map((m) => [m.recordId, m.path])).toEqual([
      ['shape:v1', 'props.explanation'],
      ['shape:n1', 'props.richText.content.0.content.0.text'],
      ['shape:b1', 'props.contributions.0.description'],
      ['user:u1', 'name'],
      [null, 'deelnemers.0'],
    ])
    expect(found[3]).toMatchObject({ typeName: 'user', type: null, text: 'Anna de Vries (GGD)' })
    // "Anna" is not inside "Annaduin".
    expect(findPerson(snapshot, 'Anna').map((m) => m.recordId)).not.toContain('user:u2')
    expect(findPerson(snapshot, 'Piet')).toEqual([])
  })

  it('[PD2] erasure replaces the name, anonymises their user record and keeps every record, id and link', () => {
    const { snapshot: erased, changed, fields } = erasePerson(snapshot, 'Anna de Vries')
    expect(fields).toBe(5)
    expect(changed.map((r) => r.id)).toEqual(['shape:v1', 'shape:n1', 'shape:b1', 'user:u1'])
    expect(erased.records.map((r) => (r as { id: string }).id)).toEqual(snapshot.records.map((r) => r.id))
    expect(findPerson(erased, 'Anna de Vries')).toEqual([])
    const [, card, n, b, u, o] = erased.records as (typeof valueCard & typeof user)[]
    expect(card?.props.explanation).toBe(`Volgens ${ERASED_PERSON_NAME} het hart van de wijk`)
    expect(JSON.stringify(n?.props)).toContain(`Vraag van ${ERASED_PERSON_NAME}:`)
    expect(b).toMatchObject({ props: { organisation: 'GGD' } })
    expect(u).toEqual({ ...user, name: ERASED_PERSON_NAME, color: '', imageUrl: '', meta: {} })
    expect(o).toBe(other)
    expect(erased.workshop?.deelnemers).toEqual([ERASED_PERSON_NAME, 'Bram Annaduin'])
    // The board still reads the same: the same cards with the same geometry.
    const before = readBoard(snapshot)
    const after = readBoard(erased)
    expect(after.ok && before.ok).toBe(true)
    if (after.ok && before.ok) expect(after.board.valueCards.length).toBe(before.board.valueCards.length)
  })

  it('[PD3] stripping drops user records and keeps the rest of the board, workshop details included', () => {
    const stripped = stripPersonalRecords(snapshot)
    expect(stripped.records.map((r) => r.id)).toEqual(['page:1', 'shape:v1', 'shape:n1', 'shape:b1'])
    expect(stripped.workshop).toBe(snapshot.workshop)
    expect(stripped.board).toBe(snapshot.board)
    expect(snapshot.records).toHaveLength(6)
  })

  it('[PD4] names too short, too long or found in the erased text itself are refused', () => {
    expect(isSearchablePersonName(' A ')).toBe(false)
    expect(isSearchablePersonName('x'.repeat(81))).toBe(false)
    expect(isSearchablePersonName('Deelnemer')).toBe(false)
    expect(isSearchablePersonName('Jo')).toBe(true)
    expect(() => personMatcher('A')).toThrow(RangeError)
    expect(() => erasePersonInRecords([], 'verwijderde deelnemer')).toThrow(RangeError)
  })

  it('matches names with regex characters and accents literally', () => {
    const m = personMatcher('Zoë (Z.) Ünal')
    expect(m.test('met zoë (z.) ünal erbij')).toBe(true)
    expect(m.test('Zoe (Z.) Unal')).toBe(false)
    expect(m.replace('a Zoë (Z.)  Ünal b', 'X')).toBe('a X b')
  })

  it('[PD7] the people a board names are its user records (without organisation) and workshop; all of them can be erased at once', () => {
    const anonymous = { id: 'user:u3', typeName: 'user', name: 'x', color: '#2ca02c', imageUrl: '', meta: {} }
    const board = { ...snapshot, records: [...snapshot.records, anonymous] }
    expect(knownPeople(board)).toEqual(['Anna de Vries', 'Bram Annaduin', 'Kees Bos'])
    const { snapshot: erased, changed } = erasePeople(board, knownPeople(board), true)
    expect(changed.map((r) => r.id)).toEqual([
      'shape:v1',
      'shape:n1',
      'shape:b1',
      'user:u1',
      'user:u2',
      'user:u3',
    ])
    for (const name of ['Anna de Vries', 'Bram Annaduin', 'Kees Bos'])
      expect(findPerson(erased, name)).toEqual([])
    expect(
      erased.records
        .filter((r) => r.typeName === 'user')
        .map((r) => [(r as typeof user).name, (r as typeof user).color]),
    ).toEqual([
      [ERASED_PERSON_NAME, ''],
      [ERASED_PERSON_NAME, ''],
      [ERASED_PERSON_NAME, ''],
    ])
    expect(erasePeople(erased, knownPeople(erased), true).changed).toEqual([])
  })
})
