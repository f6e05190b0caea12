import { CloseReasons } from '@waardentafel/protocol'

/** The board: loading, connection status, roles, refused changes, media limits. */
export const boardNl = {
  board: {
    loading: 'Bord laden…',
    defaultPageName: 'Pagina 1',
    status: {
      connecting: 'Verbinden…',
      connected: 'Verbonden',
      offline: 'Offline — je wijzigingen worden bewaard',
      reconnecting: 'Opnieuw verbinden… je wijzigingen worden bewaard',
      closed: 'Verbinding gestopt',
    },
    readonly: 'Je kijkt mee (alleen lezen)',
    menu: 'Menu',
    menuClose: 'Menu sluiten',
    participantsShow: 'Deelnemers ({{count}})',
    participants: 'Deelnemers',
    you: 'jij',
    follow: 'Volg',
    unfollow: 'Stop volgen',
    roleLabel: {
      facilitator: 'procesbegeleider',
      participant: 'deelnemer',
      observer: 'toeschouwer',
    },
    invalidRecords_one: '{{count}} onderdeel van het bord kon niet worden getoond',
    invalidRecords_other: '{{count}} onderdelen van het bord konden niet worden getoond',
    newerVersion: 'Dit bord is gemaakt met een nieuwere versie van Waardentafel. Herlaad de pagina.',
    reload: 'Herlaad',
    home: 'Start',
    refused: {
      title: 'Een wijziging van jou is niet bewaard.',
      why: {
        VALUE_CARDS_LOCKED:
          'Niet toegestaan: de procesbegeleider heeft de waardekaarten vergrendeld (klasse, plaats en naam liggen vast).',
        STRUCTURE_LOCKED: 'Niet toegestaan: de procesbegeleider heeft de structuur vergrendeld.',
        SERVER_ONLY_STATE:
          'Niet toegestaan: alleen de procesbegeleider stelt de werkvorm in (timer, vergrendeling, rondes).',
        UNRESOLVED: 'Niet toegestaan: de server kon niet nagaan wat je wijziging verandert.',
        REFUSED: 'Niet toegestaan door de server.',
        TOO_LARGE: 'De wijziging was te groot om te versturen.',
        BOARD_FULL: CloseReasons.BOARD_FULL.nl as string,
        TOO_MANY_STRUCTS: CloseReasons.TOO_MANY_STRUCTS.nl as string,
        TOO_MANY_DELETIONS: CloseReasons.TOO_MANY_DELETIONS.nl as string,
      },
      dropped: 'Weggelaten: {{items}}.',
      kept_one: 'Je andere wijziging is wel bewaard.',
      kept_other: 'Je {{count}} andere wijzigingen zijn wel bewaard.',
      notRecovered: 'Het bord is teruggezet naar de gedeelde versie.',
      item: {
        image: 'een afbeelding{{size}}',
        video: 'een video{{size}}',
        valueCard: 'een waardekaart',
        valueCardNamed: 'waardekaart “{{name}}”',
        template: 'een sjabloon',
        other: 'een onderdeel van het bord',
      },
    },
    media: {
      imageTooLarge:
        "Deze afbeelding is te groot ({{size}}). Het maximum is {{max}} zolang foto's nog niet op de server worden opgeslagen.",
      videoTooLarge:
        "Deze video is te groot ({{size}}). Het maximum is {{max}} zolang video's nog niet op de server worden opgeslagen.",
    },
  },
}

export const boardEn: typeof boardNl = {
  board: {
    loading: 'Loading board…',
    defaultPageName: 'Page 1',
    status: {
      connecting: 'Connecting…',
      connected: 'Connected',
      offline: 'Offline — your changes are kept',
      reconnecting: 'Reconnecting… your changes are kept',
      closed: 'Connection stopped',
    },
    readonly: 'You are watching (read only)',
    menu: 'Menu',
    menuClose: 'Close menu',
    participantsShow: 'Participants ({{count}})',
    participants: 'Participants',
    you: 'you',
    follow: 'Follow',
    unfollow: 'Stop following',
    roleLabel: { facilitator: 'facilitator', participant: 'participant', observer: 'observer' },
    invalidRecords_one: '{{count}} item of the board could not be shown',
    invalidRecords_other: '{{count}} items of the board could not be shown',
    newerVersion: 'This board was made with a newer version of Waardentafel. Reload the page.',
    reload: 'Reload',
    home: 'Home',
    refused: {
      title: 'A change of yours was not saved.',
      why: {
        VALUE_CARDS_LOCKED:
          'Not allowed: the facilitator locked the value cards (their class, place and name are fixed).',
        STRUCTURE_LOCKED: 'Not allowed: the facilitator locked the structure.',
        SERVER_ONLY_STATE: 'Not allowed: only the facilitator sets up the session (timer, locks, rounds).',
        UNRESOLVED: 'Not allowed: the server could not tell what your change would change.',
        REFUSED: 'Not allowed by the server.',
        TOO_LARGE: 'The change was too large to send.',
        BOARD_FULL: CloseReasons.BOARD_FULL.en,
        TOO_MANY_STRUCTS: CloseReasons.TOO_MANY_STRUCTS.en,
        TOO_MANY_DELETIONS: CloseReasons.TOO_MANY_DELETIONS.en,
      },
      dropped: 'Left out: {{items}}.',
      kept_one: 'Your other change was kept.',
      kept_other: 'Your {{count}} other changes were kept.',
      notRecovered: 'The board was reset to the shared version.',
      item: {
        image: 'an image{{size}}',
        video: 'a video{{size}}',
        valueCard: 'a value card',
        valueCardNamed: 'value card “{{name}}”',
        template: 'a template',
        other: 'a part of the board',
      },
    },
    media: {
      imageTooLarge:
        'This image is too large ({{size}}). The maximum is {{max}} until photos are stored on the server.',
      videoTooLarge:
        'This video is too large ({{size}}). The maximum is {{max}} until videos are stored on the server.',
    },
  },
}
