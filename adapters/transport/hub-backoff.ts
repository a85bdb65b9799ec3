/**
 * The adaptive poll timer real SMEV clients use (reference §1.6, unismev): start at `minMs`, multiply on every
 * empty poll up to `maxMs`, drop back to `minMs` as soon as a message arrives or a request is sent (a response
 * becomes likely then).
 */
export class PollBackoff {
  #current: number;

  constructor(
    readonly minMs: number,
    readonly maxMs: number,
    readonly factor = 2,
  ) {
    if (!(minMs >= 0) || !(maxMs >= minMs) || !(factor >= 1)) throw new RangeError(`bad back-off: min ${minMs}, max ${maxMs}, factor ${factor}`);
    this.#current = minMs;
  }

  /** The wait before the next poll. */
  get delayMs(): number {
    return this.#current;
  }

  reset(): void {
    this.#current = this.minMs;
  }

  grow(): void {
    this.#current = Math.min(this.maxMs, Math.max(1, this.#current) * this.factor);
  }
}
