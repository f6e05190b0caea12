import type { JoinCodeResponse } from '@waardentafel/protocol'
import QRCode from 'qrcode'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { formatDate } from '../facilitation/formatDate.ts'
import { fetchJoinCode } from './joinApi.ts'
import './join.css'

type Props = { auth: { boardId: string; token: string }; title: string; onClose: () => void }

/** "ABC234" as "ABC 234": two groups of three read and type more easily from the back of a room. */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`

/**
 * The join screen for the room's big screen: the participant link as a large QR code (drawn on a canvas by
 * `qrcode`, no script of its own) and the board's short code with `<origin>/<code>` in large type.
 */
export function JoinScreen({ auth, title, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [join, setJoin] = useState<JoinCodeResponse | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  useEffect(() => {
    let cancelled = false
    fetchJoinCode(auth)
      .then((response) => !cancelled && setJoin(response))
      .catch((e) => {
        const code = e instanceof ApiError ? e.code : 'generic'
        if (!cancelled) setError(t([`facilitation.errors.${code}`, `errors.${code}`, 'errors.generic']))
      })
    return () => {
      cancelled = true
    }
  }, [auth, t])
  useEffect(() => {
    if (!join || !canvas.current) return
    // Error correction M and a quiet zone of 4 modules: what phone cameras read best from a distance.
    const target = canvas.current
    QRCode.toCanvas(target, join.link, { errorCorrectionLevel: 'M', margin: 4, width: 720 })
      .then(() => {
        // qrcode fixes the canvas's displayed size; the stylesheet sizes it to the screen instead.
        target.style.removeProperty('width')
        target.style.removeProperty('height')
      })
      .catch(() => setError(t('errors.generic')))
  }, [join, t])

  const shortUrl = join ? join.url.replace(/^https?:\/\//, '') : ''
  return (
    <dialog
      ref={dialog}
      className="wt-ui wt-join-screen"
      aria-labelledby="wt-join-title"
      data-testid="join-screen"
      onClose={onClose}
    >
      <button type="button" className="wt-secondary wt-join-close" onClick={() => dialog.current?.close()}>
        {t('join.screen.close')}
      </button>
      <h1 id="wt-join-title">{t('join.screen.title', { title })}</h1>
      {error && (
        <p role="alert" className="wt-error">
          {error}
        </p>
      )}
      {!join && !error && <p role="status">{t('join.screen.loading')}</p>}
      {join && (
        <div className="wt-join-body">
          <figure className="wt-join-qr">
            <canvas ref={canvas} role="img" aria-label={t('join.screen.qrAlt')} data-testid="join-qr" />
            <figcaption>{t('join.screen.scan')}</figcaption>
          </figure>
          <div className="wt-join-code">
            <p>{t('join.screen.or')}</p>
            <p className="wt-join-url" data-testid="join-url">
              {shortUrl}
            </p>
            <p>{t('join.screen.typeCode')}</p>
            <p className="wt-join-code-value" data-testid="join-code" data-code={join.code}>
              <span className="wt-visually-hidden">{t('join.screen.codeLabel')}: </span>
              {grouped(join.code)}
            </p>
            <p className="wt-join-expires">
              {t('join.screen.expires', { date: formatDate(join.expiresAt * 1000, i18n.language) })}
            </p>
          </div>
        </div>
      )}
    </dialog>
  )
}
