/**
 * Seeded random streams, one per (master seed, replication, source id, purpose) — PLAN-FORMAT
 * meaning 15 — so removing one source leaves every other draw unchanged and results do not depend on
 * how replications are spread over workers. Pure arithmetic; imports nothing.
 */

function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** splitmix32: expands a 32-bit value into well-mixed, distinct state words. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * xoshiro128** (Blackman and Vigna): four 32-bit words of state, period 2^128 − 1, fast with
 * Math.imul. Doubles take two outputs so they have the full 53 bits (a 32-bit uniform caps an
 * exponential draw at 22 means and biases far tails).
 */
export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(a: number, b: number) {
    this.s0 = splitmix32(a);
    this.s1 = splitmix32(b);
    this.s2 = splitmix32(a ^ 0x6a09e667);
    this.s3 = splitmix32(b ^ 0xbb67ae85);
    // The all-zero state is the one state xoshiro cannot leave.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits; 1 − u is therefore never 0. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The stream of one random source. `sourceId` and `purpose` are stable names, never indices. */
export function streamFor(masterSeed: number, replication: number, sourceId: string, purpose: string): RandomStream {
  return keyedStream(streamKeyPrefix(masterSeed, replication), sourceId, purpose);
}

/** The part of a stream's key shared by every source of one replication. */
function streamKeyPrefix(masterSeed: number, replication: number): string {
  return `${masterSeed}\u0001${replication}\u0001`;
}

/**
 * The stream whose key is prefix + sourceId + "\u0001" + purpose. Each of two lanes is a 32-bit
 * string hash of the key — start from the lane's seed xor (length × 0x9e3779b1), then per UTF-16
 * unit multiply-xorshift (h = (h ^ unit) × 0x5bd1e995; h ^= h >>> 15), then a full avalanche — taken
 * here piece by piece, without building the joined key (a replication makes a stream per source).
 */
function keyedStream(prefix: string, sourceId: string, purpose: string): RandomStream {
  const length = prefix.length + sourceId.length + 1 + purpose.length;
  let a = 0x2545f491 ^ Math.imul(length, 0x9e3779b1);
  let b = 0x1b873593 ^ Math.imul(length, 0x9e3779b1);
  for (let i = 0; i < prefix.length; i++) {
    a = step(a, prefix.charCodeAt(i));
    b = step(b, prefix.charCodeAt(i));
  }
  for (let i = 0; i < sourceId.length; i++) {
    a = step(a, sourceId.charCodeAt(i));
    b = step(b, sourceId.charCodeAt(i));
  }
  a = step(a, 1);
  b = step(b, 1);
  for (let i = 0; i < purpose.length; i++) {
    a = step(a, purpose.charCodeAt(i));
    b = step(b, purpose.charCodeAt(i));
  }
  return new RandomStream(avalanche(a), avalanche(b));
}

/** One unit of a lane of the key hash (see keyedStream). */
function step(h: number, unit: number): number {
  const mixed = Math.imul(h ^ unit, 0x5bd1e995);
  return mixed ^ (mixed >>> 15);
}

/**
 * The streams of one purpose for a list of sources, each made on its first draw: a replication
 * holds hundreds of sources (every autoscaling slot, every health check) and most never draw, while
 * making a stream is two string hashes. A stream depends only on its names, so when it is made
 * changes none of its draws.
 */
export class LazyStreams {
  private readonly made: (RandomStream | undefined)[];
  private readonly prefix: string;

  constructor(
    masterSeed: number,
    replication: number,
    private readonly sources: readonly { readonly sourceId: string }[],
    private readonly purpose: string,
  ) {
    this.made = new Array<RandomStream | undefined>(sources.length);
    this.prefix = streamKeyPrefix(masterSeed, replication);
  }

  /** The stream of source i. */
  get(i: number): RandomStream {
    return (this.made[i] ??= keyedStream(this.prefix, this.sources[i]!.sourceId, this.purpose));
  }
}
