// TextEncoder is a standard global of every JavaScript runtime the domain runs in (browsers, Node, workers); the
// package compiles against the ES library only, so its one method is declared here.
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
