import {
  type HttpErrorCode,
  type RouteName,
  type RouteParams,
  type RouteRequest,
  type RouteResponse,
  Routes,
  routePath,
} from '@waardentafel/protocol'

/**
 * Why a call failed: the server's documented code (`{ error: { code, message } }`, packages/protocol
 * httpErrors.ts), `HTTP_<status>` for a refusal without one (a proxy's 502, say), `NETWORK` when the server could
 * not be reached, `BAD_RESPONSE` when a 2xx answer is not what the route table says it is.
 */
export type ApiErrorCode = HttpErrorCode | 'NETWORK' | 'BAD_RESPONSE' | `HTTP_${number}`

/** A failed API call, with one code for the UI to translate (`errors.<code>`). */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  /** The HTTP status, or null when no answer came. */
  readonly status: number | null
  constructor(code: ApiErrorCode, message: string, status: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
  }
}

/** What a call sends besides its path parameters and body. */
export type CallOptions = {
  /** A role link's token or the organiser key, sent as `Authorization: Bearer …`. */
  readonly bearer?: string | undefined
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | undefined>>
  readonly headers?: Readonly<Record<string, string>>
}

export type ApiClient = {
  /** Calls a JSON route of the route table and returns its answer as the table's response schema parses it. */
  call<N extends RouteName>(
    name: N,
    params: RouteParams<N>,
    body?: RouteRequest<N>,
    options?: CallOptions,
  ): Promise<RouteResponse<N>>
  /** Calls a route that produces a file (the Programma van Waarden as docx, md, html) and returns its bytes. */
  file<N extends RouteName>(name: N, params: RouteParams<N>, options?: CallOptions): Promise<Blob>
  /** The signed-in organiser's CSRF token (from authMe/authLocal), sent as `X-CSRF-Token` on every call that is
   * not a GET; null after signing out. */
  setCsrfToken(token: string | null): void
}

/**
 * The web app's one HTTP client, built on the route table in packages/protocol: the method and path come from
 * the table (path parameters percent-encoded), answers are checked against the route's schema, and every failure
 * becomes one `ApiError`. `origin` is empty in the browser (same origin); tests pass a server's address.
 */
export function createApiClient(origin = '', fetchFn: typeof fetch = (...args) => fetch(...args)): ApiClient {
  let csrfToken: string | null = null
  async function send(
    name: RouteName,
    params: object,
    body: unknown,
    options: CallOptions,
  ): Promise<Response> {
    const route = Routes[name]
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(options.query ?? {}))
      if (value !== undefined) query.set(key, value)
    const search = query.size > 0 ? `?${query}` : ''
    const path = routePath(name, params as RouteParams<typeof name>)
    // The server refuses a state-changing request without a JSON content type (UNSUPPORTED_MEDIA_TYPE), so a
    // POST or PUT always carries a JSON body, `{}` when the route reads none.
    const writes = route.method !== 'GET'
    const headers: Record<string, string> = {
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...(writes ? { 'content-type': 'application/json' } : {}),
      ...(writes && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...options.headers,
    }
    let res: Response
    try {
      res = await fetchFn(`${origin}${path}${search}`, {
        method: route.method,
        headers,
        ...(writes ? { body: JSON.stringify(body ?? {}) } : {}),
      })
    } catch {
      throw new ApiError('NETWORK', 'server not reachable')
    }
    if (!res.ok) throw await refusal(res)
    return res
  }

  return {
    async call(name, params, body, options = {}) {
      const res = await send(name, params, body, options)
      const json: unknown = await res.json().catch(() => undefined)
      const parsed = Routes[name].response.safeParse(json)
      if (!parsed.success) throw new ApiError('BAD_RESPONSE', `unexpected answer from ${name}`, res.status)
      return parsed.data as RouteResponse<typeof name>
    },
    async file(name, params, options = {}) {
      const res = await send(name, params, undefined, options)
      return res.blob()
    },
    setCsrfToken(token) {
      csrfToken = token
    },
  }
}

/** The error of a non-2xx answer: the server's code when its body has one, else the status. */
async function refusal(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null)
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown
    message?: unknown
  }
  return new ApiError(
    // Taken as one of the documented codes; the UI falls back to its generic text for any it does not know.
    typeof code === 'string' && code !== '' ? (code as HttpErrorCode) : `HTTP_${res.status}`,
    typeof message === 'string' ? message : res.statusText,
    res.status,
  )
}

/** The client the app uses: same origin. */
export const api = createApiClient()
