import type { PrivateMode, Role } from '@waardentafel/protocol'
import { useFacilitation } from '../../facilitation/FacilitationContext.ts'
import { PrivateModeBar } from '../../private/PrivateModeBar.tsx'

type Props = { role: Role; mode: PrivateMode; count: number }

/**
 * Private mode's bar, with the facilitator's switch and reveal sent as facilitation actions: through the one API
 * client, and a refusal shown where every failed facilitation action is shown (FacilitationProvider).
 */
export function BoardPrivateModeBar({ role, mode, count }: Props) {
  const { act } = useFacilitation()
  return (
    <PrivateModeBar
      role={role}
      mode={mode}
      privateCount={count}
      {...(role === 'facilitator'
        ? {
            act: async (action) => {
              await act(action)
            },
          }
        : {})}
    />
  )
}
