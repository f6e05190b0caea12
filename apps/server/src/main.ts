import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pino } from 'pino'
import { parseConfig } from './config.ts'
import { RedisFanout } from './fanout/RedisFanout.ts'
import { ensureLocalOrganiser } from './org/auth/localOrganiser.ts'
import { createServer } from './server.ts'
import type { BoardStorage } from './storage/BoardStorage.ts'
import { PostgresBoardStorage } from './storage/PostgresBoardStorage.ts'
import { SqliteBoardStorage } from './storage/SqliteBoardStorage.ts'

/** The server process: config from the environment, storage and fan-out as configured, graceful shutdown. */
const config = parseConfig(process.env)
const log = pino({ level: config.logLevel, base: { service: 'waardentafel', instance: config.instanceId } })
// Not a strategy: every request, upgrade, socket and frame handler has its own error boundary, so getting here is a
// bug. Its last line says what it was (unhandled rejections arrive here too: Node's default turns them into this).
process.on('uncaughtException', (err, origin) => {
  log.fatal({ err, origin }, 'uncaught exception; exiting')
  process.exit(1)
})
const dataDir = resolve(config.dataDir)
mkdirSync(dataDir, { recursive: true })

// Without TOKEN_SECRET, a random secret is made once and kept beside the data, so links survive restarts.
// Several instances must share one secret: set TOKEN_SECRET for the multi-instance mode.
function tokenSecret(): string {
  if (config.tokenSecret) return config.tokenSecret
  const file = join(dataDir, 'token-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

// Embedded SQLite by default; PostgreSQL (and Redis between instances) when configured.
const storage: BoardStorage = config.database
  ? new PostgresBoardStorage({
      connectionString: config.database.url,
      schema: config.database.schema,
      onError: (err) => log.warn({ err }, 'postgres connection error'),
    })
  : new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
const fanout = config.redis
  ? new RedisFanout({
      url: config.redis.url,
      prefix: config.redis.prefix,
      ...(config.instanceId ? { instanceId: config.instanceId } : {}),
      onError: (err) => log.warn({ err }, 'redis error'),
    })
  : undefined

// The embedded default: a local organiser account on a first start, its password logged once (src/org/auth).
const localOrganiser = await ensureLocalOrganiser(storage.organisers, config.organisers.local, log)

const server = createServer(config, {
  storage,
  ...(fanout ? { fanout } : {}),
  log,
  tokenSecret: tokenSecret(),
  version: process.env.npm_package_version,
})
const address = await server.listen()
log.info(
  {
    port: address.port,
    dataDir,
    storage: config.database ? 'postgres' : 'sqlite',
    fanout: fanout ? 'redis' : 'none',
  },
  `Waardentafel listening on http://localhost:${address.port}`,
)
// For whoever started it by hand: the address to open, in words, on stderr (stdout stays one JSON entry a line),
// after the log line above has been written, so that it is the last line of the start-up.
const openUrl = config.publicUrl ?? `http://localhost:${address.port}`
log.flush(() => {
  process.stderr.write(
    `\n› Waardentafel draait: open ${openUrl} (running: open this address in a browser)\n\n`,
  )
  // The generated password, once, where a person starting it by hand reads (it is in the JSON log line too).
  if (localOrganiser.kind === 'created' && localOrganiser.generatedPassword) {
    process.stderr.write(
      `› Log in als organisator met ${config.organisers.local?.email} en wachtwoord ${localOrganiser.generatedPassword}` +
        ' — bewaar het, het wordt niet opnieuw getoond (sign in as organiser with this email and password; keep it,' +
        ' it is not shown again)\n\n',
    )
  }
})

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down: flushing boards')
  const force = setTimeout(() => process.exit(1), 10_000)
  force.unref()
  await server.close()
  await fanout?.close()
  await storage.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
