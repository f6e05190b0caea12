import { describe, expect, it } from 'vitest'
import { exportFileName, isoDay } from './exportFileName.ts'

const day = new Date(2026, 11, 7, 18, 30)

describe('exportFileName', () => {
  it('names an export after the board and the day', () => {
    expect(exportFileName('Gebiedsvisie Noord', day)).toBe('Gebiedsvisie Noord 2026-12-07')
  })

  it('adds the part of the board (a frame) when one is exported', () => {
    expect(exportFileName('Gebiedsvisie Noord', day, 'Schillendiagram')).toBe(
      'Gebiedsvisie Noord - Schillendiagram 2026-12-07',
    )
  })

  it('replaces characters a file system refuses and folds white space', () => {
    expect(exportFileName(' Wijk 3/4: "Oost"?\n', day)).toBe('Wijk 3-4- -Oost- 2026-12-07')
  })

  it('falls back to the app name for a title of nothing usable', () => {
    expect(exportFileName('   ', day)).toBe('Waardentafel 2026-12-07')
  })

  it('names a board called "Zonder titel" after the app, as the server does', () => {
    expect(exportFileName('Zonder titel', day, 'Schillendiagram')).toBe(
      'Waardentafel - Schillendiagram 2026-12-07',
    )
  })

  it('pads month and day', () => {
    expect(isoDay(new Date(2027, 0, 5))).toBe('2027-01-05')
  })
})
