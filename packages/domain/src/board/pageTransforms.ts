import type { Transform } from './geometry.ts'
import { composeTransforms, IDENTITY } from './geometry.ts'

type Node = { id: string; parentId: string; x: number; y: number; rotation: number; index: string }

export type Resolved = {
  transform: Transform
  pageId: string
  /** Shape ids from the page down to the parent. */
  ancestors: string[]
  /** Sibling indices from the page down to this shape: tldraw's paint order, compared element-wise. */
  zPath: string[]
}

/**
 * Resolves page transforms for shapes nested under other shapes (frames, groups, templates). Memoised, and
 * returns null for a broken chain (missing parent or a cycle) instead of throwing: such a shape has no
 * position we can trust.
 */
export function createPageTransformResolver(
  shapes: ReadonlyMap<string, Node>,
): (id: string) => Resolved | null {
  const cache = new Map<string, Resolved | null>()
  const visiting = new Set<string>()

  function resolve(id: string): Resolved | null {
    if (cache.has(id)) return cache.get(id) ?? null
    const shape = shapes.get(id)
    if (!shape || visiting.has(id)) return null
    visiting.add(id)
    const own: Transform = { x: shape.x, y: shape.y, rotation: shape.rotation }
    let result: Resolved | null = null
    if (shape.parentId.startsWith('page:')) {
      result = {
        transform: composeTransforms(IDENTITY, own),
        pageId: shape.parentId,
        ancestors: [],
        zPath: [shape.index],
      }
    } else {
      const parent = resolve(shape.parentId)
      if (parent) {
        result = {
          transform: composeTransforms(parent.transform, own),
          pageId: parent.pageId,
          ancestors: [...parent.ancestors, shape.parentId],
          zPath: [...parent.zPath, shape.index],
        }
      }
    }
    visiting.delete(id)
    cache.set(id, result)
    return result
  }

  return resolve
}

/** Paint order: -1 if a is painted below b. A child is painted above its parent. */
export function compareZPath(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x !== y) return x < y ? -1 : 1
  }
  return a.length - b.length
}
