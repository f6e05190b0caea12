import { PARTICIPANT_KEY_HEADER, type RouteName, type VersionRoutes } from '@waardentafel/protocol'
import type { BoardTransfer } from '../BoardTransfer.ts'
import type { Context, Handler } from '../http/context.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import { parseNumber, VersionService } from './VersionService.ts'

type VersionRouteName = keyof typeof VersionRoutes & RouteName
export type VersionHandlers = { readonly [N in VersionRouteName]: Handler<N> }

/** The device's ballot key, when the request carries one. */
function keyOf(ctx: Pick<Context, 'req'>): string | null {
  const header = ctx.req.headers[PARTICIPANT_KEY_HEADER]
  return typeof header === 'string' && header !== '' ? header : null
}

/** The version routes' handlers (`/api/boards/:boardId/versions…`, issue #19). */
export function versionHandlers(deps: {
  storage: BoardStorage
  transfer: BoardTransfer
  now?: () => number
}): VersionHandlers {
  const service = new VersionService({
    versions: deps.storage.versions,
    keys: deps.storage,
    snapshot: (board) => deps.transfer.snapshot(board),
    now: deps.now ?? Date.now,
  })
  return {
    listVersions: ({ board }) => service.list(board.id),
    freezeVersion: ({ board, body }) => service.freeze(board, body.intentieverklaring),
    compareVersions: ({ board, query }) => service.compare(board, query.get('from'), query.get('to')),
    getVersion: (ctx) => service.detail(ctx.board.id, parseNumber(ctx.params.number), keyOf(ctx)),
    versionDocument: async ({ res, board, params, query }) => {
      const number = parseNumber(params.number)
      await service.sendDocument(
        res,
        board,
        number,
        query.get('format'),
        query.get('kwaliteitstoets') === '1',
      )
      return undefined
    },
    adoptVersion: ({ board, params, body }) => service.adopt(board.id, parseNumber(params.number), body),
    signVersion: (ctx) => service.sign(ctx.board.id, parseNumber(ctx.params.number), keyOf(ctx), ctx.body),
    archiveVersion: async ({ res, board, params }) => {
      await service.sendArchive(res, board, parseNumber(params.number))
      return undefined
    },
  }
}
