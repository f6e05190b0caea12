// TextEncoder is a standard global of every JavaScript runtime the domain runs in (browsers, Node, workers); the
// package compiles against the ES library only, so its one method is declared here.
declare class TextEncoder {
  encode(input?: string): Uint8Array
}

// atob likewise: a standard global of browsers and Node (≥ 16), used to read a logo's data URL.
declare function atob(data: string): string
