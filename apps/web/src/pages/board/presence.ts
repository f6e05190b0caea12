import type { Role } from '@waardentafel/protocol'
import { bindPresence } from '@waardentafel/tldraw-yjs'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  atom,
  createPresenceStateDerivation,
  createUserId,
  getDefaultUserPresence,
  type TLCurrentUser,
  type TLUserPreferences,
  UserRecordType,
} from 'tldraw'
import type { SyncedStore } from '../../board/useSyncedStore.ts'
import { loadDeviceLocation } from '../../facilitation/deviceLocation.ts'
import type { Identity } from '../../identity.ts'
import { isPrivateRecord } from '../../private/isPrivateRecord.ts'

/** tldraw's own user: its id is ours so that tldraw tells our presence from others', and its locale follows i18n. */
export function useTldrawUser(identity: Identity, label: string): TLCurrentUser {
  const { i18n } = useTranslation()
  return useMemo<TLCurrentUser>(() => {
    const prefs = atom<TLUserPreferences>('userPreferences', {
      id: identity.userId,
      name: label,
      color: identity.color,
      locale: i18n.language,
    })
    return { userPreferences: prefs, setUserPreferences: (next) => prefs.set(next) }
  }, [identity.userId, identity.color, label, i18n.language])
}

/** Publishes our presence (cursor, viewport, name) and mirrors everyone else's into the store. */
export function usePublishedPresence(
  synced: SyncedStore | null,
  identity: Identity,
  label: string,
  role: Role,
  presenter: boolean,
): void {
  useEffect(() => {
    if (!synced) return
    const $user = atom(
      'presenceUser',
      UserRecordType.create({ id: createUserId(identity.userId), name: label, color: identity.color }),
    )
    // Private notes stay private in presence too: their ids never appear in what others see selected.
    const presence = createPresenceStateDerivation($user, {
      getUserPresence(store, presenceUser) {
        const base = getDefaultUserPresence(store, presenceUser)
        if (!base) return null
        return {
          ...base,
          selectedShapeIds: base.selectedShapeIds.filter((id) => !isPrivateRecord(store.get(id))),
        }
      },
    })(synced.store)
    const awareness = synced.connection.provider.awareness
    awareness.setLocalStateField('user', {
      name: identity.name,
      organisation: identity.organisation,
      role,
      userId: createUserId(identity.userId),
      color: identity.color,
      location: presenter ? null : loadDeviceLocation(),
      presenter,
    })
    const binding = bindPresence({ store: synced.store, awareness, presence })
    return () => binding.dispose()
  }, [synced, identity, label, role, presenter])
}
