import { exportFileName } from '@waardentafel/domain'
import type { Role, VersionComparison, VersionDetail, VersionSummary } from '@waardentafel/protocol'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { isoDay } from '../../export/exportFileName.ts'
import {
  type Auth,
  adoptVersion,
  archiveFile,
  compareVersions,
  freezeVersion,
  getVersion,
  listVersions,
  signVersion,
  versionFile,
} from './versionsApi.ts'
import { registerVersionMessages } from './versionsMessages.ts'

type Props = { board: { id: string; title: string }; token: string; role: Role }

/** How often the list is read again while the panel is open (signatures arrive from other devices). */
const REFRESH_MS = 15_000

const FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
] as const

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The PvW panel's "Versies": freeze, list, download, compare, sign the intentieverklaring, mark vastgesteld. */
export function VersionsSection({ board, token, role }: Props) {
  const { t, i18n } = useTranslation()
  // The section's texts join the app's translations the first time it is shown (i18n.ts stays as it is).
  registerVersionMessages(i18n)
  const auth: Auth = { boardId: board.id, token }
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [open, setOpen] = useState<number | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { boardId } = auth

  const fail = useCallback(
    (e: unknown) => {
      const code = e instanceof ApiError ? e.code : 'generic'
      setError(t([`versions.errors.${code}`, 'versions.errors.generic']))
    },
    [t],
  )
  const refresh = useCallback(() => {
    listVersions({ boardId, token }).then(setVersions).catch(fail)
  }, [boardId, token, fail])
  useEffect(() => {
    refresh()
    // Others sign and adopt meanwhile: the list (and an open version, by its count and status) follows.
    const every = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(every)
  }, [refresh])

  const freeze = async () => {
    setError(null)
    try {
      const v = await freezeVersion(auth)
      setMessage(t('versions.frozen', { number: v.number }))
      setOpen(v.number)
      refresh()
    } catch (e) {
      fail(e)
    }
  }

  const download = async (number: number, format: string) => {
    const blob = await versionFile(auth, number, format).catch(() => null)
    if (!blob) return
    save(
      blob,
      `Programma van Waarden - ${exportFileName(`${board.title} versie ${number}`, isoDay(new Date()), format)}`,
    )
  }

  return (
    <section className="wt-pvw-versions" aria-labelledby="wt-versions-title" data-testid="pvw-versions">
      <h3 id="wt-versions-title">{t('versions.title')}</h3>
      <p>{t('versions.intro')}</p>
      {role === 'facilitator' && (
        <button type="button" onClick={() => void freeze()}>
          {t('versions.freeze')}
        </button>
      )}
      <div role="status">
        {message && <p>{message}</p>}
        {error && <p className="wt-error">{error}</p>}
      </div>
      {versions?.length === 0 && <p>{t('versions.none')}</p>}
      <ul className="wt-version-list">
        {versions?.map((v) => (
          <li key={v.number} data-testid={`version-${v.number}`} data-status={v.status}>
            <strong>{t('versions.version', { number: v.number })}</strong> —{' '}
            {t(`versions.statuses.${v.status}`)}
            {v.vaststelling &&
              ` (${t('versions.adoptedBy', {
                datum: v.vaststelling.datum,
                orgaan:
                  v.vaststelling.orgaan === 'anders'
                    ? v.vaststelling.orgaanNaam
                    : t(`versions.adopt.bodies.${v.vaststelling.orgaan}`),
              })})`}
            {' · '}
            {t('versions.signatures', { count: v.signatures })}{' '}
            <button
              type="button"
              className="wt-link-button"
              aria-expanded={open === v.number}
              onClick={() => setOpen(open === v.number ? null : v.number)}
            >
              {open === v.number ? t('versions.closeVersion') : t('versions.open', { number: v.number })}
            </button>
            <fieldset className="wt-pvw-downloads">
              <legend>{t('versions.downloadAs', { number: v.number })}</legend>
              {FORMATS.map(({ format, label }) => (
                <button key={format} type="button" onClick={() => void download(v.number, format)}>
                  {label}
                </button>
              ))}
              {role === 'facilitator' && v.status === 'vastgesteld' && (
                <button
                  type="button"
                  onClick={() =>
                    void archiveFile(auth, v.number)
                      .then((blob) =>
                        save(blob, `Programma van Waarden ${board.title} versie ${v.number} archief.json`),
                      )
                      .catch(fail)
                  }
                >
                  {t('versions.archive')}
                </button>
              )}
            </fieldset>
            {open === v.number && (
              <VersionView
                auth={auth}
                number={v.number}
                revision={`${v.status}|${v.signatures}`}
                role={role}
                onChange={refresh}
                onError={fail}
              />
            )}
          </li>
        ))}
      </ul>
      {versions && versions.length > 0 && <Compare auth={auth} versions={versions} onError={fail} />}
    </section>
  )
}

