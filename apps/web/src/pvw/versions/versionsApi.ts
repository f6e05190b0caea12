import { PARTICIPANT_KEY_HEADER, type VersionDetail } from '@waardentafel/protocol'
import { api } from '../../api/client.ts'
import { loadRoundParticipant, saveRoundParticipant } from '../../facilitation/rounds/roundParticipant.ts'

// The versions section's calls, by route name, over the one client (api/client.ts).

export type Auth = { boardId: string; token: string }
const as = (auth: Auth, headers: Record<string, string> = {}) => ({ bearer: auth.token, headers })

export const listVersions = (auth: Auth) =>
  api.call('listVersions', { boardId: auth.boardId }, undefined, as(auth))

export const freezeVersion = (auth: Auth) =>
  api.call('freezeVersion', { boardId: auth.boardId }, {}, as(auth))

export async function getVersion(auth: Auth, number: number): Promise<VersionDetail> {
  const key = loadRoundParticipant(auth.boardId, { name: '', organisation: '' }).key
  return api.call(
    'getVersion',
    { boardId: auth.boardId, number: String(number) },
    undefined,
    as(auth, key ? { [PARTICIPANT_KEY_HEADER]: key } : {}),
  )
}

export const adoptVersion = (
  auth: Auth,
  number: number,
  body: { datum: string; orgaan: 'college' | 'gebiedscoalitie' | 'anders'; orgaanNaam: string },
) => api.call('adoptVersion', { boardId: auth.boardId, number: String(number) }, body, as(auth))

export const compareVersions = (auth: Auth, from: string, to: string) =>
  api.call('compareVersions', { boardId: auth.boardId }, undefined, {
    bearer: auth.token,
    query: { from, to },
  })

/**
 * This device's ballot key for the board (the one prioritising rounds use), asked from the server when the device
 * has none yet: a signature is one per key and version, so one device signs once.
 */
async function deviceKey(auth: Auth): Promise<string> {
  const stored = loadRoundParticipant(auth.boardId, { name: '', organisation: '' })
  if (stored.key) return stored.key
  const { key } = await api.call('issueParticipantKey', { boardId: auth.boardId }, undefined, as(auth))
  saveRoundParticipant(auth.boardId, { ...stored, key })
  return key
}

export async function signVersion(
  auth: Auth,
  number: number,
  body: { name: string; organisation: string; mandate: string; partij?: string },
) {
  const key = await deviceKey(auth)
  return api.call(
    'signVersion',
    { boardId: auth.boardId, number: String(number) },
    body,
    as(auth, { [PARTICIPANT_KEY_HEADER]: key }),
  )
}

export const versionFile = (auth: Auth, number: number, format: string) =>
  api.file(
    'versionDocument',
    { boardId: auth.boardId, number: String(number) },
    { bearer: auth.token, query: { format } },
  )

export const archiveFile = (auth: Auth, number: number) =>
  api.file('archiveVersion', { boardId: auth.boardId, number: String(number) }, { bearer: auth.token })
