import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AssetBytes, AssetMeta, AssetStore, AssetVariant } from '../ports/AssetStore.ts'

/** Board ids and asset ids become path segments: only these shapes ever reach the file system. */
const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/
const ASSET_ID = /^[0-9a-f]{32}$/

/**
 * Assets as files under one folder (`DATA_DIR/assets` for the embedded default): per board a folder, per asset its
 * original (`<id>.orig`), thumbnail (`<id>.thumb`) and meta (`<id>.json`). Each file is written to a temporary name
 * and renamed, the meta last, so an asset is there (its meta readable) only once its bytes are complete; a crash
 * mid-way leaves at most a temporary file, never half an asset. One process only (the multi-instance mode keeps
 * assets in PostgreSQL).
 */
export class FileAssetStore implements AssetStore {
  readonly #root: string

  constructor(root: string) {
    this.#root = root
  }

  async put(meta: AssetMeta, bytes: AssetBytes): Promise<void> {
    const dir = this.#boardDir(meta.boardId)
    if (!dir || !ASSET_ID.test(meta.id))
      throw new Error(`invalid board or asset id: ${meta.boardId}/${meta.id}`)
    if (await this.getMeta(meta.boardId, meta.id)) return
    await mkdir(dir, { recursive: true })
    await writeAtomic(join(dir, `${meta.id}.orig`), bytes.original)
    if (bytes.thumb) await writeAtomic(join(dir, `${meta.id}.thumb`), bytes.thumb)
    await writeAtomic(join(dir, `${meta.id}.json`), JSON.stringify(meta))
  }

  async getMeta(boardId: string, assetId: string): Promise<AssetMeta | null> {
    const file = this.#file(boardId, assetId, 'json')
    if (!file) return null
    const text = await readOrNull(file)
    return text ? (JSON.parse(text.toString('utf8')) as AssetMeta) : null
  }

  async read(boardId: string, assetId: string, variant: AssetVariant): Promise<Uint8Array | null> {
    if (!(await this.getMeta(boardId, assetId))) return null
    const file = this.#file(boardId, assetId, variant === 'thumb' ? 'thumb' : 'orig')
    const bytes = file ? await readOrNull(file) : null
    return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null
  }

  async list(boardId: string): Promise<AssetMeta[]> {
    const dir = this.#boardDir(boardId)
    if (!dir) return []
    const names = await readdir(dir).catch(() => [] as string[])
    const metas: AssetMeta[] = []
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      const meta = await this.getMeta(boardId, name.slice(0, -5))
      if (meta) metas.push(meta)
    }
    return metas.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  }

  async boardBytes(boardId: string): Promise<number> {
    return (await this.list(boardId)).reduce((n, m) => n + m.bytes + m.thumbBytes, 0)
  }

  async boardsWithAssets(): Promise<string[]> {
    const boards = await readdir(this.#root).catch(() => [] as string[])
    const withAssets: string[] = []
    for (const board of boards) {
      if (BOARD_ID.test(board) && (await this.list(board)).length > 0) withAssets.push(board)
    }
    return withAssets.sort()
  }

  async markUnreferenced(boardId: string, assetIds: readonly string[], since: number | null): Promise<void> {
    for (const id of assetIds) {
      const meta = await this.getMeta(boardId, id)
      const file = this.#file(boardId, id, 'json')
      if (meta && file) await writeAtomic(file, JSON.stringify({ ...meta, unreferencedSince: since }))
    }
  }

  async delete(boardId: string, assetIds: readonly string[]): Promise<number> {
    let deleted = 0
    for (const id of assetIds) {
      const meta = this.#file(boardId, id, 'json')
      if (!meta || !(await this.getMeta(boardId, id))) continue
      // The meta first: from then on the asset is gone, whatever happens to the rest.
      await rm(meta, { force: true })
      for (const ext of ['orig', 'thumb'] as const)
        await rm(this.#file(boardId, id, ext) ?? '', { force: true })
      deleted++
    }
    return deleted
  }

  async deleteBoardAssets(boardId: string): Promise<number> {
    const dir = this.#boardDir(boardId)
    if (!dir) return 0
    const count = (await this.list(boardId)).length
    await rm(dir, { recursive: true, force: true })
    return count
  }

  async close(): Promise<void> {}

  #boardDir(boardId: string): string | null {
    return BOARD_ID.test(boardId) ? join(this.#root, boardId) : null
  }

  #file(boardId: string, assetId: string, ext: 'json' | 'orig' | 'thumb'): string | null {
    const dir = this.#boardDir(boardId)
    return dir && ASSET_ID.test(assetId) ? join(dir, `${assetId}.${ext}`) : null
  }
}

async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, data, { flush: true })
  await rename(temp, file)
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
