// This package runs in browsers and Node, so it uses neither the DOM nor the Node typings; these are the
// only host globals it needs, declared with the signatures both hosts share.
declare function setTimeout(callback: () => void, ms: number): unknown
declare function clearTimeout(handle: unknown): void
declare function structuredClone<T>(value: T): T
// Tests print measured figures (e.g. drag update sizes) for the README.
declare const console: { info(...args: unknown[]): void }
