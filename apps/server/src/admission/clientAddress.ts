import type { IncomingMessage } from 'node:http'
import { isIPv6 } from 'node:net'

/**
 * The address admission control keys on: the peer's address, or — behind a reverse proxy (`trustProxy`) — the
 * last entry of `X-Forwarded-For`, the one the proxy itself appended. IPv6 addresses are taken per /64 (what one
 * subscriber is usually given), IPv4-mapped IPv6 as IPv4.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  let address = req.socket.remoteAddress ?? ''
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const forwarded = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim()
    if (forwarded) address = forwarded
  }
  return addressKey(address)
}

export function addressKey(address: string): string {
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7)
  if (!isIPv6(address)) return address
  const [head = '', tail = ''] = address.split('::')
  const front = head ? head.split(':') : []
  const back = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back]
    : front
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`
}
