/**
 * Which storage positions of a board this room has applied: everything up to `contiguous`, plus a few
 * beyond it (arrived out of order). A position missing below a known one is a gap to repair from storage.
 */
export class SeqTracker {
  #contiguous: number
  readonly #beyond = new Set<number>()

  constructor(start: number) {
    this.#contiguous = start
  }

  get contiguous(): number {
    return this.#contiguous
  }

  has(seq: number): boolean {
    return seq <= this.#contiguous || this.#beyond.has(seq)
  }

  add(seq: number): void {
    if (this.has(seq)) return
    this.#beyond.add(seq)
    this.#advance()
  }

  /** Storage has been read up to `seq`: everything up to it is applied. */
  advanceTo(seq: number): void {
    if (seq <= this.#contiguous) return
    this.#contiguous = seq
    for (const s of this.#beyond) if (s <= seq) this.#beyond.delete(s)
    this.#advance()
  }

  hasGap(): boolean {
    return this.#beyond.size > 0
  }

  #advance(): void {
    while (this.#beyond.delete(this.#contiguous + 1)) this.#contiguous++
  }
}
