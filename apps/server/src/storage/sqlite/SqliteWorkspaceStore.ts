import type { StatementSync } from 'node:sqlite'
import type {
  AuditRecord,
  BoardListing,
  BoardPlacement,
  BoardQuery,
  MembershipRecord,
  PlacementUpdate,
  ProjectRecord,
  ProjectUpdate,
  WorkspaceRecord,
  WorkspaceRole,
  WorkspaceStore,
} from '../ports/WorkspaceStore.ts'
import {
  auditRow,
  boardQuerySql,
  LISTING_COLUMNS,
  LISTING_FROM,
  listingRow,
  memberRow,
  PROJECT_COLUMNS,
  projectRow,
  purgeTargets,
  searchText,
  workspaceRole,
} from '../workspaceRows.ts'
import type { SqliteConnection } from './SqliteConnection.ts'

/** The workspace tables, made when the adapter is (one statement each: `prepare` runs one). */
export const WORKSPACE_TABLES = [
  'CREATE TABLE IF NOT EXISTS org_workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL)',
  `CREATE TABLE IF NOT EXISTS org_members (
    workspace_id TEXT NOT NULL, organiser_id TEXT NOT NULL, role TEXT NOT NULL, added_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, organiser_id))`,
  'CREATE INDEX IF NOT EXISTS org_members_by_organiser ON org_members (organiser_id, workspace_id)',
  `CREATE TABLE IF NOT EXISTS org_projects (
    id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, gebied TEXT NOT NULL, gemeente TEXT NOT NULL,
    kernteam TEXT NOT NULL, retention_months INTEGER NOT NULL, phase TEXT NOT NULL DEFAULT 'quickscan',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS org_projects_by_workspace ON org_projects (workspace_id, name)',
  `CREATE TABLE IF NOT EXISTS org_boards (
    board_id TEXT PRIMARY KEY, project_id TEXT, workspace_id TEXT, owner_id TEXT, title TEXT NOT NULL,
    title_search TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_opened_at INTEGER,
    archived_at INTEGER, delete_requested_at INTEGER, delete_after INTEGER)`,
  'CREATE INDEX IF NOT EXISTS org_boards_by_workspace ON org_boards (workspace_id, updated_at DESC, board_id DESC)',
  'CREATE INDEX IF NOT EXISTS org_boards_by_owner ON org_boards (owner_id, project_id, updated_at DESC, board_id DESC)',
  'CREATE INDEX IF NOT EXISTS org_boards_by_project ON org_boards (project_id, updated_at DESC, board_id DESC)',
  'CREATE INDEX IF NOT EXISTS org_boards_by_delete_after ON org_boards (delete_after) WHERE delete_after IS NOT NULL',
  `CREATE TABLE IF NOT EXISTS org_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, project_id TEXT, actor_id TEXT, actor_name TEXT,
    action TEXT NOT NULL, board_id TEXT, detail TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS org_audit_by_project ON org_audit (project_id, at DESC, seq DESC)',
  'CREATE INDEX IF NOT EXISTS org_audit_by_actor ON org_audit (actor_id)',
  'CREATE INDEX IF NOT EXISTS org_audit_by_board ON org_audit (board_id)',
]

const t = (name: string) => name

/** Workspaces, members, projects, board placements and the audit log in the SQLite file. */
export class SqliteWorkspaceStore implements WorkspaceStore {
  readonly #conn: SqliteConnection
  readonly #sql
  /** Board queries differ by which filters they use: one prepared statement per shape, kept. */
  readonly #queries = new Map<string, StatementSync>()

