import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

type PackageJson = { name?: string; version?: string; exports?: { '.'?: { import?: string } } }

/**
 * The folder of `pkg` as installed for the web app (or, with `via`, for that package: TipTap is tldraw's
 * dependency, not ours), with its package.json: found above the resolved entry, because several packages do not
 * export `./package.json`.
 */
export function installedPackage(pkg: string, via?: string): { dir: string; json: PackageJson } {
  const from = via ? createRequire(import.meta.url).resolve(via) : import.meta.url
  let dir = dirname(createRequire(from).resolve(pkg))
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
      if (json.name === pkg) return { dir, json }
    } catch {
      // No package.json at this level: look further up.
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json of ${pkg} above its entry`)
    dir = parent
  }
}

/** The installed version of `pkg`, for a patch's version guard. */
export function installedVersion(pkg: string, via?: string): string | undefined {
  return installedPackage(pkg, via).json.version
}
