import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getClientConfig } from '../api/boards.ts'
import { JoinCodeForm } from '../join/JoinCodeForm.tsx'
import '../join/join.css'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { AnonymousCreate } from '../org/AnonymousCreate.tsx'
import { JoinWithLink } from '../org/JoinWithLink.tsx'
import { OrgContext } from '../org/OrgContext.ts'
import { OrgHome } from '../org/OrgHome.tsx'
import { SignInPanel } from '../org/SignInPanel.tsx'
import { useOrganiserSession } from '../org/useOrganiserSession.ts'
import '../org/org.css'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'

/**
 * The home page. Signed in, an organiser's workspaces, projects and boards; signed out, signing in — and for
 * everyone else the way in they need: a link or the room's code, no account. Where the operator allows boards
 * without signing in (a closed network), the board form of old stays on the signed-out page.
 */
export function HomePage() {
  const { t } = useTranslation()
  const { session, signIn, signOut, expired } = useOrganiserSession()
  const openCreation = useOpenCreation()

  return (
    <div className="wt-ui wt-home wt-home-wide">
      <header className="wt-home-header">
        <div>
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
        <div className="wt-org-account">
          {session.state === 'signedIn' && (
            <>
              <span data-testid="signed-in-as">
                {t('org.header.signedInAs', { name: session.organiser.name })}
              </span>
              <button type="button" className="wt-secondary" onClick={() => void signOut()}>
                {t('org.header.signOut')}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main className="wt-home-main">
        {session.state === 'loading' && <p>{t('org.loading')}</p>}
        {session.state === 'signedIn' && (
          <OrgContext.Provider value={{ expired }}>
            <OrgHome organiserId={session.organiser.id} />
          </OrgContext.Provider>
        )}
        {session.state === 'signedOut' && (
          <div className="wt-signed-out">
            <div className="wt-signed-out-column">
              <SignInPanel methods={session.methods} unreachable={session.unreachable} onSignIn={signIn} />
              {openCreation && <AnonymousCreate />}
            </div>
            <div className="wt-signed-out-column">
              <JoinWithLink />
              <JoinCodeForm />
            </div>
          </div>
        )}
        <LicenceNotice />
      </main>
    </div>
  )
}

/** Whether this server lets anyone create a board (config `OPEN_BOARD_CREATION`, a closed network). */
function useOpenCreation(): boolean {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    let live = true
    getClientConfig()
      .then((config) => live && setOpen(config.openBoardCreation === true))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return open
}
