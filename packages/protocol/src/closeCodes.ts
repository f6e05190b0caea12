/**
 * WebSocket close codes of the sync endpoint — one table shared by server and web app.
 * `final` codes mean reconnecting cannot help (the stock y-websocket client stops on 4400–4499);
 * the others are transient and the client retries with back-off.
 */
export const CloseCodes = {
  BAD_MESSAGE: {
    code: 4400,
    final: true,
    nl: 'Je apparaat stuurde een bericht dat het bord niet begrijpt. Herlaad de pagina.',
    en: 'Your device sent a message the board does not understand. Reload the page.',
  },
  UNAUTHORIZED: {
    code: 4401,
    final: true,
    nl: 'Deze link is ongeldig. Vraag de procesbegeleider om een nieuwe link.',
    en: 'This link is not valid. Ask the facilitator for a new link.',
  },
  FORBIDDEN: {
    code: 4403,
    final: true,
    nl: 'Je hebt met deze link geen toegang (meer) tot dit bord.',
    en: 'This link gives no (longer any) access to this board.',
  },
  BOARD_NOT_FOUND: {
    code: 4404,
    final: true,
    nl: 'Dit bord bestaat niet (meer).',
    en: 'This board does not exist (any more).',
  },
  TOKEN_EXPIRED: {
    code: 4410,
    final: true,
    nl: 'Deze link is verlopen. Vraag de procesbegeleider om een nieuwe link.',
    en: 'This link has expired. Ask the facilitator for a new link.',
  },
  REFUSED_CHANGE: {
    code: 4409,
    final: true,
    nl: 'Je wijziging is niet toegestaan (de procesbegeleider heeft de structuur vergrendeld). Het bord is teruggezet naar de gedeelde versie.',
    en: 'Your change is not allowed (the facilitator locked the structure). The board was reset to the shared version.',
  },
  MESSAGE_TOO_LARGE: {
    code: 4413,
    final: true,
    nl: 'Een wijziging was te groot om te verwerken.',
    en: 'A change was too large to process.',
  },
  RATE_LIMITED: {
    code: 4429,
    final: true,
    nl: 'Je apparaat stuurde te veel berichten tegelijk. Herlaad de pagina.',
    en: 'Your device sent too many messages at once. Reload the page.',
  },
  INTERNAL_ERROR: {
    code: 4500,
    final: false,
    nl: 'Tijdelijk probleem op de server; we proberen opnieuw te verbinden.',
    en: 'Temporary server problem; reconnecting.',
  },
  GOING_AWAY: {
    code: 1001,
    final: false,
    nl: 'De server start opnieuw op; we verbinden zo weer.',
    en: 'The server is restarting; reconnecting shortly.',
  },
  TRY_AGAIN_LATER: {
    code: 1013,
    final: false,
    nl: 'De server is tijdelijk bezet; we proberen opnieuw.',
    en: 'The server is busy; retrying.',
  },
} as const

export type CloseCodeName = keyof typeof CloseCodes

/**
 * Close reasons (the close frame's reason string) that need words of their own; any other reason is told with its
 * code's text above. All of these come with 4413: the change was not stored, and a user can go on (a full board
 * still accepts deletions).
 */
export const CloseReasons = {
  BOARD_FULL: {
    code: 4413,
    nl: 'Dit bord is vol: je wijziging past er niet meer bij. Verwijder wat niet meer nodig is, dan is er weer ruimte.',
    en: 'This board is full: your change no longer fits. Remove what is no longer needed to make room.',
  },
  TOO_MANY_STRUCTS: {
    code: 4413,
    nl: 'Je wijziging bevatte te veel onderdelen in één keer. Doe het in kleinere stappen.',
    en: 'Your change held too many parts at once. Make it in smaller steps.',
  },
  TOO_MANY_DELETIONS: {
    code: 4413,
    nl: 'Je wijziging verwijderde te veel onderdelen in één keer. Doe het in kleinere stappen.',
    en: 'Your change removed too many parts at once. Make it in smaller steps.',
  },
} as const

export type CloseReasonName = keyof typeof CloseReasons
export type CloseCode = (typeof CloseCodes)[CloseCodeName]['code']

const byCode = new Map<number, CloseCodeName>(
  Object.entries(CloseCodes).map(([name, entry]) => [entry.code, name as CloseCodeName]),
)

/** Looks up a close code received from the server; unknown codes are treated as transient. */
export function describeCloseCode(code: number): { name: CloseCodeName | null; final: boolean } {
  const name = byCode.get(code) ?? null
  if (name === null) return { name: null, final: code >= 4400 && code < 4500 }
  return { name, final: CloseCodes[name].final }
}
