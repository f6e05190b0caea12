// The sync server of another checkout (e.g. a worktree of the commit before a change) as a child process, serving
// `webDist`: for an A B run of both builds whole (server and web app), not the web app alone against today's server.
// Same settings as the browser harness' startApp (fresh SQLite file, no rate limits or quotas, open board creation).
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { SECRET } from '../test/browserHarness.ts'

export async function startTreeServer(
  root: string,
  webDist: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--no-warnings', join(resolve(root), 'apps/server/src/main.ts')], {
    cwd: resolve(root),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'wt-bench-tree-')),
      LOG_LEVEL: 'info',
      WEB_DIST: resolve(webDist),
      RATE_LIMITS: 'false',
      QUOTA_BOARDS: '0',
      OPEN_BOARD_CREATION: 'true',
      TOKEN_SECRET: SECRET,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((done, fail) => {
    const lines = createInterface({ input: child.stdout })
    child.once('exit', (code) => fail(new Error(`server of ${root} exited (${code}) before listening`)))
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: unknown }
        if (typeof entry.port === 'number') done(entry.port)
      } catch {
        // not a log entry
      }
    })
  })
  child.stdout.resume()
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}
