import type { RouteName } from '@waardentafel/protocol'
import { OrgRoutes } from '@waardentafel/protocol'
import { AppError } from '../../errors.ts'
import type { Handler } from '../../http/context.ts'

type OrgRouteName = keyof typeof OrgRoutes & RouteName
export type OrgHandlers = { readonly [N in OrgRouteName]: Handler<N> }

/** The organisation routes' handlers (workspaces, projects, the organiser's boards). */
export function orgHandlers(): OrgHandlers {
  const notYet = async (): Promise<never> => {
    throw new AppError('NOT_FOUND', 'not available yet')
  }
  const handlers = Object.fromEntries(Object.keys(OrgRoutes).map((name) => [name, notYet]))
  return handlers as unknown as OrgHandlers
}
