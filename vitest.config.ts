import { defineConfig } from 'vitest/config'

// One runner for the whole repo. Unit tests sit beside the code (*.test.ts); tests with real I/O are
// *.integration.test.ts; browser tests (*.browser.test.ts) drive Debian's Chromium and need the built web app.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/{src,test}/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [
            '**/*.integration.test.ts',
            '**/*.browser.test.ts',
            '**/*.fault.test.ts',
            '**/node_modules/**',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/{src,test}/**/*.integration.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['apps/*/test/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Restart Redis/PostgreSQL and kill server processes: run alone, after the other projects.
          name: 'fault',
          include: ['apps/*/test/fault/**/*.fault.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
