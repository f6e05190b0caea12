import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'

export type RawAnswer = {
  /** 0 when the server closed the connection without answering. */
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends `request` byte for byte over a fresh TCP connection (nothing is normalised, as `fetch` and `http.request`
 * would) and reads until the server closes; resolves with the parsed status line, headers and body. A 101 answer
 * (a WebSocket handshake) is returned as soon as its head is in, and the socket is ended.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms to ${String(request).slice(0, 80)}`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      resolve(parseAnswer(Buffer.concat(chunks)))
    }
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      const text = Buffer.concat(chunks).toString('latin1')
      if (text.startsWith('HTTP/1.1 101') && text.includes('\r\n\r\n')) {
        socket.destroy()
        finish()
      }
    })
    socket.on('error', () => {})
    socket.on('close', finish)
    socket.write(request)
  })
}

function parseAnswer(bytes: Buffer): RawAnswer {
  const text = bytes.toString('utf8')
  const headEnd = text.indexOf('\r\n\r\n')
  const head = headEnd < 0 ? text : text.slice(0, headEnd)
  const [statusLine = '', ...lines] = head.split('\r\n')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0)
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status, headers, body: headEnd < 0 ? '' : text.slice(headEnd + 4) }
}

/** A GET (or other body-less) request with `Connection: close`; `target` and headers are sent as given. */
export function httpRequestText(
  method: string,
  target: string,
  headers: Record<string, string> = { host: 'localhost' },
  body = '',
): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)]
  if (body !== '' || method === 'POST' || method === 'PUT')
    lines.push(`content-length: ${Buffer.byteLength(body)}`)
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'connection')) lines.push('connection: close')
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

/** A WebSocket upgrade request for `target`, as a browser would send it. */
export function upgradeRequestText(
  target: string,
  headers: Record<string, string> = { host: 'localhost' },
): string {
  return httpRequestText('GET', target, {
    ...headers,
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
    connection: 'Upgrade',
  })
}

/** The `error.code` of a JSON error body, or null. */
export function errorCode(answer: RawAnswer): string | null {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null
  } catch {
    return null
  }
}
