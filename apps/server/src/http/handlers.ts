import { stripPersonalRecords } from '@waardentafel/domain'
import type { ClientConfig } from '@waardentafel/protocol'
import type { AssetService } from '../assets/AssetService.ts'
import { assetHandlers } from '../assets/assetHandlers.ts'
import type { BoardService } from '../BoardService.ts'
import type { BoardTransfer } from '../BoardTransfer.ts'
import { AppError } from '../errors.ts'
import type { Limits } from '../limits/Limits.ts'
import { authHandlers } from '../org/auth/authHandlers.ts'
import type { OrganiserSignIn } from '../org/auth/OrganiserSignIn.ts'
import { privacyHandlers } from '../org/privacy/privacyHandlers.ts'
import type { OrgService } from '../org/workspaces/OrgService.ts'
import { orgHandlers } from '../org/workspaces/orgHandlers.ts'
import { withOrgHooks } from '../org/workspaces/withOrgHooks.ts'
import type { RoomManager } from '../room/RoomManager.ts'
import { RoundService } from '../rounds/RoundService.ts'
import type { BoardStorage } from '../storage/BoardStorage.ts'
import { versionHandlers } from '../versions/versionHandlers.ts'
import { facilitate, issueBoardJoinCode, issueLink, revokeLinks } from './boardActions.ts'
import type { Handlers } from './context.ts'
import { resolveJoinCode } from './joinCodes.ts'
import { sendProgramma } from './programma.ts'
import { issueKey, putPlacements, roundReport } from './rounds.ts'
import { compareSessions, listSessions, restoreSession, saveSession } from './sessions.ts'

export type HandlerDeps = {
  storage: BoardStorage
  boards: BoardService
  rooms: RoomManager
  transfer: BoardTransfer
  limits: Limits
  /** Organisers sign in (`src/org/auth`). */
  signIn: OrganiserSignIn
  /** Workspaces, projects, the organiser's boards and their lifecycle (`src/org/workspaces`). */
  org: OrgService
  /** Pictures and maps (`src/assets`). */
  assets: AssetService
  clientConfig: ClientConfig
  /** Bounds on issuing ballot keys (config `MAX_ROUND_KEYS_PER_BOARD`, `MAX_ROUND_KEYS_PER_LINK_ADDRESS`). */
  roundKeys: { perBoard: number; perLinkAddress: number; windowMs: number }
  trustProxy: boolean
  now?: () => number
}

/**
 * One handler per route of the table. Each gets its request authorised and its body parsed (`handleRequest`)
 * and answers with the route's response, which `handleRequest` sends with the route's status.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { storage, boards, transfer, limits } = deps
  const now = deps.now ?? Date.now
  const rounds = {
    rounds: new RoundService({ storage, docs: deps.rooms, limits: deps.roundKeys, now }),
    trustProxy: deps.trustProxy,
  }
  // The organisation layer's additions to the board routes (placement, read-only archive, audit): one wrapper.
  return withOrgHooks(deps.org, {
    health: async () => ({ ok: true }),
    config: async () => deps.clientConfig,
    // A signed-in organiser's boards are theirs (quotas, their home page); else the key's or the address's.
    createBoard: ({ req, body, baseUrl, organiser }) =>
      boards.create(body.title, baseUrl, organiser?.id ?? limits.organiser(req)),
    importBoard: async ({ req, res, query, baseUrl, organiser: signedIn }) => {
      const organiser = signedIn?.id ?? limits.organiser(req)
      await transfer.assertRoomFor(organiser)
      const board = await limits.receiveImport(req, res, (body) =>
        transfer.importBytes(body, query.get('title') ?? undefined, organiser),
      )
      return { id: board.id, title: board.title, links: boards.links(board, baseUrl) }
    },
    session: async ({ board, payload }) => ({
      board: { id: board.id, title: board.title },
      role: payload.r,
      expiresAt: payload.exp,
      serverTime: now(),
    }),
    // The board's content (backup, the Programma van Waarden) is for the people working on it, not observers.
    // What leaves the board carries no visitor's name or colour (tldraw `user` records; docs/privacy.md).
    snapshot: async ({ board }) => stripPersonalRecords(await transfer.snapshot(board)),
    programma: async ({ res, board, query }) => {
      // The live board is always a concept: "ter vaststelling" and "vastgesteld" are a frozen version's (…/versions).
      const status = query.get('status')
      if (status !== null && status !== 'concept') {
        throw new AppError('BAD_REQUEST', 'the live board is a concept; freeze a version for another status')
      }
      const snapshot = stripPersonalRecords(await transfer.snapshot(board))
      await sendProgramma(res, snapshot, query.get('format'), query.has('download'), {
        kwaliteitstoets: query.get('kwaliteitstoets') === '1',
        status: 'concept',
        now,
      })
      return undefined
    },
    facilitation: (ctx) => facilitate(ctx, deps),
    issueLink: (ctx) => issueLink(ctx, deps),
    revokeLinks: (ctx) => revokeLinks(ctx, deps),
    issueJoinCode: (ctx) => issueBoardJoinCode(ctx, deps),
    resolveJoinCode: async ({ req, res, params, baseUrl }) => {
      // Too many wrong codes from this address: refused before looking, so a guesser learns nothing more.
      await limits.admitJoinCode(req, res)
      const onMiss = () => limits.joinCodeMissed(req, res)
      return resolveJoinCode(params.code, baseUrl, { storage, boards, onMiss })
    },
    issueParticipantKey: (ctx) => issueKey(ctx, rounds),
    putPlacements: (ctx) => putPlacements(ctx, rounds),
    roundReport: (ctx) => roundReport(ctx, rounds),
    saveSession: (ctx) => saveSession(ctx, deps),
    listSessions: (ctx) => listSessions(ctx, deps),
    compareSessions: (ctx) => compareSessions(ctx, deps),
    restoreSession: (ctx) => restoreSession(ctx, deps),
    ...versionHandlers(deps),
    ...assetHandlers(deps.assets),
    ...authHandlers(deps.signIn),
    ...privacyHandlers({ storage, rooms: deps.rooms, now }),
    ...orgHandlers(deps.org),
  })
}
