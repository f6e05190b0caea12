import type { IncomingMessage, ServerResponse } from 'node:http'

/** The organiser a request was made by, as their session says (issue #17). */
export type SignedInOrganiser = {
  readonly id: string
  readonly name: string
}

/**
 * How the HTTP pipeline learns who signed in: the organiser of a request's session cookie, with its CSRF token checked
 * on state-changing requests. The sign-in layer (`src/org/auth`) implements it; `handleRequest` only asks.
 */
export interface OrganiserAuth {
  /** The signed-in organiser of this request, or null. Throws CSRF_FAILED for a state-changing request without the session's CSRF token. */
  fromRequest(req: IncomingMessage, res: ServerResponse): Promise<SignedInOrganiser | null>
}

/** No one is ever signed in (the server before the sign-in layer is wired). */
export const NoOrganiserAuth: OrganiserAuth = {
  fromRequest: async () => null,
}
