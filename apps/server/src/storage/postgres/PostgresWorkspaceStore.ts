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
import type { PostgresConnection } from './PostgresConnection.ts'

/** Workspaces, members, projects, board placements and the audit log in PostgreSQL (shared by every instance). */
export class PostgresWorkspaceStore implements WorkspaceStore {
  readonly #conn: PostgresConnection
  #ready: Promise<void> | null = null

  constructor(conn: PostgresConnection) {
    this.#conn = conn
  }

  #t = (name: string) => this.#conn.t(name)

  /** The tables, made once before the first query (instances starting together take turns under one lock). */
  #tables(): Promise<void> {
    const t = this.#t
    this.#ready ??= this.#conn
      .transaction('waardentafel:workspace-tables', async (client) => {
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${t('org_workspaces')} (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL);
          CREATE TABLE IF NOT EXISTS ${t('org_members')} (
            workspace_id TEXT NOT NULL, organiser_id TEXT NOT NULL, role TEXT NOT NULL, added_at BIGINT NOT NULL,
            PRIMARY KEY (workspace_id, organiser_id));
          CREATE INDEX IF NOT EXISTS org_members_by_organiser ON ${t('org_members')} (organiser_id, workspace_id);
          CREATE TABLE IF NOT EXISTS ${t('org_projects')} (
            id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, gebied TEXT NOT NULL,
            gemeente TEXT NOT NULL, kernteam TEXT NOT NULL, retention_months INTEGER NOT NULL,
            phase TEXT NOT NULL DEFAULT 'quickscan', created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
          CREATE INDEX IF NOT EXISTS org_projects_by_workspace ON ${t('org_projects')} (workspace_id, name);
          CREATE TABLE IF NOT EXISTS ${t('org_boards')} (
            board_id TEXT PRIMARY KEY, project_id TEXT, workspace_id TEXT, owner_id TEXT, title TEXT NOT NULL,
            title_search TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            last_opened_at BIGINT, archived_at BIGINT, delete_requested_at BIGINT, delete_after BIGINT);
          CREATE INDEX IF NOT EXISTS org_boards_by_workspace
            ON ${t('org_boards')} (workspace_id, updated_at DESC, board_id DESC);
          CREATE INDEX IF NOT EXISTS org_boards_by_owner ON ${t('org_boards')} (owner_id, project_id, updated_at DESC, board_id DESC);
          CREATE INDEX IF NOT EXISTS org_boards_by_project ON ${t('org_boards')} (project_id, updated_at DESC, board_id DESC);
          CREATE INDEX IF NOT EXISTS org_boards_by_delete_after
            ON ${t('org_boards')} (delete_after) WHERE delete_after IS NOT NULL;
          CREATE TABLE IF NOT EXISTS ${t('org_audit')} (
            seq BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, project_id TEXT, actor_id TEXT, actor_name TEXT,
            action TEXT NOT NULL, board_id TEXT, detail TEXT NOT NULL);
          CREATE INDEX IF NOT EXISTS org_audit_by_project ON ${t('org_audit')} (project_id, at DESC, seq DESC);
          CREATE INDEX IF NOT EXISTS org_audit_by_actor ON ${t('org_audit')} (actor_id);
          CREATE INDEX IF NOT EXISTS org_audit_by_board ON ${t('org_audit')} (board_id);`)
      })
      .catch((error) => {
        this.#ready = null // tried again by the next call (the database may come up later)
        throw error
      })
    return this.#ready
  }

  async #query(sql: string, params: unknown[]) {
    await this.#tables()
    return this.#conn.query(sql, params)
  }

  async #transaction<T>(
    lockKey: string,
    fn: (q: (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<T>,
  ) {
    await this.#tables()
    return this.#conn.transaction(lockKey, (client) => fn((sql, params) => client.query(sql, params)))
  }

  async createWorkspace(workspace: WorkspaceRecord, ownerId: string): Promise<void> {
    await this.#transaction(`workspace:${workspace.id}`, async (q) => {
      await q(`INSERT INTO ${this.#t('org_workspaces')} (id, name, created_at) VALUES ($1, $2, $3)`, [
        workspace.id,
        workspace.name,
        workspace.createdAt,
      ])
      await q(
        `INSERT INTO ${this.#t('org_members')} (workspace_id, organiser_id, role, added_at) VALUES ($1, $2, 'owner', $3)`,
        [workspace.id, ownerId, workspace.createdAt],
      )
    })
  }

  async getWorkspace(id: string): Promise<WorkspaceRecord | null> {
    const { rows } = await this.#query(
      `SELECT id, name, created_at FROM ${this.#t('org_workspaces')} WHERE id = $1`,
      [id],
    )
    const row = rows[0]
    return row ? { id: String(row.id), name: String(row.name), createdAt: Number(row.created_at) } : null
  }

  async workspacesOf(organiserId: string): Promise<(WorkspaceRecord & { role: WorkspaceRole })[]> {
    const { rows } = await this.#query(
      `SELECT w.id, w.name, w.created_at, m.role FROM ${this.#t('org_members')} m
       JOIN ${this.#t('org_workspaces')} w ON w.id = m.workspace_id
       WHERE m.organiser_id = $1 ORDER BY w.name, w.id`,
      [organiserId],
    )
    return rows.map((row) => ({
      id: String(row.id),
      name: String(row.name),
      createdAt: Number(row.created_at),
      role: workspaceRole(row.role),
    }))
  }

  async roleIn(workspaceId: string, organiserId: string): Promise<WorkspaceRole | null> {
    const { rows } = await this.#query(
      `SELECT role FROM ${this.#t('org_members')} WHERE workspace_id = $1 AND organiser_id = $2`,
      [workspaceId, organiserId],
    )
    return rows[0] ? workspaceRole(rows[0].role) : null
  }

  async listMembers(workspaceId: string): Promise<MembershipRecord[]> {
    const { rows } = await this.#query(
      `SELECT workspace_id, organiser_id, role, added_at FROM ${this.#t('org_members')} WHERE workspace_id = $1
       ORDER BY added_at, organiser_id`,
      [workspaceId],
    )
    return rows.map(memberRow)
  }

  async addMember(member: MembershipRecord): Promise<boolean> {
    const result = await this.#query(
      `INSERT INTO ${this.#t('org_members')} (workspace_id, organiser_id, role, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [member.workspaceId, member.organiserId, member.role, member.addedAt],
    )
    return result.rowCount === 1
  }

  async removeMember(workspaceId: string, organiserId: string): Promise<'removed' | 'absent' | 'last-owner'> {
    return this.#transaction(`workspace:${workspaceId}`, async (q) => {
      const members = this.#t('org_members')
      const { rows } = await q(`SELECT role FROM ${members} WHERE workspace_id = $1 AND organiser_id = $2`, [
        workspaceId,
        organiserId,
      ])
      if (!rows[0]) return 'absent'
      if (rows[0].role === 'owner') {
        const owners = await q(
          `SELECT COUNT(*) AS n FROM ${members} WHERE workspace_id = $1 AND role = 'owner'`,
          [workspaceId],
        )
        if (Number(owners.rows[0]?.n) <= 1) return 'last-owner'
      }
      await q(`DELETE FROM ${members} WHERE workspace_id = $1 AND organiser_id = $2`, [
        workspaceId,
        organiserId,
      ])
      return 'removed'
    })
  }

  async createProject(p: ProjectRecord): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('org_projects')} (${PROJECT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        p.id,
        p.workspaceId,
        p.name,
        p.gebied,
        p.gemeente,
        JSON.stringify(p.kernteam),
        p.retentionMonths,
        p.phase,
        p.createdAt,
        p.updatedAt,
      ],
    )
  }

  async getProject(id: string): Promise<ProjectRecord | null> {
    const { rows } = await this.#query(
      `SELECT ${PROJECT_COLUMNS} FROM ${this.#t('org_projects')} WHERE id = $1`,
      [id],
    )
    return rows[0] ? projectRow(rows[0]) : null
  }

  async updateProject(id: string, update: ProjectUpdate, at: number): Promise<ProjectRecord | null> {
    return this.#transaction(`project:${id}`, async (q) => {
      const projects = this.#t('org_projects')
      const { rows } = await q(`SELECT ${PROJECT_COLUMNS} FROM ${projects} WHERE id = $1`, [id])
      if (!rows[0]) return null
      const next = { ...projectRow(rows[0]), ...update, updatedAt: at }
      await q(
        `UPDATE ${projects} SET name = $1, gebied = $2, gemeente = $3, kernteam = $4, retention_months = $5,
         phase = $6, updated_at = $7 WHERE id = $8`,
        [
          next.name,
          next.gebied,
          next.gemeente,
          JSON.stringify(next.kernteam),
          next.retentionMonths,
          next.phase,
          at,
          id,
        ],
      )
      return next
    })
  }

  async listProjects(workspaceId: string): Promise<(ProjectRecord & { boardCount: number })[]> {
    const columns = PROJECT_COLUMNS.split(', ')
      .map((c) => `p.${c}`)
      .join(', ')
    const { rows } = await this.#query(
      `SELECT ${columns},
         (SELECT COUNT(*) FROM ${this.#t('org_boards')} b WHERE b.project_id = p.id AND b.delete_after IS NULL) AS board_count
       FROM ${this.#t('org_projects')} p WHERE p.workspace_id = $1 ORDER BY p.name, p.id`,
      [workspaceId],
    )
    return rows.map((row) => ({ ...projectRow(row), boardCount: Number(row.board_count) }))
  }

  async placeBoard(b: BoardPlacement): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('org_boards')} (board_id, project_id, workspace_id, owner_id, title, title_search,
         created_at, updated_at, last_opened_at, archived_at, delete_requested_at, delete_after)
       VALUES ($1, $2, (SELECT workspace_id FROM ${this.#t('org_projects')} WHERE id = $2), $3, $4, $5, $6, $7, $8,
         $9, $10, $11)`,
      [
        b.boardId,
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
      ],
    )
  }

  #listing = () => `SELECT ${LISTING_COLUMNS} FROM ${LISTING_FROM(this.#t)} WHERE b.board_id = $1`

  async getPlacement(boardId: string): Promise<BoardListing | null> {
    const { rows } = await this.#query(this.#listing(), [boardId])
    return rows[0] ? listingRow(rows[0]) : null
  }

  async updatePlacement(boardId: string, update: PlacementUpdate): Promise<BoardListing | null> {
    return this.#transaction(`board:${boardId}:placement`, async (q) => {
      const { rows } = await q(this.#listing(), [boardId])
      if (!rows[0]) return null
      const b = { ...listingRow(rows[0]), ...update }
      await q(
        `UPDATE ${this.#t('org_boards')} SET project_id = $1,
           workspace_id = (SELECT workspace_id FROM ${this.#t('org_projects')} WHERE id = $1),
           updated_at = $2, last_opened_at = $3, archived_at = $4, delete_requested_at = $5, delete_after = $6
         WHERE board_id = $7`,
        [b.projectId, b.updatedAt, b.lastOpenedAt, b.archivedAt, b.deleteRequestedAt, b.deleteAfter, boardId],
      )
      const after = await q(this.#listing(), [boardId])
      return after.rows[0] ? listingRow(after.rows[0]) : null
    })
  }

  async renameBoard(boardId: string, title: string, at: number): Promise<BoardListing | null> {
    return this.#transaction(`board:${boardId}:placement`, async (q) => {
      await q(
        `UPDATE ${this.#t('org_boards')} SET title = $1, title_search = $2, updated_at = $3 WHERE board_id = $4`,
        [title, searchText(title), at, boardId],
      )
      const after = await q(this.#listing(), [boardId])
      if (!after.rows[0]) return null
      await q(`UPDATE ${this.#t('boards')} SET title = $1 WHERE id = $2`, [title, boardId])
      return listingRow(after.rows[0])
    })
  }

  async isReadOnly(boardId: string): Promise<boolean> {
    const { rows } = await this.#query(
      `SELECT 1 AS x FROM ${this.#t('org_boards')} WHERE board_id = $1
       AND (archived_at IS NOT NULL OR delete_after IS NOT NULL)`,
      [boardId],
    )
    return rows.length > 0
  }

  async listBoards(query: BoardQuery): Promise<BoardListing[]> {
    const members = await this.#query(
      `SELECT workspace_id FROM ${this.#t('org_members')} WHERE organiser_id = $1 ORDER BY workspace_id`,
      [query.organiserId],
    )
    const workspaceIds = members.rows.map((row) => String(row.workspace_id))
    const built = boardQuerySql(query, workspaceIds, this.#t, (n) => `$${n}`)
    if (!built) return []
    const { rows } = await this.#query(built.sql, built.params)
    return rows.map(listingRow)
  }

  async boardsDueForPurge(now: number, limit: number): Promise<string[]> {
    const { rows } = await this.#query(
      `SELECT board_id FROM ${this.#t('org_boards')} WHERE delete_after IS NOT NULL AND delete_after <= $1
       ORDER BY delete_after, board_id LIMIT $2`,
      [now, limit],
    )
    return rows.map((row) => String(row.board_id))
  }

  async purgeBoard(boardId: string): Promise<void> {
    // The board's own lock: no append of its document log runs meanwhile (PostgresDocumentLog takes the same key).
    // Tables are looked up at each purge (rare): other adapters make theirs on first use.
    const schema = this.#t('x').slice(0, -2)
    const { rows } = await this.#query(
      "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'board_id'",
      [schema],
    )
    const targets = purgeTargets(rows.map((row) => String(row.table_name)))
    await this.#transaction(boardId, async (q) => {
      for (const { table, column } of targets) {
        await q(`DELETE FROM ${this.#t(table)} WHERE ${column} = $1`, [boardId])
      }
      await q(`UPDATE ${this.#t('org_audit')} SET board_id = NULL WHERE board_id = $1`, [boardId])
    })
  }

  async appendAudit(e: AuditRecord): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t('org_audit')} (at, project_id, actor_id, actor_name, action, board_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.at, e.projectId, e.actorId, e.actorName, e.action, e.boardId, JSON.stringify(e.detail)],
    )
  }

  async listAudit(projectId: string, limit: number): Promise<AuditRecord[]> {
    const { rows } = await this.#query(
      `SELECT at, project_id, actor_id, actor_name, action, board_id, detail FROM ${this.#t('org_audit')}
       WHERE project_id = $1 ORDER BY at DESC, seq DESC LIMIT $2`,
      [projectId, limit],
    )
    return rows.map(auditRow)
  }

  async anonymiseActor(organiserId: string): Promise<number> {
    const result = await this.#query(
      `UPDATE ${this.#t('org_audit')} SET actor_id = NULL, actor_name = NULL WHERE actor_id = $1`,
      [organiserId],
    )
    return result.rowCount ?? 0
  }
}
