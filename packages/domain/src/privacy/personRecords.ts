import type { BoardSnapshot } from '../board/boardSnapshotSchema.ts'
import {
  ERASED_PERSON_NAME,
  isSearchablePersonName,
  normalisePersonName,
  type PersonMatcher,
  personMatcher,
} from './personName.ts'

// Where a board keeps what a person typed or is called: every string of every record (shapes' props and meta, notes'
// rich text, bindings, tldraw's `user` records) and the snapshot's workshop details. Ids, type names, parent ids,
// fractional indexes and links between cards are structure, never a person's words: they are neither read nor
// changed, so an erased board keeps every record, id and link.

/** Keys whose strings are structure, at any depth (a note's rich text has `type` on every node). */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'id',
  'typeName',
  'type',
  'parentId',
  'index',
  'fromId',
  'toId',
  'valueIds',
])

/** tldraw's records about people rather than the board: its document-scoped `user`, and presence if one is ever stored. */
export const PERSONAL_RECORD_TYPES: ReadonlySet<string> = new Set(['user', 'instance_presence'])

type Json = Record<string, unknown>

/** One place a person is mentioned (inzage). */
export type PersonMention = {
  /** The record's id; null for the snapshot's workshop details. */
  recordId: string | null
  /** `shape`, `binding`, `user`, …; `workshop` for the snapshot's workshop details. */
  typeName: string
  /** A shape's or binding's type (`wt-value-card`, `note`), else null. */
  type: string | null
  /** Where in the record: `props.explanation`, `props.richText.content.0.content.0.text`, `name`. */
  path: string
  /** The whole text that mentions the person. */
  text: string
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Calls `visit` for every string in `value` that is not structure, with its path. */
function eachString(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path)
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) eachString(item, join(path, String(i)), visit)
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value))
      if (!STRUCTURAL_KEYS.has(key)) eachString(item, join(path, key), visit)
  }
}

/** A copy of `value` with `rewrite` applied to every string that is not structure. */
function mapStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rewrite))
  if (isObject(value)) {
    const copy: Json = {}
    for (const [key, item] of Object.entries(value))
      copy[key] = STRUCTURAL_KEYS.has(key) ? item : mapStrings(item, rewrite)
    return copy
  }
  return value
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

const stringOr = (value: unknown, fallback: string | null) => (typeof value === 'string' ? value : fallback)

/** Where `records` mention the person `matcher` looks for. */
export function mentionsInRecords(records: readonly unknown[], matcher: PersonMatcher): PersonMention[] {
  const mentions: PersonMention[] = []
  for (const record of records) {
    if (!isObject(record)) continue
    const recordId = stringOr(record.id, null)
    const typeName = stringOr(record.typeName, 'unknown') ?? 'unknown'
    const type = stringOr(record.type, null)
    eachString(record, '', (text, path) => {
      if (matcher.test(text)) mentions.push({ recordId, typeName, type, path, text })
    })
  }
  return mentions
}

/** A `user` record that names the person, made anonymous: the name replaced, colour, picture and meta cleared. */
function anonymousUser(record: Json): Json {
  return { ...record, name: ERASED_PERSON_NAME, color: '', imageUrl: '', meta: {} }
}

export type RecordsErasure = {
  /** Every record, in the same order; those that did not mention the person are the same objects. */
  records: unknown[]
  /** The records that changed, as they are after the erasure (to write into a live document). */
  changed: Json[]
  /** How many strings were rewritten. */
  fields: number
}

/**
 * `records` with each person's name replaced by ERASED_PERSON_NAME wherever it appears (see the module comment), and
 * a `user` record naming one of them made anonymous; with `allUsers`, every `user` record is (the retention job's
 * erasure, which also covers visitors whose names are not known).
 */
export function eraseInRecords(
  records: readonly unknown[],
  matchers: readonly PersonMatcher[],
  allUsers = false,
): RecordsErasure {
  const mentions = (text: string) => matchers.some((m) => m.test(text))
  const rewrite = (text: string) =>
    matchers.reduce((t, m) => (m.test(t) ? m.replace(t, ERASED_PERSON_NAME) : t), text)
  const changed: Json[] = []
  let fields = 0
  const out = records.map((record) => {
    if (!isObject(record)) return record
    let hits = 0
    eachString(record, '', (text) => {
      if (mentions(text)) hits++
    })
    const user = record.typeName === 'user'
    if (hits === 0 && !(user && allUsers && !isAnonymousUser(record))) return record
    fields += hits
    const erased = user ? anonymousUser(record) : (mapStrings(record, rewrite) as Json)
    changed.push(erased)
    return erased
  })
  return { records: out, changed, fields }
}

