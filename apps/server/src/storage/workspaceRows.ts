import type {
  AuditRecord,
  BoardListing,
  BoardQuery,
  MembershipRecord,
  ProjectRecord,
  WorkspaceRole,
} from './ports/WorkspaceStore.ts'

// Rows of the workspace tables as both adapters read them (SQLite gives numbers, PostgreSQL's BIGINT gives strings).

type Row = Record<string, unknown>

const num = (value: unknown): number => Number(value)
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)
const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value)
const role = (value: unknown): WorkspaceRole => (value === 'owner' ? 'owner' : 'member')

function jsonOf<T>(text: unknown, fallback: T): T {
  try {
    return JSON.parse(String(text)) as T
  } catch {
    return fallback
  }
}

export const PROJECT_COLUMNS =
  'id, workspace_id, name, gebied, gemeente, kernteam, retention_months, phase, created_at, updated_at'

export function projectRow(row: Row): ProjectRecord {
  const kernteam = jsonOf<unknown>(row.kernteam, [])
  return {
    id: String(row.id),
    workspaceId: String(row.workspace_id),
    name: String(row.name),
    gebied: String(row.gebied),
    gemeente: String(row.gemeente),
    kernteam: Array.isArray(kernteam) ? kernteam.map(String) : [],
    retentionMonths: num(row.retention_months),
    phase: String(row.phase),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  }
}

export function memberRow(row: Row): MembershipRecord {
  return {
    workspaceId: String(row.workspace_id),
    organiserId: String(row.organiser_id),
    role: role(row.role),
    addedAt: num(row.added_at),
  }
}

export { role as workspaceRole }

/** The columns of a listing: the placement (`b`) joined with its project (`p`) and workspace (`w`). */
export const LISTING_COLUMNS = `b.board_id, b.project_id, b.owner_id, b.title, b.created_at, b.updated_at,
  b.last_opened_at, b.archived_at, b.delete_requested_at, b.delete_after,
  p.name AS project_name, b.workspace_id, w.name AS workspace_name`

export const LISTING_FROM = (t: (name: string) => string) =>
  `${t('org_boards')} b LEFT JOIN ${t('org_projects')} p ON p.id = b.project_id
   LEFT JOIN ${t('org_workspaces')} w ON w.id = b.workspace_id`

export function listingRow(row: Row): BoardListing {
  return {
    boardId: String(row.board_id),
    projectId: strOrNull(row.project_id),
    ownerId: strOrNull(row.owner_id),
    title: String(row.title),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    lastOpenedAt: numOrNull(row.last_opened_at),
    archivedAt: numOrNull(row.archived_at),
    deleteRequestedAt: numOrNull(row.delete_requested_at),
    deleteAfter: numOrNull(row.delete_after),
    projectName: strOrNull(row.project_name),
    workspaceId: strOrNull(row.workspace_id),
    workspaceName: strOrNull(row.workspace_name),
  }
}

export function auditRow(row: Row): AuditRecord {
  const detail = jsonOf<unknown>(row.detail, {})
  return {
    at: num(row.at),
    projectId: strOrNull(row.project_id),
    actorId: strOrNull(row.actor_id),
    actorName: strOrNull(row.actor_name),
    action: String(row.action),
    boardId: strOrNull(row.board_id),
    detail:
      detail && typeof detail === 'object' && !Array.isArray(detail)
        ? (detail as Record<string, unknown>)
        : {},
  }
}

/** How a title is searched: lower-case, so `LIKE` matches the same in SQLite and PostgreSQL. */
export const searchText = (title: string) => title.toLocaleLowerCase('nl')

/** `LIKE` pattern for a word anywhere, with `\` escaping the pattern's own characters. */
export const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The SQL of a board query, with placeholders made by `ph(n)` (`?` or `$n`), given the workspaces the organiser is a
 * member of; null when nothing can match. The visibility rule lives here once: boards of those workspaces, and the
 * organiser's own boards without a project. Each source is its own branch, read newest first along its index
 * (workspace, project or owner, then `updated_at`) and cut at the page size, and the branches are merged: a page
 * costs about (branches × page size) rows however many boards there are, where one `OR` over all of them would sort
 * every visible board.
 */