function VersionView({
  auth,
  number,
  revision,
  role,
  onChange,
  onError,
}: {
  auth: Auth
  number: number
  /** Changes when the list sees a new signature or status: the view is read again. */
  revision: string
  role: Role
  onChange: () => void
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation()
  const [detail, setDetail] = useState<VersionDetail | null>(null)
  const { boardId, token } = auth
  const load = useCallback(() => {
    getVersion({ boardId, token }, number).then(setDetail).catch(onError)
  }, [boardId, token, number, onError])
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` is the reason to read the version again
  useEffect(load, [load, revision])
  if (!detail) return null
  const signedParties = new Set(detail.signatureList.map((s) => s.partij.toLowerCase()))
  const open = detail.beoogd.filter((b) => !signedParties.has(b.name.toLowerCase()))
  const changed = () => {
    load()
    onChange()
  }
  return (
    <div className="wt-version" data-testid={`version-view-${number}`}>
      <h4>{t('versions.intentieverklaring')}</h4>
      {detail.intentieverklaring.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <h4>{t('versions.signedBy')}</h4>
      {detail.signatureList.length === 0 ? (
        <p>{t('versions.noSignatures')}</p>
      ) : (
        <table data-testid="version-signatures">
          <thead>
            <tr>
              <th>{t('versions.table.name')}</th>
              <th>{t('versions.table.organisation')}</th>
              <th>{t('versions.table.partij')}</th>
              <th>{t('versions.table.mandate')}</th>
              <th>{t('versions.table.datum')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.signatureList.map((s) => (
              <tr key={`${s.name}|${s.partij}|${s.datum}|${s.mandate}`}>
                <td>{s.name}</td>
                <td>{s.organisation}</td>
                <td>
                  {s.partij}
                  {s.zelfstandig && ` (${t('versions.independent')})`}
                </td>
                <td>{s.mandate}</td>
                <td>{s.datum}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open.length > 0 && <p>{t('versions.notYet', { names: open.map((o) => o.name).join(', ') })}</p>}
      {detail.status === 'ter vaststelling' &&
        (detail.signedByMe ? (
          <p>{t('versions.sign.done')}</p>
        ) : (
          <SignForm auth={auth} number={number} beoogd={detail.beoogd} onSigned={changed} onError={onError} />
        ))}
      {role === 'facilitator' && detail.status === 'ter vaststelling' && (
        <AdoptForm auth={auth} number={number} onAdopted={changed} onError={onError} />
      )}
      <h4>{t('versions.history')}</h4>
      <ul data-testid="version-history">
        {detail.history.map((e) => (
          <li key={`${e.at}|${e.text}`}>
            {new Date(e.at).toISOString().slice(0, 10)} — {e.text}
          </li>
        ))}
      </ul>
    </div>
  )
}

function SignForm({
  auth,
  number,
  beoogd,
  onSigned,
  onError,
}: {
  auth: Auth
  number: number
  beoogd: VersionDetail['beoogd']
  onSigned: () => void
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [mandate, setMandate] = useState('')
  const [partij, setPartij] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await signVersion(auth, number, { name, organisation, mandate, ...(partij ? { partij } : {}) })
      onSigned()
    } catch (error) {
      onError(error)
    }
  }
  return (
    <form className="wt-version-sign" onSubmit={(e) => void submit(e)}>
      <h4>{t('versions.sign.title')}</h4>
      <p>{t('versions.sign.help')}</p>
      <label>
        {t('versions.sign.name')}
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('versions.sign.organisation')}
        <input
          required
          maxLength={200}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </label>
      <label>
        {t('versions.sign.mandate')}
        <input required maxLength={300} value={mandate} onChange={(e) => setMandate(e.target.value)} />
      </label>
      <label>
        {t('versions.sign.partij')}
        <select value={partij} onChange={(e) => setPartij(e.target.value)}>
          <option value="">{t('versions.sign.ownOrganisation')}</option>
          {beoogd.map((b) => (
            <option key={b.name} value={b.name}>
              {b.name}
              {b.zelfstandig ? ` (${t('versions.independent')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('versions.sign.submit')}</button>
    </form>
  )
}

function AdoptForm({
  auth,
  number,
  onAdopted,
  onError,
}: {
  auth: Auth
  number: number
  onAdopted: () => void
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation()
  const [datum, setDatum] = useState(() => isoDay(new Date()))
  const [orgaan, setOrgaan] = useState<'college' | 'gebiedscoalitie' | 'anders'>('college')
  const [orgaanNaam, setOrgaanNaam] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await adoptVersion(auth, number, { datum, orgaan, orgaanNaam })
      onAdopted()
    } catch (error) {
      onError(error)
    }
  }
  return (
    <form className="wt-version-adopt" onSubmit={(e) => void submit(e)}>
      <h4>{t('versions.adopt.title')}</h4>
      <label>
        {t('versions.adopt.datum')}
        <input type="date" required value={datum} onChange={(e) => setDatum(e.target.value)} />
      </label>
      <label>
        {t('versions.adopt.orgaan')}
        <select value={orgaan} onChange={(e) => setOrgaan(e.target.value as typeof orgaan)}>
          {(['college', 'gebiedscoalitie', 'anders'] as const).map((b) => (
            <option key={b} value={b}>
              {t(`versions.adopt.bodies.${b}`)}
            </option>
          ))}
        </select>
      </label>
      {orgaan === 'anders' && (
        <label>
          {t('versions.adopt.orgaanNaam')}
          <input
            required
            maxLength={200}
            value={orgaanNaam}
            onChange={(e) => setOrgaanNaam(e.target.value)}
          />
        </label>
      )}
      <button type="submit">{t('versions.adopt.submit')}</button>
    </form>
  )
}

