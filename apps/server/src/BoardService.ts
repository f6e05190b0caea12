import { randomBytes } from 'node:crypto'
import type { CreateBoardResponse, Role, TokenPayload } from '@waardentafel/protocol'
import { BoardIdSchema, Roles } from '@waardentafel/protocol'
import { AppError } from './errors.ts'
import type { OrganiserQuota } from './limits/OrganiserQuota.ts'
import { type BoardRecord, type BoardStore, INITIAL_GENERATIONS } from './storage/ports/BoardStore.ts'
import type { TokenSigner } from './tokens.ts'

/** Boards and their role links: creation, and checking a token against the board it is used for. */
export class BoardService {
  readonly #storage: BoardStore
  readonly #signer: TokenSigner
  readonly #now: () => number
  readonly #quota: OrganiserQuota | null

  constructor(
    storage: BoardStore,
    signer: TokenSigner,
    options: { quota?: OrganiserQuota; now?: () => number } = {},
  ) {
    this.#storage = storage
    this.#signer = signer
    this.#now = options.now ?? Date.now
    this.#quota = options.quota ?? null
  }

  /** A new, empty board; with an `organiser`, it counts against that organiser's quotas (QUOTA_BOARDS). */
  async create(title: string, baseUrl: string, organiser?: string): Promise<CreateBoardResponse> {
    const board: BoardRecord = {
      id: randomBytes(12).toString('base64url'),
      title,
      createdAt: this.#now(),
      linkGenerations: INITIAL_GENERATIONS,
    }
    const store = () => this.#storage.createBoard(board, organiser)
    if (organiser && this.#quota) await this.#quota.within(organiser, 0, store)
    else await store()
    return { id: board.id, title: board.title, links: this.links(board, baseUrl) }
  }

  /** Current links for every role of a board. */
  links(board: BoardRecord, baseUrl: string): Record<Role, string> {
    const entries = Roles.map((role) => [role, this.link(board, role, baseUrl).link] as const)
    return Object.fromEntries(entries) as Record<Role, string>
  }

  /** A new link for one role, valid for `ttlSeconds` (default: the configured lifetime). */
  link(
    board: BoardRecord,
    role: Role,
    baseUrl: string,
    ttlSeconds?: number,
  ): { link: string; expiresAt: number } {
    const token = this.#signer.sign(board.id, role, board.linkGenerations[role], ttlSeconds)
    const url = new URL(`/b/${board.id}`, baseUrl)
    url.searchParams.set('token', token)
    return { link: url.toString(), expiresAt: this.#signer.verify(token).exp }
  }

  /** Invalidates every link of a role handed out so far; returns the board with its new generations. */
  async revoke(board: BoardRecord, role: Role): Promise<BoardRecord> {
    const generation = await this.#storage.bumpLinkGeneration(board.id, role)
    return { ...board, linkGenerations: { ...board.linkGenerations, [role]: generation } }
  }

  /** Verifies a token for `boardId` and that the board exists; throws an AppError with the reason. */
  async authorize(
    boardId: string,
    token: string | null,
  ): Promise<{ payload: TokenPayload; board: BoardRecord }> {
    if (!BoardIdSchema.safeParse(boardId).success) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    const payload = this.#signer.verify(token)
    if (payload.b !== boardId) throw new AppError('TOKEN_WRONG_BOARD', 'token is for another board')
    const board = await this.#storage.getBoard(boardId)
    if (!board) throw new AppError('BOARD_NOT_FOUND', 'no such board')
    if (payload.g < board.linkGenerations[payload.r]) throw new AppError('TOKEN_REVOKED', 'link revoked')
    return { payload, board }
  }
}
