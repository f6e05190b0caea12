/** UI text of private mode, Dutch first. */
export const privateNl = {
  on: 'Privémodus',
  explain: 'Je nieuwe notities zie alleen jij, tot de procesbegeleider ze onthult.',
  count_one: '{{count}} privénotitie op dit apparaat',
  count_other: '{{count}} privénotities op dit apparaat',
  turnOn: 'Privémodus aan',
  turnOff: 'Privémodus uit',
  reveal: 'Notities onthullen',
}

export const privateEn: typeof privateNl = {
  on: 'Private mode',
  explain: 'Only you see your new notes until the facilitator reveals them.',
  count_one: '{{count}} private note on this device',
  count_other: '{{count}} private notes on this device',
  turnOn: 'Private mode on',
  turnOff: 'Private mode off',
  reveal: 'Reveal notes',
}
