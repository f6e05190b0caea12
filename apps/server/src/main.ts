import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pino } from 'pino'
import { parseConfig } from './config.ts'
import { createServer } from './server.ts'
import { SqliteBoardStorage } from './storage/SqliteBoardStorage.ts'

/** The server process: config from the environment, SQLite in DATA_DIR, graceful shutdown on signals. */
const config = parseConfig(process.env)
const log = pino({ level: config.logLevel, base: { service: 'waardentafel' } })
const dataDir = resolve(config.dataDir)
mkdirSync(dataDir, { recursive: true })

// Without TOKEN_SECRET, a random secret is made once and kept beside the data, so links survive restarts.
function tokenSecret(): string {
  if (config.tokenSecret) return config.tokenSecret
  const file = join(dataDir, 'token-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
const server = createServer(config, {
  storage,
  log,
  tokenSecret: tokenSecret(),
  version: process.env.npm_package_version,
})
const address = await server.listen()
log.info({ port: address.port, dataDir }, `Waardentafel listening on http://localhost:${address.port}`)

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down: flushing boards')
  const force = setTimeout(() => process.exit(1), 10_000)
  force.unref()
  await server.close()
  await storage.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
