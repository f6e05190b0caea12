import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Runs the real CLI in a real Node process, as `pnpm pvw` does.
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./fixtures/handreiking-voorbeeld.json', import.meta.url))
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'buffer' })

describe('pvw CLI', () => {
  it('writes Markdown to stdout', () => {
    const result = run(FIXTURE, '--format', 'md')
    expect(result.status).toBe(0)
    expect(result.stdout.toString('utf8')).toContain('## D. Shareholders en gedeeld eigenaarschap')
    expect(result.stderr.toString('utf8')).toMatch(/bevinding/)
  })

  it('[PV3] adds the kwaliteitstoets as an annex only with --kwaliteitstoets', () => {
    const annex = '## Bijlage: kwaliteitstoets'
    expect(run(FIXTURE, '--format', 'md').stdout.toString('utf8')).not.toContain(annex)
    const withAnnex = run(FIXTURE, '--format', 'md', '--kwaliteitstoets')
    expect(withAnnex.status).toBe(0)
    expect(withAnnex.stdout.toString('utf8')).toContain(annex)
  })

  it('writes DOCX to --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pvw-')), 'pvw.docx')
    const result = run(FIXTURE, '--format=docx', '--out', out)
    expect(result.status).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('[PA5] writes a PDF to --out, made without a browser', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pvw-')), 'pvw.pdf')
    const result = run(FIXTURE, '--format=pdf', '--out', out)
    expect(result.status).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('[PH21] --fase runs the kwaliteitstoets of that phase and names it on the cover', () => {
    const quickscan = run(FIXTURE, '--format', 'md', '--fase', 'quickscan', '--kwaliteitstoets')
    expect(quickscan.status).toBe(0)
    expect(quickscan.stdout.toString('utf8')).toContain('**Procesfase:** Quickscan')
    const json = JSON.parse(run(FIXTURE, '--format=json', '--fase=programma').stdout.toString('utf8'))
    expect([json.procesfase, json.fase]).toEqual(['programma', 'kansenanalyse'])
    // The example has no polaroid yet: a programme is asked for one per prioritaire value.
    expect(json.kwaliteitstoets.map((f: { code: string }) => f.code)).toContain('PVW-B-NO-EVIDENCE')
    const wrong = run(FIXTURE, '--format', 'md', '--fase', 'klaar')
    expect(wrong.status).toBe(2)
    expect(wrong.stderr.toString('utf8')).toContain('Kies --fase uit quickscan, kansenanalyse, programma')
  })

  it('exits 2 with a clear message on invalid input and bad usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pvw-'))
    writeFileSync(join(dir, 'bad.json'), '{"format":"iets anders"}')
    writeFileSync(join(dir, 'broken.json'), '{not json')
    const invalid = run(join(dir, 'bad.json'), '--format', 'md')
    expect(invalid.status).toBe(2)
    expect(invalid.stderr.toString('utf8')).toContain(
      'Dit is geen geldig Waardentafel-bord. (BOARD-SNAPSHOT-INVALID)',
    )
    expect(run(join(dir, 'broken.json'), '--format', 'md').status).toBe(2)
    expect(run(join(dir, 'missing.json'), '--format', 'md').status).toBe(2)
    expect(run(FIXTURE, '--format', 'odt').status).toBe(2)
    expect(run().status).toBe(2)
  })
})
