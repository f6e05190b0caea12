import { z } from 'zod'
import type { AssetConfig } from './assets/AssetConfig.ts'
import type { LimitsConfig } from './limits/LimitsConfig.ts'
import type { OrganiserConfig } from './org/auth/OrganiserConfig.ts'
import type { RoomLimits } from './room/RoomLimits.ts'

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()

/** Every setting the server reads from the environment, in one place. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  TOKEN_SECRET: z.string().min(32).optional(),
  TOKEN_TTL_DAYS: z.coerce.number().positive().default(60),
  ORGANISER_KEY: z.string().min(8).optional(),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  /** Organisers sign in (`src/org/auth`, docs/operations.md "Organisers: local account and OpenID Connect"). */
  LOCAL_ACCOUNTS: bool,
  LOCAL_ORGANISER_EMAIL: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\s@]{1,64}@[^\s@]{1,190}$/)
    .default('organisator@localhost'),
  LOCAL_ORGANISER_NAME: z.string().trim().min(1).max(200).default('Organisator'),
  LOCAL_ORGANISER_PASSWORD: z.string().min(12).max(1024).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  ORGANISER_SESSION_DAYS: z.coerce.number().positive().default(14),
  ORGANISER_SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  OPEN_BOARD_CREATION: bool,
  WEB_DIST: z.string().optional(),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().positive().default(200),
  MAX_BYTES_PER_SECOND: z.coerce
    .number()
    .positive()
    .default(16 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Pictures and PDF maps (`src/assets`, docs/operations.md "Pictures and maps"). */
  MAX_ASSET_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  ASSET_MAX_PIXELS: z.coerce.number().int().min(64).default(4096),
  ASSET_THUMB_PIXELS: z.coerce.number().int().min(16).default(512),
  ASSET_MAX_INPUT_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  BOARD_MAX_ASSET_MB: z.coerce.number().nonnegative().default(1024),
  ASSET_BODY_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  ASSET_CONCURRENCY: z.coerce.number().int().positive().default(2),
  ASSET_MAX_PENDING: z.coerce.number().int().positive().default(8),
  ASSET_ORPHAN_DAYS: z.coerce.number().positive().default(7),
  ASSET_SWEEP_INTERVAL_MS: z.coerce.number().int().nonnegative().default(3_600_000),
  /** HTTP rate limits and organiser quotas (`src/limits`, docs/operations.md); budgets are per minute. */
  RATE_LIMITS: bool,
  RATE_CREATE_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  RATE_IMPORT_PER_ADDRESS: z.coerce.number().int().positive().default(3),
  /** Board creations and imports per minute on one instance in all, when it has no ORGANISER_KEY (0: no bound). */
  RATE_CREATE_PER_INSTANCE: z.coerce.number().int().nonnegative().default(120),
  RATE_IMPORT_PER_INSTANCE: z.coerce.number().int().nonnegative().default(30),
  RATE_JOIN_PER_ADDRESS: z.coerce.number().int().positive().default(1200),
  RATE_JOIN_PER_LINK: z.coerce.number().int().positive().default(3000),
  /** Wrong join codes an address may try per minute (right ones count only against RATE_JOIN_*). */
  RATE_JOIN_CODE_MISSES_PER_ADDRESS: z.coerce.number().int().positive().default(10),
  RATE_READ_PER_ADDRESS: z.coerce.number().int().positive().default(6000),
  RATE_READ_PER_LINK: z.coerce.number().int().positive().default(6000),
  RATE_WRITE_PER_ADDRESS: z.coerce.number().int().positive().default(3000),
  RATE_WRITE_PER_LINK: z.coerce.number().int().positive().default(3000),
  RATE_STATIC_PER_ADDRESS: z.coerce.number().int().positive().default(6000),
  QUOTA_BOARDS: z.coerce.number().int().nonnegative().default(100),
  QUOTA_STORAGE_MB: z.coerce.number().nonnegative().default(500),
  MAX_IMPORT_RECORDS: z.coerce.number().int().positive().default(20_000),
  IMPORT_CONCURRENCY: z.coerce.number().int().positive().default(1),
  IMPORT_MAX_PENDING: z.coerce.number().int().positive().default(4),
  IMPORT_BODY_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  IMPORT_WORKER_HEAP_MB: z.coerce.number().int().min(32).default(512),
  UNLOAD_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().default(500),
  /** A loaded board nobody changed for this long keeps its document as encoded bytes only; 0 = never. */
  HIBERNATE_AFTER_MS: z.coerce.number().int().nonnegative().default(30_000),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('public'),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().min(1).max(100).default('waardentafel'),
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  RESYNC_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  /** Per update, per board and per connection's presence (`room/RoomLimits.ts`); 0 for the budget: none. */
  MAX_UPDATE_STRUCTS: z.coerce.number().int().positive().default(20_000),
  MAX_UPDATE_DELETE_RANGES: z.coerce.number().int().positive().default(100_000),
  BOARD_MAX_BYTES: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(32 * 1024 * 1024),
  AWARENESS_MAX_STATE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024),
  AWARENESS_UPDATES_PER_SECOND: z.coerce.number().positive().default(30),
  AWARENESS_BURST: z.coerce.number().int().positive().default(60),
  /** How long a room remembers the role that last held a presence client id ([P2]); 10 minutes. */
  AWARENESS_HOLDER_MEMORY_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(10 * 60_000),
  /**
   * Ballot keys of prioritising rounds (`POST …/rounds/participant`): at most this many per board in all, and per
   * link and address within an hour (a room behind one NAT address sharing one participant link).
   */
  MAX_ROUND_KEYS_PER_BOARD: z.coerce.number().int().positive().default(1000),
  MAX_ROUND_KEYS_PER_LINK_ADDRESS: z.coerce.number().int().positive().default(100),
  /** Admission control (`src/admission`): upgrades from an address whose connections broke the protocol wait. */
  ADMISSION_DELAY_MS: z.coerce.number().nonnegative().default(5),
  ADMISSION_MAX_DELAY_MS: z.coerce.number().nonnegative().default(50),
  ADMISSION_MAX_PENDING: z.coerce.number().int().positive().default(16),
  ADMISSION_HALF_LIFE_MS: z.coerce.number().positive().default(10_000),
  /** Behind a reverse proxy: the client's address is the last entry of `X-Forwarded-For`. */
  TRUST_PROXY: bool,
  /** Origins besides this server's own (and PUBLIC_URL) whose pages may send state-changing API requests. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((o) => new URL(o).origin))),
  /** Refusals of bad input are logged at most once per kind and client address in this window. */
  LOG_THROTTLE_MS: z.coerce.number().int().nonnegative().default(60_000),
  /** Days a deleted board can be restored before the purge job removes all its data (docs/operations.md). */
  DELETE_GRACE_DAYS: z.coerce.number().nonnegative().max(3650).default(30),
  /** How often the purge job looks for boards past their grace period (0: never, e.g. when another process does). */
  PURGE_INTERVAL_MS: z.coerce.number().int().nonnegative().default(3_600_000),
  /** Months after a board's last edit before its personal data is erased, for boards without a project (docs/privacy.md). */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  /** How often the retention job runs, in hours; 0 turns it off. */
  RETENTION_INTERVAL_HOURS: z.coerce
    .number()
    .nonnegative()
    .max(24 * 31)
    .default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  publicUrl: string | null
  tokenSecret: string | null
  tokenTtlSeconds: number
  organiserKey: string | null
  /** How organisers sign in, their sessions, and whether board creation is open to anyone. */
  organisers: OrganiserConfig
  /** Deleted boards: the grace period, and how often the purge job runs (`src/org/workspaces/BoardPurger.ts`). */
  workspaces: { deleteGraceDays: number; purgeIntervalMs: number | null }
  tldrawLicenseKey: string | null
  webDist: string | null
  maxMessageBytes: number
  maxMessagesPerSecond: number
  maxBytesPerSecond: number
  maxImportBytes: number
  /** Pictures and PDF maps stored by the server: upload limits, image sizes, orphan collection. */
  assets: AssetConfig
  /** HTTP rate limits, organiser quotas and import limits (`src/limits`). */
  limits: LimitsConfig
  unloadGraceMs: number
  compactAfterUpdates: number
  hibernateAfterMs: number | null
  /** PostgreSQL instead of the embedded SQLite file. */
  database: { url: string; schema: string } | null
  /** Redis fan-out between instances (multi-instance mode; needs `database`). */
  redis: { url: string; prefix: string } | null
  instanceId: string | null
  resyncIntervalMs: number
  /** What one update, one board and one connection's presence may hold (see `RoomLimits`). */
  roomLimits: RoomLimits
  /** Bounds on issuing ballot keys for prioritising rounds (per board; per link and address per `windowMs`). */
  roundKeys: { perBoard: number; perLinkAddress: number; windowMs: number }
  /** Per-address throttle of upgrades after protocol violations (`maxDelayMs` 0: off). */
  admission: { delayMs: number; maxDelayMs: number; maxPending: number; halfLifeMs: number }
  trustProxy: boolean
  /** Extra origins allowed to send state-changing API requests (serialised origins, e.g. `https://a.example`). */
  allowedOrigins: string[]
  logThrottleMs: number
  /** The retention job (src/org/privacy): default months for boards without a project; `retentionIntervalMs` null: off. */
  privacy: { retentionMonths: number; retentionIntervalMs: number | null }
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL']
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID'
}

