// The binding's share of a cold open: a fresh store bound to a doc that holds a board of N notes (the
// server's first sync, already applied by Yjs). Prints the median time over several rounds.
//   node packages/tldraw-yjs/bench/firstSync.bench.ts [N]
import { toRichText } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { bindTldrawStoreToYDoc } from '../src/bindTldrawStoreToYDoc.ts'
import { ensureBoardInitialised } from '../src/ensureBoardInitialised.ts'
import { createTestStore } from '../src/testing/createTestStore.ts'
import { makeNote } from '../src/testing/testRecords.ts'

// This package has no host typings (see src/globals.d.ts); the few Node globals used here.
const host = globalThis as unknown as {
  process: { argv: string[] }
  performance: { now(): number }
  console: { log(...args: unknown[]): void }
  requestAnimationFrame: (f: () => void) => unknown
}
host.requestAnimationFrame = (f) => setTimeout(f, 16) // tldraw's store runs its listeners on the next frame
const N = Number(host.process.argv[2] ?? 5000)
const source = new Y.Doc()
const writer = createTestStore()
const writerBinding = bindTldrawStoreToYDoc({ store: writer, doc: source, throttleMs: 0 })
ensureBoardInitialised(source, writer)
writer.put(
  Array.from({ length: N }, (_, i) =>
    makeNote(`n${i}`, {
      x: (i % 100) * 240,
      y: Math.floor(i / 100) * 240,
      props: { richText: toRichText(`Notitie ${i}`) } as never,
    }),
  ),
)
await new Promise<void>((r) => setTimeout(r, 100))
writerBinding.flush()
const update = Y.encodeStateAsUpdate(source)

const times: number[] = []
for (let round = 0; round < 15; round++) {
  const doc = new Y.Doc()
  const store = createTestStore()
  Y.applyUpdate(doc, update, 'server')
  const started = host.performance.now()
  const binding = bindTldrawStoreToYDoc({ store, doc, throttleMs: 0 })
  times.push(host.performance.now() - started)
  if (store.allRecords().filter((r) => r.typeName === 'shape').length !== N)
    throw new Error(
      `records missing: ${store.allRecords().length} ${binding.getInvalidRecords()[0]?.error.message}`,
    )
  binding.dispose()
}
times.sort((a, b) => a - b)
host.console.log(
  `${N} notes, binding reads, validates and puts the first sync: median ${times[7]?.toFixed(1)} ms (min ${times[0]?.toFixed(1)})`,
)