function Compare({
  auth,
  versions,
  onError,
}: {
  auth: Auth
  versions: VersionSummary[]
  onError: (e: unknown) => void
}) {
  const { t } = useTranslation()
  const last = versions.at(-1)?.number ?? 1
  const [from, setFrom] = useState(String(last))
  const [to, setTo] = useState('concept')
  const [result, setResult] = useState<VersionComparison | null>(null)
  const options = [
    ...versions.map((v) => ({ value: String(v.number), label: t('versions.version', { number: v.number }) })),
    { value: 'concept', label: t('versions.compare.concept') },
  ]
  const run = async () => {
    try {
      setResult(await compareVersions(auth, from, to))
    } catch (e) {
      onError(e)
    }
  }
  return (
    <div className="wt-version-compare" data-testid="version-compare">
      <h4>{t('versions.compare.title')}</h4>
      <label>
        {t('versions.compare.from')}{' '}
        <select value={from} onChange={(e) => setFrom(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('versions.compare.to')}{' '}
        <select value={to} onChange={(e) => setTo(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void run()}>
        {t('versions.compare.submit')}
      </button>
      {result && (
        <div role="status">
          <p>{result.summary}</p>
          <ul>
            {result.changes.map((c) => (
              <li key={`${c.kind}|${c.text}`}>{c.text}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
