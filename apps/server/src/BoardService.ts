import { randomBytes } from 'node:crypto'
import type { CreateBoardResponse, Role, TokenPayload } from '@waardentafel/protocol'
import { BoardIdSchema, Roles } from '@waardentafel/protocol'
import { AppError } from './errors.ts'
import { type BoardRecord, type BoardStorage, INITIAL_GENERATIONS } from './storage/BoardStorage.ts'
import type { TokenSigner } from './tokens.ts'

/** Boards and their role links: creation, and checking a token against the board it is used for. */
export class BoardService {
  readonly #storage: BoardStorage
  readonly #signer: TokenSigner
  readonly #now: () => number

  constructor(storage: BoardStorage, signer: TokenSigner, now: () => number = Date.now) {
    this.#storage = storage
    this.#signer = signer
    this.#now = now
  }

  async create(title: string, baseUrl: string): Promise<CreateBoardResponse> {
    const board: BoardRecord = {
      id: randomBytes(12).toString('base64url'),
      title,
      createdAt: this.#now(),
      linkGenerations: INITIAL_GENERATIONS,
    }
    await this.#storage.createBoard(board)
    return { id: board.id, title: board.title, links: this.links(board.id, baseUrl) }
  }

  links(boardId: string, baseUrl: string): Record<Role, string> {
    const entries = Roles.map((role) => {
      const url = new URL(`/b/${boardId}`, baseUrl)
      url.searchParams.set('token', this.#signer.sign(boardId, role))
      return [role, url.toString()] as const
    })
    return Object.fromEntries(entries) as Record<Role, string>
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
    return { payload, board }
  }
}
