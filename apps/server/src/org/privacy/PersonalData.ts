import {
  ERASED_PERSON_NAME,
  erasePeople,
  findPerson,
  isSearchablePersonName,
  knownPeople,
  mentionsInRecords,
  type PersonMatcher,
  personMatcher,
} from '@waardentafel/domain'
import type { BoardErasure, BoardInzage } from '@waardentafel/protocol'
import { FACILITATION_MAP } from '@waardentafel/protocol'
import { readDocRecords, writeDocRecords } from '@waardentafel/tldraw-yjs'
import type * as Y from 'yjs'
import { mergeUpdates } from '../../room/mergeUpdates.ts'
import type { MergeUpdates } from '../../storage/ports/DocumentLog.ts'
import type { PersonalDataStore, RoundPlacementRow } from '../../storage/ports/PersonalDataStore.ts'
import type { StoredSession } from '../../storage/ports/SessionStore.ts'
import { readWorkshop, writeWorkshop } from '../../workshopDetails.ts'

/** Where a board's live document is changed: held while used (the room manager). */
export type PrivacyRooms = {
  acquire(boardId: string): Promise<{
    readonly doc: Y.Doc
    applyServerChange(change: (doc: Y.Doc) => void): Promise<void>
    flushed(): Promise<void>
  }>
  release(boardId: string): void
}

export type PersonalDataDeps = {
  rooms: PrivacyRooms
  /** Compaction after an erasure: the stored log then no longer holds the erased words (below). */
  log: { compact(boardId: string, merge: MergeUpdates): Promise<void> }
  personal: PersonalDataStore
  merge?: MergeUpdates
}

/** A board to look in, as the workspace layer knows it. */
export type BoardRef = { boardId: string; title: string; projectId: string | null }

/** Whom an erasure is for: named people, or (retention) everyone the board holds. */
type Selection = { names: string[]; everyone: boolean }

const FOLLOW_ME = 'followMe'

type Snapshotish = { records: unknown[]; workshop?: Record<string, unknown> }

/** A stored session's snapshot, or null when its data is not one (it is then left as it is). */
function parseSession(session: StoredSession): Snapshotish | null {
  try {
    const value: unknown = JSON.parse(session.data)
    if (typeof value === 'object' && value !== null && Array.isArray((value as Snapshotish).records))
      return value as Snapshotish
  } catch {
    // Not JSON: nothing to read or rewrite.
  }
  return null
}

const matchersOf = (names: readonly string[]) => names.filter(isSearchablePersonName).map(personMatcher)
const rewriteWith = (matchers: readonly PersonMatcher[]) => (text: string) =>
  matchers.reduce((t, m) => (m.test(t) ? m.replace(t, ERASED_PERSON_NAME) : t), text)

/**
 * The people's data on boards (AVG): inzage of one name, erasure of one name, and the retention job's erasure of
 * everyone. What a board stores about a person is in four places: its live document (cards, notes, tldraw `user`
 * records, the workshop details, the facilitation state), the ballots of prioritising rounds, the snapshots of saved sessions, and — until
 * compaction — the document's stored update log. Presence is never stored.
 *
 * An erasure changes the live document through its room, as a server change: connected people see the names go, and
 * the change is stored like any edit. The words it replaced are still in the earlier stored updates, so the board's
 * log is then compacted through a garbage-collecting Y.Doc (`room/mergeUpdates.ts`): deleted content is dropped, and
 * the stored snapshot holds only the document as it is now.
 */
export class PersonalData {
  readonly #deps: PersonalDataDeps

  constructor(deps: PersonalDataDeps) {
    this.#deps = deps
  }

  /** Everything the boards store that mentions `name` (boards without a mention are left out). */
  async inzage(boards: readonly BoardRef[], name: string): Promise<BoardInzage[]> {
    const matcher = personMatcher(name)
    const found: BoardInzage[] = []
    for (const board of boards) {
      const entry = await this.#inzageOf(board, matcher)
      if (
        entry.document.length + entry.facilitation.length + entry.ballots.length + entry.sessions.length >
        0
      )
        found.push(entry)
    }
    return found
  }

