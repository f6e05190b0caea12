/**
 * How a board was set up when it was made (issue #17: a board "from the Quickscan template"), kept in the board's
 * document beside tldraw's records: a Yjs map only the server writes. The first facilitator to open the board while
 * its page is still empty lays the template out (the templates are drawn by the web app's editor).
 */
export const SETUP_MAP = 'setup'
export const SETUP_TEMPLATE_KEY = 'template'
export const BOARD_TEMPLATES = ['quickscan'] as const
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number]
