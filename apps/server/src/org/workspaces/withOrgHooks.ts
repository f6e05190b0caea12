import { AppError } from '../../errors.ts'
import type { Handlers } from '../../http/context.ts'
import type { OrgService } from './OrgService.ts'

type Hooked =
  | 'createBoard'
  | 'importBoard'
  | 'session'
  | 'facilitation'
  | 'issueLink'
  | 'revokeLinks'
  | 'issueParticipantKey'
  | 'putPlacements'
  | 'snapshot'
  | 'programma'

/**
 * What the organisation layer adds to the board routes that existed before it, in one place:
 * - boards a signed-in organiser makes by `POST /api/boards` or an import are theirs, "Zonder project";
 * - an archived or deleted board is read-only: its links report `observer` (`session`), and facilitation and round
 *   writes are refused with 409 BOARD_ARCHIVED (the sync path makes the same links observers, `syncEndpoint.ts`);
 * - the facilitator's actions that the project's audit log keeps (Woo, Archiefwet): links issued and revoked, the
 *   structure and value cards locked or unlocked, exports. A line is written once its action succeeded (an action
 *   without its trail is not what the log promises, so a failure to write is the request's failure).
 */
export function withOrgHooks(org: OrgService, handlers: Handlers): Handlers {
  const writable = async (boardId: string) => {
    if (await org.store.isReadOnly(boardId)) throw new AppError('BOARD_ARCHIVED', 'the board is archived')
  }
  const hooked: Pick<Handlers, Hooked> = {
    createBoard: async (ctx) => {
      const created = await handlers.createBoard(ctx)
      if (ctx.organiser) await org.placeUnplaced(created.id, created.title, ctx.organiser)
      return created
    },
    importBoard: async (ctx) => {
      const created = await handlers.importBoard(ctx)
      if (ctx.organiser) await org.placeUnplaced(created.id, created.title, ctx.organiser)
      return created
    },
    session: async (ctx) => {
      const answer = await handlers.session(ctx)
      return (await org.store.isReadOnly(ctx.board.id)) ? { ...answer, role: 'observer' } : answer
    },
    facilitation: async (ctx) => {
      await writable(ctx.board.id)
      const answer = await handlers.facilitation(ctx)
      if (ctx.body.action === 'lock') {
        const locked = ctx.body.structure || ctx.body.valueCards
        await org.recordBoardAction(ctx.board.id, locked ? 'board.locked' : 'board.unlocked', {
          structure: ctx.body.structure,
          valueCards: ctx.body.valueCards,
        })
      }
      return answer
    },
    issueLink: async (ctx) => {
      const answer = await handlers.issueLink(ctx)
      await org.recordBoardAction(ctx.board.id, 'links.issued', { role: ctx.body.role })
      return answer
    },
    revokeLinks: async (ctx) => {
      const answer = await handlers.revokeLinks(ctx)
      await org.recordBoardAction(ctx.board.id, 'links.revoked', { role: ctx.body.role })
      return answer
    },
    issueParticipantKey: async (ctx) => {
      await writable(ctx.board.id)
      return handlers.issueParticipantKey(ctx)
    },
    putPlacements: async (ctx) => {
      await writable(ctx.board.id)
      return handlers.putPlacements(ctx)
    },
    snapshot: async (ctx) => {
      const answer = await handlers.snapshot(ctx)
      await org.recordBoardAction(ctx.board.id, 'board.exported', { format: 'snapshot' })
      return answer
    },
    // The file is written by the handler itself: its line is written first, so a failure is still an answer.
    programma: async (ctx) => {
      await org.recordBoardAction(ctx.board.id, 'board.exported', {
        format: ctx.query.get('format') ?? 'json',
      })
      return handlers.programma(ctx)
    },
  }
  return { ...handlers, ...hooked }
}
