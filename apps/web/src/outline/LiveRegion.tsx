import { useCallback, useState } from 'react'

/**
 * One polite live region for the board. It is always in the page (a region added together with its text is
 * often not read), and each message gets a fresh node so that the same sentence twice is read twice.
 */
export function useLiveRegion(): { announce: (text: string) => void; region: React.ReactNode } {
  const [message, setMessage] = useState<{ n: number; text: string }>({ n: 0, text: '' })
  const announce = useCallback((text: string) => setMessage((m) => ({ n: m.n + 1, text })), [])
  const region = (
    <div className="wt-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      <p key={message.n}>{message.text}</p>
    </div>
  )
  return { announce, region }
}