const isAnonymousUser = (record: Json) =>
  record.name === ERASED_PERSON_NAME &&
  !record.color &&
  !record.imageUrl &&
  (!isObject(record.meta) || Object.keys(record.meta).length === 0)

/** A board snapshot, or just its records. */
export type PersonInput = Pick<BoardSnapshot, 'records' | 'workshop'> | readonly unknown[]

const isRecordList = (input: PersonInput): input is readonly unknown[] => Array.isArray(input)

/**
 * Inzage: every record field of a board (or a list of records) that mentions the person, and the snapshot's workshop
 * details (procesbegeleider, deelnemers). Names are matched as whole words, case-insensitively (`personMatcher`).
 */
export function findPerson(input: PersonInput, name: string): PersonMention[] {
  const matcher = personMatcher(name)
  if (isRecordList(input)) return mentionsInRecords(input, matcher)
  const mentions = mentionsInRecords(input.records, matcher)
  eachString(input.workshop ?? {}, '', (text, path) => {
    if (matcher.test(text)) mentions.push({ recordId: null, typeName: 'workshop', type: null, path, text })
  })
  return mentions
}

/**
 * Erasure: the person's name replaced by "verwijderde deelnemer" in every field `findPerson` finds, and a `user`
 * record naming them made anonymous (name replaced, colour cleared). The board stays whole: the same records with
 * the same ids, links and geometry; only their words change.
 */
export function erasePersonInRecords(records: readonly unknown[], name: string): RecordsErasure {
  return eraseInRecords(records, [personMatcher(name)])
}

/** `erasePersonInRecords` for a whole snapshot, its workshop details included. */
export function erasePerson<S extends Pick<BoardSnapshot, 'records' | 'workshop'>>(
  snapshot: S,
  name: string,
): { snapshot: S; changed: Json[]; fields: number } {
  return erasePeople(snapshot, [name])
}

/**
 * Erases several people from a snapshot at once (names that are not searchable are passed over); with `allUsers`,
 * every `user` record is made anonymous too, named or not.
 */
export function erasePeople<S extends Pick<BoardSnapshot, 'records' | 'workshop'>>(
  snapshot: S,
  names: readonly string[],
  allUsers = false,
): { snapshot: S; changed: Json[]; fields: number } {
  const matchers = names.filter(isSearchablePersonName).map(personMatcher)
  const erased = eraseInRecords(snapshot.records, matchers, allUsers)
  let fields = erased.fields
  let workshop = snapshot.workshop
  if (workshop) {
    const mentions = (text: string) => matchers.some((m) => m.test(text))
    eachString(workshop, '', (text) => {
      if (mentions(text)) fields++
    })
    workshop = mapStrings(workshop, (text) =>
      matchers.reduce((t, m) => (m.test(t) ? m.replace(t, ERASED_PERSON_NAME) : t), text),
    ) as typeof workshop
  }
  return {
    snapshot: { ...snapshot, records: erased.records, ...(workshop ? { workshop } : {}) },
    changed: erased.changed,
    fields,
  }
}

/**
 * The people a board names by themselves: the names in its `user` records (the web app's label "Naam
 * (Organisatie)" without the organisation) and the workshop's procesbegeleider and deelnemers. Searchable names only,
 * each once (the retention job erases them all).
 */
export function knownPeople(input: PersonInput): string[] {
  const names = new Map<string, string>()
  const add = (value: unknown) => {
    if (typeof value !== 'string') return
    const name = normalisePersonName(value.replace(/\s*\([^()]*\)\s*$/u, ''))
    if (isSearchablePersonName(name) && name !== ERASED_PERSON_NAME) names.set(name.toLowerCase(), name)
  }
  const records = isRecordList(input) ? input : input.records
  for (const record of records) if (isObject(record) && record.typeName === 'user') add(record.name)
  if (!isRecordList(input)) {
    add(input.workshop?.procesbegeleider)
    for (const name of input.workshop?.deelnemers ?? []) add(name)
  }
  return [...names.values()]
}

/**
 * A snapshot as it may leave the board (the snapshot download, PvW exports, a restored session, a duplicate): without
 * tldraw's `user` records (visitors' names and colours) or presence. Everything else is kept as it was — the
 * workshop details too: the kernteam typed them for the board's own documents (the PvW never prints their names).
 */
export function stripPersonalRecords<S extends Pick<BoardSnapshot, 'records'>>(snapshot: S): S {
  const records = snapshot.records.filter(
    (record) => !(isObject(record) && PERSONAL_RECORD_TYPES.has(String(record.typeName))),
  )
  return { ...snapshot, records }
}
