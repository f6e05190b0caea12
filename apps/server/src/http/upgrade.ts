import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import type { AdmissionControl } from '../admission/Admission.ts'
import { clientAddress } from '../admission/clientAddress.ts'
import { refuseUpgrade } from './handleError.ts'
import type { RefusalLog } from './RefusalLog.ts'
import { checkedHost } from './requestGuards.ts'
import { parseRequestTarget } from './requestTarget.ts'
import type { SyncTarget } from './syncEndpoint.ts'

export type UpgradeDeps = {
  wss: WebSocketServer
  admission: AdmissionControl
  refusals: RefusalLog
  trustProxy: boolean
  /** Runs once the handshake is done: the socket is the sync endpoint's from here on. */
  connect(ws: WebSocket, req: IncomingMessage, target: SyncTarget): void
}

/**
 * The error boundary of every upgrade: a request that is not a well-formed `/sync/:boardId[?token=…]` is answered
 * over plain HTTP (400 with the JSON error body, or 404) and never reaches the WebSocket server; upgrades from an
 * address whose connections keep breaking the protocol are spaced out or refused with 429 (AdmissionControl).
 */
export function createUpgradeHandler(
  deps: UpgradeDeps,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const { wss, admission, refusals } = deps
  const address = (req: IncomingMessage) => clientAddress(req, deps.trustProxy)
  const refuse = (req: IncomingMessage, socket: Duplex, error: unknown) => {
    refusals.report(error, address(req), 'upgrade')
    refuseUpgrade(socket, error)
  }

  const upgradeRequest = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    checkedHost(req)
    const parsed = parseRequestTarget(req.url)
    if (parsed.segments.length < 2 || parsed.segments[0] !== 'sync') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const target: SyncTarget = {
      boardId: parsed.segments.slice(1).join('/'),
      token: parsed.query.get('token'),
    }
    const upgrade = () =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        wss.emit('connection', ws, req)
        deps.connect(ws, req, target)
      })
    const decision = admission.admit(address(req))
    if (!decision.admit) {
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${decision.retryAfterSeconds}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      )
      return
    }
    if (decision.waitMs === 0) {
      decision.done()
      return upgrade()
    }
    const timer = setTimeout(() => {
      decision.done()
      try {
        if (!socket.destroyed) upgrade()
      } catch (error) {
        refuse(req, socket, error)
      }
    }, decision.waitMs)
    socket.once('close', () => {
      clearTimeout(timer)
      decision.done()
    })
  }

  return (req, socket, head) => {
    socket.on('error', (err) => refusals.note('debug', 'UPGRADE_SOCKET_ERROR', address(req), err.message))
    try {
      upgradeRequest(req, socket, head)
    } catch (error) {
      refuse(req, socket, error)
    }
  }
}