/** Workspaces read as branches of their own; an organiser in more is read in one branch. */
export const MAX_BRANCHES = 64

export function boardQuerySql(
  query: BoardQuery,
  workspaceIds: readonly string[],
  t: (name: string) => string,
  ph: (n: number) => string,
): { sql: string; params: unknown[] } | null {
  const params: unknown[] = []
  const p = (value: unknown) => {
    params.push(value)
    return ph(params.length)
  }
  const common = (): string => {
    const where: string[] = []
    if (query.state === 'active') where.push('b.archived_at IS NULL AND b.delete_after IS NULL')
    else if (query.state === 'archived') where.push('b.archived_at IS NOT NULL AND b.delete_after IS NULL')
    else where.push('b.delete_after IS NOT NULL')
    for (const word of query.words ?? [])
      where.push(`b.title_search LIKE ${p(likePattern(word))} ESCAPE '\\'`)
    if (query.after) {
      const { updatedAt, boardId } = query.after
      where.push(
        `(b.updated_at < ${p(updatedAt)} OR (b.updated_at = ${p(updatedAt)} AND b.board_id < ${p(boardId)}))`,
      )
    }
    return where.join(' AND ')
  }
  // Placeholders are numbered in the order they are made, which must be the order they appear in (SQLite's `?`):
  // each branch's source is written when its branch is.
  const sources: (() => string)[] = []
  if (typeof query.projectId === 'string') {
    const projectId = query.projectId
    if (workspaceIds.length > 0) {
      sources.push(
        () =>
          `b.project_id = ${p(projectId)} AND b.workspace_id IN (${workspaceIds.map((id) => p(id)).join(', ')})`,
      )
    }
  } else {
    if (query.projectId === undefined && workspaceIds.length > MAX_BRANCHES) {
      // Past this many workspaces one ranged branch over all of them (sorted, not merged) keeps the statement small.
      sources.push(() => `b.workspace_id IN (${workspaceIds.map((id) => p(id)).join(', ')})`)
    } else if (query.projectId === undefined) {
      for (const id of workspaceIds) sources.push(() => `b.workspace_id = ${p(id)}`)
    }
    sources.push(() => `b.owner_id = ${p(query.organiserId)} AND b.project_id IS NULL`)
  }
  if (sources.length === 0) return null
  const branches = sources.map(
    (source, n) =>
      `SELECT * FROM (SELECT b.board_id, b.updated_at FROM ${t('org_boards')} b WHERE ${source()} AND ${common()}
        ORDER BY b.updated_at DESC, b.board_id DESC LIMIT ${p(query.limit)}) AS s${n}`,
  )
  const sql = `SELECT ${LISTING_COLUMNS} FROM (${branches.join(' UNION ALL ')}) AS k
    JOIN ${t('org_boards')} b ON b.board_id = k.board_id
    LEFT JOIN ${t('org_projects')} p ON p.id = b.project_id LEFT JOIN ${t('org_workspaces')} w ON w.id = b.workspace_id
    ORDER BY b.updated_at DESC, b.board_id DESC LIMIT ${p(query.limit)}`
  return { sql, params }
}

/**
 * Which tables a purge empties of a board: every table with a `board_id` column (the core tables, and those other
 * adapters add — versions, assets, …, found when the purge runs), and `boards` by its `id`. The audit log is not
 * among them: its lines stay, only their board id is removed.
 */
export function purgeTargets(tablesWithBoardId: readonly string[]): { table: string; column: string }[] {
  return [
    ...tablesWithBoardId
      .filter((t) => t !== 'org_audit' && t !== 'boards')
      .map((table) => ({ table, column: 'board_id' })),
    { table: 'boards', column: 'id' },
  ]
}
