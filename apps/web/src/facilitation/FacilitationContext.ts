import type { FacilitationState, Role, Round, RoundReport } from '@waardentafel/protocol'
import { createContext, useContext } from 'react'
import type { Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { LiveConnection } from '../shared/LiveConnection.ts'
import type { Auth, FacilitationActionInput } from './facilitationApi.ts'

/** Everything the facilitation UI shares: the live state, who I am, and the way to ask the server for changes. */
export type Facilitation = {
  auth: Auth
  boardTitle: string
  role: Role
  presenter: boolean
  editor: Editor | null
  connection: LiveConnection
  awareness: Awareness
  state: FacilitationState
  /** Server clock minus device clock (ms). */
  clockOffset: number
  self: { userId: string; name: string; organisation: string }
  /** The newest open round and its report as this role may see it (polled while open). */
  round: Round | null
  report: RoundReport | null
  refreshReport: () => void
  /** Sends a facilitator action; resolves with the server's answer, or null after showing the error. */
  act: (action: FacilitationActionInput) => Promise<{ roundId?: string | undefined } | null>
}

export const FacilitationContext = createContext<Facilitation | null>(null)

export function useFacilitation(): Facilitation {
  const value = useContext(FacilitationContext)
  if (!value) throw new Error('useFacilitation outside FacilitationLayer')
  return value
}

/** For components tldraw renders in its own slots, which may render before the layer is ready. */
export function useOptionalFacilitation(): Facilitation | null {
  return useContext(FacilitationContext)
}