  /** Replaces `name` on every board by "verwijderde deelnemer"; the boards where something changed, with counts. */
  async erase(boards: readonly BoardRef[], name: string): Promise<BoardErasure[]> {
    personMatcher(name) // refuses a name that is not searchable before anything changes
    const changed: BoardErasure[] = []
    for (const board of boards) {
      const result = await this.#erase(board.boardId, { names: [name], everyone: false })
      if (result.document + result.ballots + result.sessions > 0) changed.push(result)
    }
    return changed
  }

  /** The retention job's erasure: every person the board names, every `user` record, every ballot's name. */
  eraseEveryone(boardId: string): Promise<BoardErasure> {
    return this.#erase(boardId, { names: [], everyone: true })
  }

  async #inzageOf(board: BoardRef, matcher: PersonMatcher): Promise<BoardInzage> {
    const { rooms, personal } = this.#deps
    const room = await rooms.acquire(board.boardId)
    let document: BoardInzage['document']
    const facilitation: BoardInzage['facilitation'] = []
    try {
      document = [
        ...mentionsInRecords(readDocRecords(room.doc).records, matcher),
        ...workshopMentions(readWorkshop(room.doc), matcher),
      ]
      const followMe = room.doc.getMap<unknown>(FACILITATION_MAP).get(FOLLOW_ME) as { name?: unknown } | null
      if (typeof followMe?.name === 'string' && matcher.test(followMe.name))
        facilitation.push({ path: `${FOLLOW_ME}.name`, text: followMe.name })
    } finally {
      rooms.release(board.boardId)
    }
    const ballots = groupBallots(
      (await personal.placementsOfBoard(board.boardId)).filter((row) => matcher.test(row.name)),
    )
    const sessions: BoardInzage['sessions'] = []
    for (const session of await personal.sessionsOfBoard(board.boardId)) {
      const snapshot = parseSession(session)
      const mentions = snapshot
        ? [...mentionsInRecords(snapshot.records, matcher), ...workshopMentions(snapshot.workshop, matcher)]
        : []
      if (matcher.test(session.name))
        mentions.push({ recordId: null, typeName: 'session', type: null, path: 'name', text: session.name })
      if (mentions.length > 0)
        sessions.push({ id: session.id, name: session.name, createdAt: session.createdAt, mentions })
    }
    return { ...board, document, facilitation, ballots, sessions }
  }

  async #erase(boardId: string, selection: Selection): Promise<BoardErasure> {
    const { personal } = this.#deps
    const rows = await personal.placementsOfBoard(boardId)
    const sessions = await personal.sessionsOfBoard(boardId)
    const document = await this.#eraseDocument(boardId, selection, rows, sessions)
    const names = selection.everyone ? [] : selection.names
    const matchers = matchersOf(names)
    const isTheirs = (row: RoundPlacementRow) =>
      selection.everyone
        ? row.name !== ERASED_PERSON_NAME || row.organisation !== ''
        : matchers.some((m) => m.test(row.name))
    let ballots = 0
    const done = new Set<string>()
    for (const row of rows.filter(isTheirs)) {
      const key = `${row.roundId}\u0000${row.participantKey}`
      if (done.has(key)) continue
      done.add(key)
      ballots += await personal.renameParticipant(
        boardId,
        row.roundId,
        row.participantKey,
        ERASED_PERSON_NAME,
        '',
      )
    }
    let rewritten = 0
    for (const session of sessions) {
      const next = this.#eraseSession(session, selection)
      if (next && (await personal.rewriteSession(boardId, next))) rewritten++
    }
    return { boardId, document, ballots, sessions: rewritten }
  }

  /** Erases in the live document (through the room) and compacts its log; returns the strings rewritten. */
  async #eraseDocument(
    boardId: string,
    selection: Selection,
    rows: readonly RoundPlacementRow[],
    sessions: readonly StoredSession[],
  ): Promise<number> {
    const { rooms } = this.#deps
    const room = await rooms.acquire(boardId)
    let fields = 0
    try {
      const names = selection.everyone
        ? peopleOf(room.doc, rows, sessions)
        : selection.names.filter(isSearchablePersonName)
      const erase = (doc: Y.Doc) => {
        const workshop = readWorkshop(doc)
        const board = { records: readDocRecords(doc).records, ...(workshop ? { workshop } : {}) }
        const erased = erasePeople(board, names, selection.everyone)
        const nextWorkshop = erased.snapshot.workshop
        const workshopChanged = JSON.stringify(nextWorkshop) !== JSON.stringify(workshop)
        const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
        const followMe = facilitation.get(FOLLOW_ME) as Record<string, unknown> | null | undefined
        const rewrite = rewriteWith(matchersOf(names))
        const followName = typeof followMe?.name === 'string' ? followMe.name : null
        const newFollowName =
          followName === null ? null : selection.everyone ? ERASED_PERSON_NAME : rewrite(followName)
        const followChanged = followName !== newFollowName
        const changes = erased.changed.length + (workshopChanged ? 1 : 0) + (followChanged ? 1 : 0)
        return {
          erased,
          nextWorkshop,
          workshopChanged,
          followMe,
          facilitation,
          followChanged,
          newFollowName,
          changes,
        }
      }
      // Looked at first on the room's own document: a board without them gets no change at all.
      const preview = erase(room.doc)
      if (preview.changes === 0) return 0
      await room.applyServerChange((doc) => {
        const change = erase(doc)
        const { erased, followMe, facilitation, followChanged, newFollowName } = change
        fields = erased.fields + (followChanged ? 1 : 0)
        if (erased.changed.length > 0) writeDocRecords(doc, { records: erased.changed, schema: null })
        if (change.workshopChanged) writeWorkshop(doc, change.nextWorkshop)
        if (followChanged && followMe) facilitation.set(FOLLOW_ME, { ...followMe, name: newFollowName })
      })
      await room.flushed()
    } finally {
      rooms.release(boardId)
    }
    await this.#deps.log.compact(boardId, this.#deps.merge ?? mergeUpdates)
    return fields
  }

  /** The session rewritten without the selection, or null when it does not name them. */
  #eraseSession(session: StoredSession, selection: Selection): StoredSession | null {
    const snapshot = parseSession(session)
    const names = selection.everyone
      ? snapshot
        ? knownPeople(snapshot as Parameters<typeof knownPeople>[0])
        : []
      : selection.names
    const matchers = matchersOf(names)
    const name = rewriteWith(matchers)(session.name)
    let data = session.data
    if (snapshot) {
      const erased = erasePeople(snapshot as Parameters<typeof erasePeople>[0], names, selection.everyone)
      if (erased.changed.length > 0 || erased.fields > 0) data = JSON.stringify(erased.snapshot)
    }
    if (name === session.name && data === session.data) return null
    return { ...session, name, data }
  }
}

