import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Editor, ShapeUtil } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { PATCHED_FOR } from './ProgressiveCanvas.tsx'
import { installedPackage, installedVersion } from './testing/installedVersion.ts'

// ProgressiveCanvas replaces, on one editor, the methods tldraw's canvas reads to know which shapes to mount and
// which to cull, and each shape util's SVG defs. That only works while tldraw's canvas and culling still go through
// those methods, and while they are plain methods of the prototypes that an own property can shadow: these tests
// pin both, so an upgrade that renders or culls some other way fails here instead of silently mounting every shape.
// (What the canvas then shows is covered by the browser tests: coldOpen, [C1] culled cards.)

const editorSource = (file: string) => {
  const { dir } = installedPackage('@tldraw/editor', 'tldraw')
  return readFileSync(join(dir, 'dist-esm/lib', file), 'utf8')
}

describe('ProgressiveCanvas (patch of tldraw internals)', () => {
  it(`was written for the installed tldraw (${PATCHED_FOR.tldraw}) and its editor; re-check it on an upgrade`, () => {
    expect(installedVersion('tldraw')).toBe(PATCHED_FOR.tldraw)
    expect(installedVersion('@tldraw/editor', 'tldraw')).toBe(PATCHED_FOR.tldraw)
  })

  it.each([
    [Editor.prototype, 'getNotVisibleShapes'],
    [Editor.prototype, 'getRenderingShapes'],
    [ShapeUtil.prototype, 'getCanvasSvgDefs'],
  ] as const)('%o.%s is a writable prototype method an own property can shadow', (prototype, name) => {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)
    expect(typeof descriptor?.value).toBe('function')
    expect(descriptor?.writable).toBe(true)
  })

  it("tldraw's culling asks getNotVisibleShapes", () => {
    // getCulledShapes is wrapped by tldraw's @computed at runtime, so its source is read from the package.
    const culled = /getCulledShapes\(\) \{\n\s*const (\w+) = this\.getNotVisibleShapes\(\);/
    expect(editorSource('editor/Editor.mjs')).toMatch(culled)
  })

  it("tldraw's canvas mounts the shapes of getRenderingShapes and the utils' getCanvasSvgDefs", () => {
    const canvas = editorSource('components/default-components/DefaultCanvas.mjs')
    expect(canvas).toContain('editor.getRenderingShapes()')
    expect(canvas).toContain('util.getCanvasSvgDefs()')
  })
})
