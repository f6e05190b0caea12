import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { connect } from 'node:net'

/** Resolves when something accepts TCP connections on the port, polling every 50 ms, within `timeout`. */
export function whenPortOpen(port: number, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve()
      })
      socket.once('error', () => {
        socket.destroy()
        if (Date.now() > deadline) reject(new Error(`port ${port} not open within ${timeout} ms`))
        else setTimeout(attempt, 50)
      })
    }
    attempt()
  })
}

/** Stops the machine's Redis (keeping nothing, as it runs without persistence). */
export function stopRedis(): void {
  execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave'], { stdio: 'ignore' })
}

/** Starts Redis exactly as the machine and .ci/run do. */
export async function startRedis(): Promise<void> {
  execFileSync('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    '/var/lib/redis',
    '--logfile',
    '/var/log/redis/ci.log',
  ])
  await whenPortOpen(6379)
}

/** Restarts the machine's PostgreSQL cluster (every connection is cut). */
export async function restartPostgres(): Promise<void> {
  const version = readdirSync('/etc/postgresql')[0]
  if (!version) throw new Error('no PostgreSQL cluster found')
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    stdio: 'ignore',
  })
  await whenPortOpen(5432)
}
