import { useCallback, useEffect, useState } from 'react'
import { getMe, signInLocal, signOut } from './orgApi.ts'

export type Organiser = { id: string; name: string; email: string | null }
export type SignInMethods = { local: boolean; oidc: boolean }

export type OrganiserSession =
  | { state: 'loading' }
  | { state: 'signedOut'; methods: SignInMethods; unreachable?: boolean }
  | { state: 'signedIn'; organiser: Organiser; methods: SignInMethods }

const NO_METHODS: SignInMethods = { local: false, oidc: false }

/**
 * Who is signed in on this browser, asked of the server once (`authMe`: the session cookie is HttpOnly, so only the
 * server can tell). `signIn` throws the server's refusal for the form to show; `expired` is for a call that learnt
 * the session is gone (401 SIGN_IN_REQUIRED), so the page returns to signing in.
 */
export function useOrganiserSession() {
  const [session, setSession] = useState<OrganiserSession>({ state: 'loading' })

  useEffect(() => {
    let live = true
    getMe()
      .then((me) => {
        if (!live) return
        setSession(
          me.organiser
            ? { state: 'signedIn', organiser: me.organiser, methods: me.methods }
            : { state: 'signedOut', methods: me.methods },
        )
      })
      // A server without the sign-in layer (or none reachable): the page still offers links and codes.
      .catch(() => live && setSession({ state: 'signedOut', methods: NO_METHODS, unreachable: true }))
    return () => {
      live = false
    }
  }, [])

  const methods = session.state === 'loading' ? NO_METHODS : session.methods

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { organiser } = await signInLocal(email, password)
      setSession({ state: 'signedIn', organiser, methods })
    },
    [methods],
  )

  const leave = useCallback(async () => {
    // Signed out here whatever the server answers: the cookie may already be gone.
    await signOut().catch(() => undefined)
    setSession({ state: 'signedOut', methods })
  }, [methods])

  const expired = useCallback(() => setSession({ state: 'signedOut', methods }), [methods])

  return { session, signIn, signOut: leave, expired }
}
