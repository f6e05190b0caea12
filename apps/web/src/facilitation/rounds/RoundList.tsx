import type { Round } from '@waardentafel/protocol'
import { useTranslation } from 'react-i18next'

/** The rounds of the board with their status; choosing one shows it. */
export function RoundList({
  rounds,
  current,
  onChoose,
}: {
  rounds: readonly Round[]
  current: string | undefined
  onChoose: (id: string) => void
}) {
  const { t } = useTranslation()
  return (
    <ul className="wt-round-list">
      {rounds.map((r) => (
        <li key={r.id}>
          <button
            type="button"
            className="wt-link-button"
            aria-current={r.id === current}
            onClick={() => onChoose(r.id)}
          >
            {r.title}
          </button>{' '}
          <span className="wt-muted">· {t(`facilitation.rounds.status.${r.status}`)}</span>
        </li>
      ))}
    </ul>
  )
}