/** Everyone a board holds a name of: its user records, ballots, sessions and the facilitator followed. */
function peopleOf(doc: Y.Doc, rows: readonly RoundPlacementRow[], sessions: readonly StoredSession[]) {
  const workshop = readWorkshop(doc)
  const names = new Set<string>(
    knownPeople({ records: readDocRecords(doc).records, ...(workshop ? { workshop } : {}) }),
  )
  for (const row of rows) if (isSearchablePersonName(row.name)) names.add(row.name)
  for (const session of sessions) {
    const snapshot = parseSession(session)
    if (snapshot)
      for (const name of knownPeople(snapshot as Parameters<typeof knownPeople>[0])) names.add(name)
  }
  const followMe = doc.getMap<unknown>(FACILITATION_MAP).get(FOLLOW_ME) as { name?: unknown } | null
  if (typeof followMe?.name === 'string' && isSearchablePersonName(followMe.name)) names.add(followMe.name)
  return [...names].filter((name) => name !== ERASED_PERSON_NAME)
}

/** Where the workshop details (the board's document or a session's snapshot) name the person. */
function workshopMentions(workshop: Record<string, unknown> | undefined, matcher: PersonMatcher) {
  return findPerson({ records: [], ...(workshop ? { workshop } : {}) }, matcher.name)
}

/** Placement rows grouped per round and participant: one ballot each. */
function groupBallots(rows: readonly RoundPlacementRow[]): BoardInzage['ballots'] {
  const ballots = new Map<string, BoardInzage['ballots'][number]>()
  for (const row of rows) {
    const key = `${row.roundId}\u0000${row.participantKey}`
    let ballot = ballots.get(key)
    if (!ballot) {
      ballot = { roundId: row.roundId, name: row.name, organisation: row.organisation, placements: [] }
      ballots.set(key, ballot)
    }
    ballot.placements.push({ valueId: row.valueId, klasse: row.klasse, twijfel: row.twijfel, at: row.at })
  }
  return [...ballots.values()]
}
