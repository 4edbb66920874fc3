/**
 * Exact sums of doubles for run statistics: every finite double is an integer multiple of 2⁻¹⁰⁷⁴,
 * so a BigInt counting those units adds any doubles (and their squares, in units of 2⁻²¹⁴⁸)
 * without rounding, in any order; results are rounded once, correctly, when reported.
 * Pure arithmetic: imports nothing.
 */

/** Units per 1.0 for sums of values (2¹⁰⁷⁴) and for sums of squares and products (2²¹⁴⁸). */
export const VALUE_SHIFT = 1074n;
export const SQUARE_SHIFT = 2148n;

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa · 2^(shift − 1074), exactly, for a finite x (sign carried by the mantissa). */
function decompose(x: number): { mantissa: bigint; shift: bigint } {
  if (!Number.isFinite(x)) throw new RangeError(`exact sum: ${x} is not a finite number`);
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let shift = 0n;
  if (exponent !== 0) {
    mantissa |= 1n << 52n;
    shift = BigInt(exponent - 1);
  }
  return { mantissa: hi >>> 31 ? -mantissa : mantissa, shift };
}

/** x · 2¹⁰⁷⁴ as an integer (exact). */
export function scaled(x: number): bigint {
  if (x === 0) return 0n;
  const { mantissa, shift } = decompose(x);
  return mantissa << shift;
}

/** x² · 2²¹⁴⁸ as an integer (exact). */
export function scaledSquare(x: number): bigint {
  if (x === 0) return 0n;
  const { mantissa, shift } = decompose(x);
  return (mantissa * mantissa) << (2n * shift);
}

/** x · y · 2²¹⁴⁸ as an integer (exact). */
export function scaledProduct(x: number, y: number): bigint {
  if (x === 0 || y === 0) return 0n;
  const a = decompose(x);
  const b = decompose(y);
  return (a.mantissa * b.mantissa) << (a.shift + b.shift);
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The double nearest to num / den (ties to even), for den > 0: one rounding of an exact ratio. */
export function roundRatio(num: bigint, den: bigint): number {
  if (den <= 0n) throw new RangeError('roundRatio: the denominator must be positive');
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  // Scale so the integer quotient carries 55–56 bits: 53 kept, the rest decide the rounding.
  let e = bitLength(a) - bitLength(den) - 55;
  const q0 = e >= 0 ? a / (den << BigInt(e)) : (a << BigInt(-e)) / den;
  const sticky = e >= 0 ? a % (den << BigInt(e)) !== 0n : (a << BigInt(-e)) % den !== 0n;
  let q = q0;
  // Bits to drop: down to 53 significant bits, or down to the 2⁻¹⁰⁷⁴ grid for subnormal results.
  let drop = bitLength(q) - 53;
  if (e + drop < -1074) drop = -1074 - e;
  if (drop > 0) {
    const d = BigInt(drop);
    const low = q & ((1n << d) - 1n);
    const half = 1n << (d - 1n);
    q >>= d;
    if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
    e += drop;
  }
  if (e > 971) return negative ? -Infinity : Infinity;
  // q < 2⁵⁴ is exact as a number; scaling by powers of two is exact while the result is representable.
  const magnitude = e < -1000 ? Number(q) * 2 ** -1000 * 2 ** (e + 1000) : Number(q) * 2 ** e;
  return negative ? -magnitude : magnitude;
}

/** Magnitudes an ExactSum adds as doubles: sums of 2⁵³ of them stay far from overflow. */
const EXPANSION_LIMIT = 2 ** 900;
/** Magnitudes whose square a Moments splits into two doubles exactly (neither overflows nor underflows). */
const SQUARE_LOW = 2 ** -400;
const SQUARE_HIGH = 2 ** 400;
/** Veltkamp's splitter for doubles: 2²⁷ + 1. */
const SPLITTER = 134217729;
/** Parts an ExactSum keeps before folding them into its integer (non-overlapping doubles need about 40 at most). */
const PARTS = 48;

/**
 * A running sum of doubles kept exactly as a few non-overlapping doubles (Shewchuk's expansion, as
 * in Python's math.fsum): adding one costs a handful of floating-point operations and allocates
 * nothing, where a BigInt per addition allocated about a kilobyte. The total is formed as an
 * integer (in units of 2⁻¹⁰⁷⁴, shifted left by `shift` bits) only when read. Every part is a sum of
 * doubles of magnitude ≤ 2⁹⁰⁰, so no addition overflows; callers fold anything larger in as an integer.
 */
export class ExactSum {
  private readonly parts = new Float64Array(PARTS);
  private length = 0;
  /** What was added as an integer, in the sum's units. */
  private folded = 0n;

  /** `shift`: the sum's units are 2⁻¹⁰⁷⁴ · 2⁻shift (1074 for squares: units of 2⁻²¹⁴⁸). */
  constructor(private readonly shift: bigint = 0n) {}

  /** Adds x exactly; |x| ≤ 2⁹⁰⁰ (see addUnits for anything else). */
  add(x: number): void {
    const parts = this.parts;
    let kept = 0;
    for (let k = 0; k < this.length; k++) {
      let big = x;
      let small = parts[k]!;
      if (Math.abs(big) < Math.abs(small)) {
        big = small;
        small = x;
      }
      // Fast two-sum: hi + lo is exactly big + small when |big| ≥ |small|.
      const hi = big + small;
      const lo = small - (hi - big);
      if (lo !== 0) parts[kept++] = lo;
      x = hi;
    }
    if (kept === PARTS) {
      this.folded += this.partsInUnits(kept);
      kept = 0;
    }
    if (x !== 0) parts[kept++] = x;
    this.length = kept;
  }

  /** Adds any finite double exactly (throws for NaN and ±Infinity). */
  addFinite(x: number): void {
    if (Math.abs(x) <= EXPANSION_LIMIT) this.add(x);
    else this.folded += scaled(x) << this.shift;
  }

  /** Adds an integer already in the sum's units. */
  addUnits(units: bigint): void {
    this.folded += units;
  }

  /** The sum, in its units. */
  get units(): bigint {
    return this.folded + this.partsInUnits(this.length);
  }

  set units(value: bigint) {
    this.folded = value;
    this.length = 0;
  }

  private partsInUnits(count: number): bigint {
    let total = 0n;
    for (let k = 0; k < count; k++) total += scaled(this.parts[k]!);
    return total << this.shift;
  }
}

/** Sum, sum of squares and count of a measure over replications, kept exactly. */
export class Moments {
  count = 0;
  private readonly values = new ExactSum();
  private readonly squares = new ExactSum(VALUE_SHIFT);

  /** Σx · 2¹⁰⁷⁴ */
  get sum(): bigint {
    return this.values.units;
  }

  set sum(value: bigint) {
    this.values.units = value;
  }

  /** Σx² · 2²¹⁴⁸ */
  get sumSquares(): bigint {
    return this.squares.units;
  }

  set sumSquares(value: bigint) {
    this.squares.units = value;
  }

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`exact sum: ${x} is not a finite number`);
    this.count++;
    if (x === 0) return;
    this.values.addFinite(x);
    const magnitude = Math.abs(x);
    if (magnitude >= SQUARE_LOW && magnitude <= SQUARE_HIGH) {
      // x² = square + error exactly (Dekker's product by Veltkamp's split), both doubles.
      const square = x * x;
      const c = SPLITTER * x;
      const high = c - (c - x);
      const low = x - high;
      const error = (high * high - square + 2 * high * low) + low * low;
      this.squares.add(square);
      this.squares.add(error);
    } else this.squares.addUnits(scaledSquare(x));
  }

  merge(other: Moments): void {
    this.count += other.count;
    this.values.addUnits(other.sum);
    this.squares.addUnits(other.sumSquares);
  }

  toJSON(): MomentsState {
    return { count: this.count, sum: this.sum.toString(16), sumSquares: this.sumSquares.toString(16) };
  }

  static fromJSON(state: MomentsState): Moments {
    const m = new Moments();
    m.count = state.count;
    m.sum = hexToBigInt(state.sum);
    m.sumSquares = hexToBigInt(state.sumSquares);
    return m;
  }
}

