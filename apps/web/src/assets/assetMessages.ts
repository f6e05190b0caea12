/** The asset store's words (`assets.*`): Dutch first. `{{max}}` is the limit as people read it ("25 MB"). */
export const assetsNl = {
  refused: {
    TOO_LARGE: 'Foto te groot (max {{max}})',
    TYPE_UNSUPPORTED: '“{{name}}” kan niet op het bord: alleen foto’s (JPEG, PNG, WebP, GIF) en PDF-kaarten',
    BOARD_FULL: 'Dit bord heeft geen ruimte meer voor foto’s en kaarten',
    FAILED: '“{{name}}” kon niet worden geüpload',
  },
  pdfUnreadable: 'De PDF “{{name}}” kon niet worden gelezen',
}

export const assetsEn: typeof assetsNl = {
  refused: {
    TOO_LARGE: 'Photo too large (max {{max}})',
    TYPE_UNSUPPORTED: '“{{name}}” cannot go on the board: only photos (JPEG, PNG, WebP, GIF) and PDF maps',
    BOARD_FULL: 'This board has no room left for photos and maps',
    FAILED: '“{{name}}” could not be uploaded',
  },
  pdfUnreadable: 'The PDF “{{name}}” could not be read',
}