  constructor(conn: SqliteConnection) {
    this.#conn = conn
    for (const statement of WORKSPACE_TABLES) conn.prepare(statement).run()
    const listing = `SELECT ${LISTING_COLUMNS} FROM ${LISTING_FROM(t)} WHERE b.board_id = ?`
    this.#sql = {
      insertWorkspace: conn.prepare('INSERT INTO org_workspaces (id, name, created_at) VALUES (?, ?, ?)'),
      getWorkspace: conn.prepare('SELECT id, name, created_at FROM org_workspaces WHERE id = ?'),
      workspacesOf: conn.prepare(
        `SELECT w.id, w.name, w.created_at, m.role FROM org_members m JOIN org_workspaces w ON w.id = m.workspace_id
         WHERE m.organiser_id = ? ORDER BY w.name, w.id`,
      ),
      memberOf: conn.prepare(
        'SELECT workspace_id FROM org_members WHERE organiser_id = ? ORDER BY workspace_id',
      ),
      roleIn: conn.prepare('SELECT role FROM org_members WHERE workspace_id = ? AND organiser_id = ?'),
      members: conn.prepare(
        'SELECT workspace_id, organiser_id, role, added_at FROM org_members WHERE workspace_id = ? ORDER BY added_at, organiser_id',
      ),
      insertMember: conn.prepare(
        'INSERT INTO org_members (workspace_id, organiser_id, role, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      owners: conn.prepare("SELECT COUNT(*) AS n FROM org_members WHERE workspace_id = ? AND role = 'owner'"),
      deleteMember: conn.prepare('DELETE FROM org_members WHERE workspace_id = ? AND organiser_id = ?'),
      insertProject: conn.prepare(
        `INSERT INTO org_projects (${PROJECT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getProject: conn.prepare(`SELECT ${PROJECT_COLUMNS} FROM org_projects WHERE id = ?`),
      writeProject: conn.prepare(
        `UPDATE org_projects SET name = ?, gebied = ?, gemeente = ?, kernteam = ?, retention_months = ?, phase = ?,
         updated_at = ? WHERE id = ?`,
      ),
      listProjects: conn.prepare(
        `SELECT ${PROJECT_COLUMNS.split(', ')
          .map((c) => `p.${c}`)
          .join(', ')},
           (SELECT COUNT(*) FROM org_boards b WHERE b.project_id = p.id AND b.delete_after IS NULL) AS board_count
         FROM org_projects p WHERE p.workspace_id = ? ORDER BY p.name, p.id`,
      ),
      insertPlacement: conn.prepare(
        `INSERT INTO org_boards (board_id, project_id, workspace_id, owner_id, title, title_search, created_at,
           updated_at, last_opened_at, archived_at, delete_requested_at, delete_after)
         VALUES (?, ?, (SELECT workspace_id FROM org_projects WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getPlacement: conn.prepare(listing),
      writePlacement: conn.prepare(
        `UPDATE org_boards SET project_id = ?, workspace_id = (SELECT workspace_id FROM org_projects WHERE id = ?),
           updated_at = ?, last_opened_at = ?, archived_at = ?, delete_requested_at = ?, delete_after = ?
         WHERE board_id = ?`,
      ),
      renamePlacement: conn.prepare(
        'UPDATE org_boards SET title = ?, title_search = ?, updated_at = ? WHERE board_id = ?',
      ),
      renameBoard: conn.prepare('UPDATE boards SET title = ? WHERE id = ?'),
      readOnly: conn.prepare(
        'SELECT 1 AS x FROM org_boards WHERE board_id = ? AND (archived_at IS NOT NULL OR delete_after IS NOT NULL)',
      ),
      due: conn.prepare(
        'SELECT board_id FROM org_boards WHERE delete_after IS NOT NULL AND delete_after <= ? ORDER BY delete_after, board_id LIMIT ?',
      ),
      tables: conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'"),
      forgetBoardInAudit: conn.prepare('UPDATE org_audit SET board_id = NULL WHERE board_id = ?'),
      insertAudit: conn.prepare(
        'INSERT INTO org_audit (at, project_id, actor_id, actor_name, action, board_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listAudit: conn.prepare(
        `SELECT at, project_id, actor_id, actor_name, action, board_id, detail FROM org_audit
         WHERE project_id = ? ORDER BY at DESC, seq DESC LIMIT ?`,
      ),
      anonymise: conn.prepare('UPDATE org_audit SET actor_id = NULL, actor_name = NULL WHERE actor_id = ?'),
    }
  }

  async createWorkspace(workspace: WorkspaceRecord, ownerId: string): Promise<void> {
    this.#conn.immediate(() => {
      this.#sql.insertWorkspace.run(workspace.id, workspace.name, workspace.createdAt)
      this.#sql.insertMember.run(workspace.id, ownerId, 'owner', workspace.createdAt)
    })
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const row = this.#sql.getWorkspace.get(id)
    return row ? { id: String(row.id), name: String(row.name), createdAt: Number(row.created_at) } : null
  }

  async workspacesOf(organiserId: string): Promise<(WorkspaceRecord & { role: WorkspaceRole })[]> {
    return this.#sql.workspacesOf.all(organiserId).map((row) => ({
      id: String(row.id),
      name: String(row.name),
      createdAt: Number(row.created_at),
      role: workspaceRole(row.role),
    }))
  }

  async roleIn(workspaceId: string, organiserId: string): Promise<WorkspaceRole | null> {
    const row = this.#sql.roleIn.get(workspaceId, organiserId)
    return row ? workspaceRole(row.role) : null
  }

  async listMembers(workspaceId: string): Promise<MembershipRecord[]> {
    return this.#sql.members.all(workspaceId).map(memberRow)
  }

  async addMember(member: MembershipRecord): Promise<boolean> {
    const result = this.#sql.insertMember.run(
      member.workspaceId,
      member.organiserId,
      member.role,
      member.addedAt,
    )
    return Number(result.changes) === 1
  }

  async removeMember(workspaceId: string, organiserId: string): Promise<'removed' | 'absent' | 'last-owner'> {
    return this.#conn.immediate(() => {
      const row = this.#sql.roleIn.get(workspaceId, organiserId)
      if (!row) return 'absent'
      if (row.role === 'owner' && Number(this.#sql.owners.get(workspaceId)?.n) <= 1) return 'last-owner'
      this.#sql.deleteMember.run(workspaceId, organiserId)
      return 'removed'
    })
  }

  async createProject(project: ProjectRecord): Promise<void> {
    this.#sql.insertProject.run(
      project.id,
      project.workspaceId,
      project.name,
      project.gebied,
      project.gemeente,
      JSON.stringify(project.kernteam),
      project.retentionMonths,
      project.phase,
      project.createdAt,
      project.updatedAt,
    )
  }

  async getProject(id: string): Promise<ProjectRecord | null> {
    const row = this.#sql.getProject.get(id)
    return row ? projectRow(row) : null
  }

  async updateProject(id: string, update: ProjectUpdate, at: number): Promise<ProjectRecord | null> {
    return this.#conn.immediate(() => {
      const row = this.#sql.getProject.get(id)
      if (!row) return null
      const next = { ...projectRow(row), ...update, updatedAt: at }
      this.#sql.writeProject.run(
        next.name,
        next.gebied,
        next.gemeente,
        JSON.stringify(next.kernteam),
        next.retentionMonths,
        next.phase,
        at,
        id,
      )
      return next
    })
  }

  async listProjects(workspaceId: string): Promise<(ProjectRecord & { boardCount: number })[]> {
    return this.#sql.listProjects
      .all(workspaceId)
      .map((row) => ({ ...projectRow(row), boardCount: Number(row.board_count) }))
  }

  async placeBoard(b: BoardPlacement): Promise<void> {
    this.#sql.insertPlacement.run(
      b.boardId,
      b.projectId,
      b.projectId,
      b.ownerId,
      b.title,
      searchText(b.title),
      b.createdAt,
      b.updatedAt,
      b.lastOpenedAt,
      b.archivedAt,
      b.deleteRequestedAt,
      b.deleteAfter,
    )
  }

  async getPlacement(boardId: string): Promise<BoardListing | null> {
    const row = this.#sql.getPlacement.get(boardId)
    return row ? listingRow(row) : null
  }

  async updatePlacement(boardId: string, update: PlacementUpdate): Promise<BoardListing | null> {
    return this.#conn.immediate(() => {
      const row = this.#sql.getPlacement.get(boardId)
      if (!row) return null
      const b = { ...listingRow(row), ...update }
      this.#sql.writePlacement.run(
        b.projectId,
        b.projectId,
        b.updatedAt,
        b.lastOpenedAt,
        b.archivedAt,
        b.deleteRequestedAt,
        b.deleteAfter,
        boardId,
      )
      const after = this.#sql.getPlacement.get(boardId)
      return after ? listingRow(after) : null
    })
  }

  async renameBoard(boardId: string, title: string, at: number): Promise<BoardListing | null> {
    return this.#conn.immediate(() => {
      const changed = this.#sql.renamePlacement.run(title, searchText(title), at, boardId)
      if (Number(changed.changes) === 0) return null
      this.#sql.renameBoard.run(title, boardId)
      const after = this.#sql.getPlacement.get(boardId)
      return after ? listingRow(after) : null
    })
  }

  async isReadOnly(boardId: string): Promise<boolean> {
    return this.#sql.readOnly.get(boardId) !== undefined
  }

  async listBoards(query: BoardQuery): Promise<BoardListing[]> {
    const workspaceIds = this.#sql.memberOf.all(query.organiserId).map((row) => String(row.workspace_id))
    const built = boardQuerySql(query, workspaceIds, t, () => '?')
    if (!built) return []
    const { sql, params } = built
    let statement = this.#queries.get(sql)
    if (!statement) {
      statement = this.#conn.prepare(sql)
      this.#queries.set(sql, statement)
    }
    return statement.all(...(params as (string | number | null)[])).map(listingRow)
  }

  async boardsDueForPurge(now: number, limit: number): Promise<string[]> {
    return this.#sql.due.all(now, limit).map((row) => String(row.board_id))
  }

  async purgeBoard(boardId: string): Promise<void> {
    // Tables are looked up at each purge (rare): other adapters add theirs after this one was made.
    const withBoardId = this.#sql.tables
      .all()
      .map((row) => String(row.name))
      .filter((table) =>
        this.#conn
          .prepare(`PRAGMA table_info("${table}")`)
          .all()
          .some((c) => c.name === 'board_id'),
      )
    const deletes = purgeTargets(withBoardId).map(({ table, column }) =>
      this.#conn.prepare(`DELETE FROM "${table}" WHERE ${column} = ?`),
    )
    this.#conn.immediate(() => {
      for (const statement of deletes) statement.run(boardId)
      this.#sql.forgetBoardInAudit.run(boardId)
    })
  }

  async appendAudit(entry: AuditRecord): Promise<void> {
    this.#sql.insertAudit.run(
      entry.at,
      entry.projectId,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.boardId,
      JSON.stringify(entry.detail),
    )
  }

  async listAudit(projectId: string, limit: number): Promise<AuditRecord[]> {
    return this.#sql.listAudit.all(projectId, limit).map(auditRow)
  }

  async anonymiseActor(organiserId: string): Promise<number> {
    return Number(this.#sql.anonymise.run(organiserId).changes)
  }
}