/** Parses the environment once; the only place that reads `process.env`-like input. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${issues}`)
  }
  const e = parsed.data
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'invalid configuration: REDIS_URL needs DATABASE_URL (instances must share storage)',
    )
  }
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigError('invalid configuration: OIDC_ISSUER needs OIDC_CLIENT_ID')
  }
  // Tokens and the client secret cross this connection: plain http only to a provider on this machine.
  const issuer = e.OIDC_ISSUER ? new URL(e.OIDC_ISSUER) : null
  if (issuer?.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) {
    throw new ConfigError('invalid configuration: OIDC_ISSUER must be https (http only for localhost)')
  }
  // Open creation counts against the per-instance budgets; with an organiser key or sign-in only, strangers are refused.
  const openCreation = (e.OPEN_BOARD_CREATION ?? false) && !e.ORGANISER_KEY
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    tokenSecret: e.TOKEN_SECRET ?? null,
    tokenTtlSeconds: Math.round(e.TOKEN_TTL_DAYS * 86_400),
    organiserKey: e.ORGANISER_KEY ?? null,
    organisers: {
      local:
        e.LOCAL_ACCOUNTS === false
          ? null
          : {
              email: e.LOCAL_ORGANISER_EMAIL,
              name: e.LOCAL_ORGANISER_NAME,
              password: e.LOCAL_ORGANISER_PASSWORD ?? null,
            },
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID
          ? {
              issuer: e.OIDC_ISSUER,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET ?? null,
              scopes: e.OIDC_SCOPES,
            }
          : null,
      sessionIdleMs: Math.round(e.ORGANISER_SESSION_DAYS * 86_400_000),
      sessionMaxMs: Math.round(Math.max(e.ORGANISER_SESSION_MAX_DAYS, e.ORGANISER_SESSION_DAYS) * 86_400_000),
      signInFailures: {
        perAccount: e.SIGN_IN_FAILURES_PER_ACCOUNT,
        perAddress: e.SIGN_IN_FAILURES_PER_ADDRESS,
        windowMs: Math.round(e.SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000),
      },
      openBoardCreation: openCreation,
    },
    workspaces: {
      deleteGraceDays: e.DELETE_GRACE_DAYS,
      purgeIntervalMs: e.PURGE_INTERVAL_MS === 0 ? null : e.PURGE_INTERVAL_MS,
    },
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY?.trim() || null,
    webDist: e.WEB_DIST ?? null,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    maxBytesPerSecond: e.MAX_BYTES_PER_SECOND,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    assets: {
      maxBytes: e.MAX_ASSET_BYTES,
      maxPixels: e.ASSET_MAX_PIXELS,
      thumbPixels: e.ASSET_THUMB_PIXELS,
      maxInputPixels: e.ASSET_MAX_INPUT_PIXELS,
      maxBoardBytes: e.BOARD_MAX_ASSET_MB === 0 ? null : Math.round(e.BOARD_MAX_ASSET_MB * 1024 * 1024),
      bodyTimeoutMs: e.ASSET_BODY_TIMEOUT_MS,
      concurrency: e.ASSET_CONCURRENCY,
      maxPending: e.ASSET_MAX_PENDING,
      orphanGraceMs: Math.round(e.ASSET_ORPHAN_DAYS * 86_400_000),
      sweepIntervalMs: e.ASSET_SWEEP_INTERVAL_MS === 0 ? null : e.ASSET_SWEEP_INTERVAL_MS,
    },
    limits: {
      rateLimits: e.RATE_LIMITS ?? true,
      rates: {
        // An instance that needs sign-in or an organiser key refuses strangers' creations anyway (401), and an
        // instance budget there would let them lock the organisers out: it bounds only instances open to anyone.
        create: {
          perAddress: e.RATE_CREATE_PER_ADDRESS,
          perLink: null,
          perInstance: openCreation ? e.RATE_CREATE_PER_INSTANCE || null : null,
        },
        import: {
          perAddress: e.RATE_IMPORT_PER_ADDRESS,
          perLink: null,
          perInstance: openCreation ? e.RATE_IMPORT_PER_INSTANCE || null : null,
        },
        join: { perAddress: e.RATE_JOIN_PER_ADDRESS, perLink: e.RATE_JOIN_PER_LINK },
        read: { perAddress: e.RATE_READ_PER_ADDRESS, perLink: e.RATE_READ_PER_LINK },
        write: { perAddress: e.RATE_WRITE_PER_ADDRESS, perLink: e.RATE_WRITE_PER_LINK },
        static: { perAddress: e.RATE_STATIC_PER_ADDRESS, perLink: null },
      },
      joinCodeMissesPerAddress: e.RATE_JOIN_CODE_MISSES_PER_ADDRESS,
      quotaBoards: e.QUOTA_BOARDS === 0 ? null : e.QUOTA_BOARDS,
      quotaStorageBytes: e.QUOTA_STORAGE_MB === 0 ? null : Math.round(e.QUOTA_STORAGE_MB * 1024 * 1024),
      maxImportRecords: e.MAX_IMPORT_RECORDS,
      importConcurrency: e.IMPORT_CONCURRENCY,
      importMaxPending: e.IMPORT_MAX_PENDING,
      importBodyTimeoutMs: e.IMPORT_BODY_TIMEOUT_MS,
      importWorkerHeapMb: e.IMPORT_WORKER_HEAP_MB,
    },
    unloadGraceMs: e.UNLOAD_GRACE_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    hibernateAfterMs: e.HIBERNATE_AFTER_MS === 0 ? null : e.HIBERNATE_AFTER_MS,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA } : null,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    instanceId: e.INSTANCE_ID ?? null,
    resyncIntervalMs: e.RESYNC_INTERVAL_MS,
    roomLimits: {
      maxUpdateStructs: e.MAX_UPDATE_STRUCTS,
      maxUpdateDeleteRanges: e.MAX_UPDATE_DELETE_RANGES,
      maxBoardBytes: e.BOARD_MAX_BYTES === 0 ? null : e.BOARD_MAX_BYTES,
      presence: {
        maxStateBytes: e.AWARENESS_MAX_STATE_BYTES,
        updatesPerSecond: e.AWARENESS_UPDATES_PER_SECOND,
        burst: e.AWARENESS_BURST,
        holderMemoryMs: e.AWARENESS_HOLDER_MEMORY_MS,
      },
    },
    roundKeys: {
      perBoard: e.MAX_ROUND_KEYS_PER_BOARD,
      perLinkAddress: e.MAX_ROUND_KEYS_PER_LINK_ADDRESS,
      windowMs: 3_600_000,
    },
    admission: {
      delayMs: e.ADMISSION_DELAY_MS,
      maxDelayMs: e.ADMISSION_MAX_DELAY_MS,
      maxPending: e.ADMISSION_MAX_PENDING,
      halfLifeMs: e.ADMISSION_HALF_LIFE_MS,
    },
    trustProxy: e.TRUST_PROXY ?? false,
    allowedOrigins: e.ALLOWED_ORIGINS,
    logThrottleMs: e.LOG_THROTTLE_MS,
    privacy: {
      retentionMonths: e.RETENTION_MONTHS,
      retentionIntervalMs:
        e.RETENTION_INTERVAL_HOURS > 0 ? Math.round(e.RETENTION_INTERVAL_HOURS * 3_600_000) : null,
    },
    logLevel: e.LOG_LEVEL,
  }
}
