/**
 * Samplers for the six plan distributions (exponential, Weibull, lognormal, fixed, uniform, never),
 * compiled once per plan into flat records so the hot path does no allocation and no string switch.
 * Imports only plan types and sim/engine/random.
 */
import type { Distribution } from '../model/schema';
import type { RandomStream } from './random';
import { YEAR_SECONDS } from './timeUnits';

export const SamplerKind = { Exponential: 0, Weibull: 1, Lognormal: 2, Fixed: 3, Uniform: 4, Never: 5 } as const;
export type SamplerKind = (typeof SamplerKind)[keyof typeof SamplerKind];

/** A distribution in engine seconds: `a` and `b` hold its parameters already scaled. */
export interface Sampler {
  kind: SamplerKind;
  a: number;
  b: number;
}

export const NEVER: Sampler = { kind: SamplerKind.Never, a: 0, b: 0 };

/** Compiles a plan distribution; `secondsPerUnit` converts the field's unit (3600 for hours). */
export function compileDistribution(d: Distribution, secondsPerUnit: number): Sampler {
  switch (d.dist) {
    case 'exponential':
      return { kind: SamplerKind.Exponential, a: d.mean * secondsPerUnit, b: 0 };
    case 'weibull':
      return { kind: SamplerKind.Weibull, a: d.scale * secondsPerUnit, b: 1 / d.shape };
    case 'lognormal':
      return { kind: SamplerKind.Lognormal, a: d.median * secondsPerUnit, b: d.sigma };
    case 'fixed':
      return { kind: SamplerKind.Fixed, a: d.value * secondsPerUnit, b: 0 };
    case 'uniform':
      return { kind: SamplerKind.Uniform, a: d.min * secondsPerUnit, b: (d.max - d.min) * secondsPerUnit };
    case 'never':
      return NEVER;
  }
}

/** Exponential inter-arrival times of a Poisson process with `ratePerYear` (0: never). */
export function poissonGaps(ratePerYear: number): Sampler {
  if (!(ratePerYear > 0)) return NEVER;
  return { kind: SamplerKind.Exponential, a: YEAR_SECONDS / ratePerYear, b: 0 };
}

const TWO_PI = 2 * Math.PI;

/** One draw. Uses −log(1 − u) (u ∈ [0, 1)), so an exponential draw is never infinite. */
export function sample(s: Sampler, stream: RandomStream): number {
  switch (s.kind) {
    case SamplerKind.Exponential:
      return -s.a * Math.log(1 - stream.next());
    case SamplerKind.Weibull:
      return s.a * Math.pow(-Math.log(1 - stream.next()), s.b);
    case SamplerKind.Lognormal: {
      // Box–Muller, keeping only the cosine branch so every draw uses exactly two uniforms.
      const radius = Math.sqrt(-2 * Math.log(1 - stream.next()));
      return s.a * Math.exp(s.b * radius * Math.cos(TWO_PI * stream.next()));
    }
    case SamplerKind.Fixed:
      return s.a;
    case SamplerKind.Uniform:
      return s.a + s.b * stream.next();
    case SamplerKind.Never:
      return Infinity;
  }
}

/** The mean of a compiled sampler, in seconds (Infinity for never). Used by tests and checks. */
export function samplerMean(s: Sampler): number {
  switch (s.kind) {
    case SamplerKind.Exponential:
      return s.a;
    case SamplerKind.Weibull:
      return s.a * gamma(1 + s.b);
    case SamplerKind.Lognormal:
      return s.a * Math.exp((s.b * s.b) / 2);
    case SamplerKind.Fixed:
      return s.a;
    case SamplerKind.Uniform:
      return s.a + s.b / 2;
    case SamplerKind.Never:
      return Infinity;
  }
}

/** Γ(x) for x > 0 through the Lanczos approximation (g = 7), accurate to ~1e-15. */
export function gamma(x: number): number {
  return Math.exp(logGamma(x));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
