import { type ClientConfig, peekToken, type Role, type SessionResponse } from '@waardentafel/protocol'
import { getClientConfig, getSession } from '../api/boards.ts'
import { loadIdentity } from '../identity.ts'
import { BoardConnection } from './BoardConnection.ts'

// Opening a board link used to be a chain: render, ask the server for the session, render again, and only then open
// the board's connection. This module starts both network parts at once as the page starts: the session check and
// the board's connection (local copy and WebSocket sync). The board view takes them over when it mounts. (Loading
// tldraw as a separate chunk in parallel was tried: the chunk, compiled on the main thread, made the empty board
// slower than one bundle whose compilation Chromium streams off the main thread.)

type Early = {
  boardId: string
  token: string
  session: Promise<[SessionResponse, ClientConfig]> | null
  connection: { role: Role; connection: BoardConnection } | null
}

let early: Early | null = null

/** The role a link's token claims; the server checks it, this only guesses early. */
export function roleOfToken(token: string): Role | null {
  return peekToken(token)?.r ?? null
}

/**
 * Starts checking the link and, when the board will open without asking anything first (a name is known, or the
 * link is an observer's), connecting to the board.
 */
export function startOpeningBoard(boardId: string, token: string): void {
  const role = roleOfToken(token)
  const session = Promise.all([getSession(boardId, token), getClientConfig()])
  // Taken or not, a refusal is handled where the session is used; this copy must not be reported as unhandled.
  session.catch(() => undefined)
  const connect = role !== null && (role === 'observer' || loadIdentity() !== null)
  early = {
    boardId,
    token,
    session,
    connection: connect ? { role, connection: new BoardConnection(boardId, token, role) } : null,
  }
}

/** The session check started with the page, or a new one. */
export function takeSession(boardId: string, token: string): Promise<[SessionResponse, ClientConfig]> {
  if (early?.boardId === boardId && early.token === token && early.session) {
    const { session } = early
    early.session = null
    return session
  }
  return Promise.all([getSession(boardId, token), getClientConfig()])
}

/** The connection opened with the page for this board and role, once; null if there is none. */
export function takeConnection(boardId: string, token: string, role: Role): BoardConnection | null {
  const started = early?.connection
  if (!early || !started) return null
  early.connection = null
  if (early.boardId === boardId && early.token === token && started.role === role) return started.connection
  started.connection.destroy()
  return null
}

/** Closes the early connection (the link was refused, or the board will not open after all). */
export function dropEarlyConnection(): void {
  early?.connection?.connection.destroy()
  if (early) early.connection = null
}
