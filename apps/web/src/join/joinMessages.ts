/** Text of joining from the room: the join screen, the short code, labelled role links, the observer's choice. */
export const joinNl = {
  linkFor: {
    facilitator: 'Link voor procesbegeleiders',
    participant: 'Link voor deelnemers',
    observer: 'Link voor toeschouwers (alleen lezen)',
  },
  copy: 'Kopieer',
  copied: 'Gekopieerd',
  screen: {
    open: 'Deelnamescherm tonen (QR-code en code)',
    title: 'Doe mee met “{{title}}”',
    scan: 'Scan de QR-code met je telefoon',
    or: 'of ga naar',
    typeCode: 'en typ de code',
    codeLabel: 'Code',
    qrAlt: 'QR-code met de link voor deelnemers',
    expires: 'De code werkt tot en met {{date}}.',
    loading: 'Code ophalen…',
    close: 'Sluiten',
  },
  code: {
    title: 'Meedoen met een code',
    label: 'Code invoeren',
    hint: 'Zes tekens, zoals op het scherm in de zaal.',
    submit: 'Naar het bord',
    busy: 'Bord zoeken…',
    opening: 'Bord openen…',
    JOIN_CODE_UNKNOWN: 'Deze code kennen we niet (meer). Controleer de code op het scherm.',
    invalid: 'Een code heeft zes letters en cijfers.',
  },
  observer: {
    intro:
      'Je kijkt mee als toeschouwer. Geef je naam, dan zien anderen wie er meekijkt, of kijk mee zonder naam.',
    anonymous: 'Meekijken als toeschouwer, zonder naam',
  },
}

export type JoinMessages = typeof joinNl

export const joinEn: JoinMessages = {
  linkFor: {
    facilitator: 'Link for facilitators',
    participant: 'Link for participants',
    observer: 'Link for observers (read only)',
  },
  copy: 'Copy',
  copied: 'Copied',
  screen: {
    open: 'Show join screen (QR code and code)',
    title: 'Join “{{title}}”',
    scan: 'Scan the QR code with your phone',
    or: 'or go to',
    typeCode: 'and type the code',
    codeLabel: 'Code',
    qrAlt: 'QR code with the participant link',
    expires: 'The code works until {{date}}.',
    loading: 'Getting the code…',
    close: 'Close',
  },
  code: {
    title: 'Join with a code',
    label: 'Enter code',
    hint: 'Six characters, as on the screen in the room.',
    submit: 'Go to the board',
    busy: 'Looking for the board…',
    opening: 'Opening the board…',
    JOIN_CODE_UNKNOWN: 'We do not know this code (any more). Check the code on the screen.',
    invalid: 'A code has six letters and digits.',
  },
  observer: {
    intro:
      'You are joining as an observer. Give your name so others see who is watching, or watch without a name.',
    anonymous: 'Watch as an observer, without a name',
  },
}
