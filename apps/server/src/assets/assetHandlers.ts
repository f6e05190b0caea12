import type { Handlers } from '../http/context.ts'
import type { AssetService } from './AssetService.ts'

/** The asset routes' handlers (`packages/protocol/src/routes/assetRoutes.ts`), spread into the handler table. */
export function assetHandlers(assets: AssetService): Pick<Handlers, 'uploadAsset' | 'getAsset'> {
  return {
    uploadAsset: ({ board, req, res }) => assets.upload(board.id, req, res),
    getAsset: async ({ board, params, query, req, res }) => {
      await assets.send(board.id, params.assetId, query.get('size'), req, res)
      return undefined
    },
  }
}
