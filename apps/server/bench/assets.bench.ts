import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CreateBoardResponse, UploadAssetResponse } from '@waardentafel/protocol'
import { pino } from 'pino'
import sharp from 'sharp'
import { parseConfig } from '../src/config.ts'
import { createServer } from '../src/server.ts'
import { SqliteBoardStorage } from '../src/storage/SqliteBoardStorage.ts'
import { type Summary, summarize } from './lib/stats.ts'

// `node apps/server/bench/assets.bench.ts [--quick]`: a 20 MB phone photo on a board (issue #18). What another
// participant waits for — the uploader's POST (read, decoded, re-encoded, thumbnail, stored) and then their own GET of
// the stored picture, or of its thumbnail — against the same 20 MB file served as a static file by the same server in
// the same run (the baseline the issue names). One request at a time, over loopback: the network costs nothing here,
// so the figures are the server's own work; on a real network the upload's transfer adds the same time the static
// download would take.

const quick = process.argv.includes('--quick')
const RUNS = quick ? 3 : 9

async function photo(minBytes: number): Promise<Buffer> {
  for (let height = 2400; ; height += 200) {
    const width = Math.round(height * 1.33)
    const raw = Buffer.alloc(width * height * 3)
    let s = 99
    for (let i = 0; i < raw.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff
      raw[i] = s >> 16
    }
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 97 })
      .toBuffer()
    if (jpeg.length >= minBytes) return jpeg
  }
}

async function main(): Promise<void> {
  const jpeg = await photo(20 * 1024 * 1024)
  const meta = await sharp(jpeg).metadata()
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-bench-assets-'))
  const web = mkdtempSync(join(tmpdir(), 'wt-bench-web-'))
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>bench</title>')
  writeFileSync(join(web, 'foto.jpg'), jpeg)
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST: web,
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'false',
    QUOTA_BOARDS: '0',
    OPEN_BOARD_CREATION: 'true',
    BOARD_MAX_ASSET_MB: '0',
  })
  const storage = new SqliteBoardStorage(join(dataDir, 'waardentafel.sqlite'))
  const server = createServer(config, {
    storage,
    log: pino({ level: 'silent' }),
    tokenSecret: 'b'.repeat(40),
  })
  await server.listen()
  const url = server.url
  const created = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench' }),
  })
  const board = (await created.json()) as CreateBoardResponse
  const token = new URL(board.links.participant).searchParams.get('token') ?? ''

  const staticMs: number[] = []
  const uploadMs: number[] = []
  const visibleMs: number[] = []
  const thumbVisibleMs: number[] = []
  let stored: UploadAssetResponse | null = null
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now()
    const file = await fetch(`${url}/foto.jpg`)
    if ((await file.arrayBuffer()).byteLength !== jpeg.length) throw new Error('static file not served whole')
    staticMs.push(performance.now() - t)

    // A different photo each run (one byte in a comment-free place changes its hash), so nothing is deduplicated.
    const body = Buffer.from(jpeg)
    body[body.length - 3] = run
    t = performance.now()
    const res = await fetch(`${url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body,
    })
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
    stored = (await res.json()) as UploadAssetResponse
    const uploaded = performance.now()
    uploadMs.push(uploaded - t)
    await (await fetch(`${url}${stored.src}?size=thumb&token=${token}`)).arrayBuffer()
    thumbVisibleMs.push(performance.now() - t)
    const t2 = performance.now()
    await (await fetch(`${url}${stored.src}?token=${token}`)).arrayBuffer()
    visibleMs.push(uploaded - t + (performance.now() - t2))
  }
  const rows: Array<[string, Summary]> = [
    ['static file, 20 MB (baseline)', summarize(staticMs)],
    ['upload (read, decode, re-encode, thumbnail, store)', summarize(uploadMs)],
    ['visible for another: upload + thumbnail GET', summarize(thumbVisibleMs)],
    ['visible for another: upload + full picture GET', summarize(visibleMs)],
  ]
  const base = rows[0]?.[1].p50 ?? 1
  console.log(
    `photo: ${(jpeg.length / 1024 / 1024).toFixed(1)} MB, ${meta.width}×${meta.height}; stored ${stored?.w}×${stored?.h}, ${((stored?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs`,
  )
  console.log('| step | p50 ms | max ms | p50 / static p50 |')
  console.log('| --- | --- | --- | --- |')
  for (const [name, s] of rows) {
    console.log(`| ${name} | ${s.p50.toFixed(0)} | ${s.max.toFixed(0)} | ${(s.p50 / base).toFixed(1)}× |`)
  }
  await server.close()
  await storage.close()
}

await main()
