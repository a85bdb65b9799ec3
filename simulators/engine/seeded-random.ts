/**
 * @module seeded-random
 * Reproducible randomness for the simulators. One run seed fans out into named sub-streams ("latency:fns:GetIncome",
 * "fault:<rule>") so that each consumer draws from its own sequence: adding a fault rule, or a call to another
 * agency, never shifts the numbers an unrelated consumer sees. The generator is sfc32 (small, fast, passes PractRand
 * for the volumes a test run draws); the seeding hash is our own 32-bit mix so a stream is a pure function of
 * (seed, name).
 */

/** A source of uniform numbers in [0, 1). */
export interface RandomSource {
  next(): number;
}

/** Hashes a string into a 32-bit unsigned integer; `salt` yields independent hashes of the same text. */
export function hashString32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that nearby names give unrelated seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: four 32-bit words of state, one add/shift/rotate round per draw. */
export function createSfc32(a: number, b: number, c: number, d: number): RandomSource {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let s3 = d >>> 0;
  const source: RandomSource = {
    next() {
      const t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (s2 << 21) | (s2 >>> 11);
      s2 = (s2 + t) | 0;
      return (t >>> 0) / 4294967296;
    },
  };
  // Discard the first draws: sfc32 needs a few rounds to mix a weak seed.
  for (let i = 0; i < 12; i += 1) source.next();
  return source;
}

/** A stream that depends only on the run seed and the stream's name. */
export function createNamedStream(seed: number | string, name: string): RandomSource {
  const text = `${String(seed)}\u0000${name}`;
  return createSfc32(hashString32(text, 0), hashString32(text, 1), hashString32(text, 2), hashString32(text, 3));
}

/**
 * The run's registry of named streams. Streams are created on first use and remembered, so repeated draws continue
 * the same sequence; `reset()` rewinds every stream to its start, which makes a run repeatable from its seed.
 */
export class RandomStreams {
  readonly seed: number | string;
  readonly #streams = new Map<string, RandomSource>();

  constructor(seed: number | string) {
    this.seed = seed;
  }

  stream(name: string): RandomSource {
    let stream = this.#streams.get(name);
    if (stream === undefined) {
      stream = createNamedStream(this.seed, name);
      this.#streams.set(name, stream);
    }
    return stream;
  }

  reset(): void {
    this.#streams.clear();
  }
}

/** A standard normal draw (Box–Muller); uses two uniforms so the stream's consumption per draw is fixed. */
export function nextStandardNormal(source: RandomSource): number {
  const u1 = source.next();
  const u2 = source.next();
  // 1 - u1 is in (0, 1], so the logarithm is finite.
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
