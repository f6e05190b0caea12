/**
 * How many imports are admitted at once — receiving their body, waiting for an import process or being parsed.
 * Bounding them bounds the memory imports can take (each at most `MAX_IMPORT_BYTES` of body plus its thread's
 * heap); one more is refused at once (503 `IMPORT_BUSY`) rather than queued without end.
 */
export class ImportGate {
  readonly #max: number
  #pending = 0

  constructor(max: number) {
    this.#max = max
  }

  get pending(): number {
    return this.#pending
  }

  /** A release function when there is room, null when `max` imports are already in. */
  tryEnter(): (() => void) | null {
    if (this.#pending >= this.#max) return null
    this.#pending++
    let released = false
    return () => {
      if (released) return
      released = true
      this.#pending--
    }
  }
}
