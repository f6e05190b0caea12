import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'

/**
 * What a feature may use of the board's connection: the shared doc, presence, and when the server is there.
 * Features depend on this, not on `board/BoardConnection`, so that they never import back from the board; the
 * board page passes its `BoardConnection`, which has this shape.
 */
export interface LiveConnection {
  readonly doc: Y.Doc
  readonly provider: { readonly awareness: Awareness }
  /** Calls `listener` with every status change (`kind: 'connected'` once the socket is up); returns the unsubscribe. */
  subscribe(listener: (status: { readonly kind: string }) => void): () => void
  /** Resolves once the doc holds the server's state. */
  whenRemoteSynced(): Promise<void>
}
