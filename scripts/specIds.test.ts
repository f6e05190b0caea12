import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Tests cite the rules they show by id (`[W3]` in a title); each package that has such tests defines its ids in its
// SPEC.md as `- **[W3]** …`. Ids are per package: `[L1]` of the server and `[L1]` of the web app are different rules.
const root = join(import.meta.dirname, '..')
const PACKAGES = ['apps/server', 'apps/web', 'packages/domain', 'packages/protocol', 'packages/tldraw-yjs']
const TITLE = /\b(?:it|test|describe)(?:\.\w+)?\(\s*['"`]/
const ID = /\[([A-Z]{1,3}\d{1,2})\]/g
const DEFINITION = /^- \*\*\[([A-Z]{1,3}\d{1,2})\]\*\*/

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return testFiles(path)
    return /\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

function cited(pkg: string): Map<string, string[]> {
  const ids = new Map<string, string[]>()
  for (const file of testFiles(join(root, pkg))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!TITLE.test(line)) continue
      for (const [, id] of line.matchAll(ID)) {
        ids.set(id!, [...(ids.get(id!) ?? []), relative(root, file)])
      }
    }
  }
  return ids
}

function defined(pkg: string): string[] {
  let text: string
  try {
    text = readFileSync(join(root, pkg, 'SPEC.md'), 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line) => DEFINITION.exec(line)?.[1] ?? [])
}

describe('rule ids', () => {
  for (const pkg of PACKAGES) {
    it(`every id a test of ${pkg} cites is defined once in ${pkg}/SPEC.md`, () => {
      const definitions = defined(pkg)
      const undefinedIds = [...cited(pkg)]
        .filter(([id]) => !definitions.includes(id))
        .map(([id, files]) => `${id} (${files[0]})`)
      expect(undefinedIds).toEqual([])
      expect(definitions.filter((id, i) => definitions.indexOf(id) !== i)).toEqual([])
    })
  }

  it('finds the ids it is meant to check (a checker that sees nothing proves nothing)', () => {
    expect(cited('apps/server').get('W4')?.length).toBeGreaterThan(0)
    expect(defined('apps/web')).toContain('VL1')
  })
})