export interface MomentsState {
  count: number;
  /** Hexadecimal integers (JSON has no BigInt); a leading "-" for negatives. */
  sum: string;
  sumSquares: string;
}

export function hexToBigInt(text: string): bigint {
  if (!/^-?[0-9a-f]+$/.test(text)) throw new RangeError(`not a hexadecimal integer: "${text.slice(0, 40)}"`);
  return text.startsWith('-') ? -BigInt(`0x${text.slice(1)}`) : BigInt(`0x${text}`);
}

/**
 * Paired measures x and y of the same replications (two designs under common random numbers): the
 * exact sums a paired comparison needs, so Var(x − y) comes out exactly as Σ(x − y)² would give.
 */
export class PairedMoments {
  readonly x = new Moments();
  readonly y = new Moments();
  /** Σxy · 2²¹⁴⁸ */
  sumProducts = 0n;

  add(x: number, y: number): void {
    this.x.add(x);
    this.y.add(y);
    this.sumProducts += scaledProduct(x, y);
  }

  merge(other: PairedMoments): void {
    this.x.merge(other.x);
    this.y.merge(other.y);
    this.sumProducts += other.sumProducts;
  }

  /** Moments of the difference x − y, exactly. */
  difference(): Moments {
    const d = new Moments();
    d.count = this.x.count;
    d.sum = this.x.sum - this.y.sum;
    d.sumSquares = this.x.sumSquares + this.y.sumSquares - 2n * this.sumProducts;
    return d;
  }

  toJSON(): PairedMomentsState {
    return { x: this.x.toJSON(), y: this.y.toJSON(), sumProducts: this.sumProducts.toString(16) };
  }

  static fromJSON(state: PairedMomentsState): PairedMoments {
    const p = new PairedMoments();
    p.x.merge(Moments.fromJSON(state.x));
    p.y.merge(Moments.fromJSON(state.y));
    p.sumProducts = hexToBigInt(state.sumProducts);
    return p;
  }
}

export interface PairedMomentsState {
  x: MomentsState;
  y: MomentsState;
  sumProducts: string;
}

/** An exact rational factor applied to a measure when it is reported (e.g. minutes per year). */
export interface Scale {
  num: bigint;
  den: bigint;
}

export const UNIT_SCALE: Scale = { num: 1n, den: 1n };

/** A positive double as an exact rational. */
export function rationalOf(x: number): Scale {
  return { num: scaled(x), den: 1n << VALUE_SHIFT };
}

/** The mean of the scaled measure, rounded once. */
export function exactMean(m: Moments, scale: Scale = UNIT_SCALE): number {
  return roundRatio(m.sum * scale.num, (BigInt(m.count) * scale.den) << VALUE_SHIFT);
}

/**
 * Variance of the mean of the scaled measure, s² / n, rounded once: (nΣx² − (Σx)²) / (n²(n − 1)),
 * computed on exact integers, so it can never come out negative. Needs n ≥ 2.
 */
export function exactVarianceOfMean(m: Moments, scale: Scale = UNIT_SCALE): number {
  const n = BigInt(m.count);
  const spread = n * m.sumSquares - m.sum * m.sum;
  return roundRatio(spread * scale.num * scale.num, (n * n * (n - 1n) * scale.den * scale.den) << SQUARE_SHIFT);
}
