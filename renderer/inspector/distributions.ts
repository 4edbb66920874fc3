/**
 * What the inspector needs to know about each distribution of PLAN-FORMAT: its parameters in order,
 * a starting value when the user switches kind, its mean, its density for the small plot, and a
 * one-line description. Pure math; no React, no DOM.
 */
import { DISTRIBUTION_KINDS, type Distribution, type DistributionKind } from '../../sim/model/schema';

export const DIST_KINDS = DISTRIBUTION_KINDS;

export interface ParamSpec {
  key: string;
  label: string;
  /** Whether the parameter carries the field's unit (σ and the Weibull shape do not). */
  hasUnit: boolean;
  hint: string;
}

export const DIST_PARAMS: Record<DistributionKind, readonly ParamSpec[]> = {
  exponential: [{ key: 'mean', label: 'Mean', hasUnit: true, hint: 'Memoryless: the same chance in every hour.' }],
  weibull: [
    { key: 'shape', label: 'Shape k', hasUnit: false, hint: 'k < 1: early failures; k = 1: exponential; k > 1: wear-out.' },
    { key: 'scale', label: 'Scale η', hasUnit: true, hint: '63.2 % of draws fall below the scale.' },
  ],
  lognormal: [
    { key: 'median', label: 'Median', hasUnit: true, hint: 'Half the draws fall below the median.' },
    { key: 'sigma', label: 'Sigma σ', hasUnit: false, hint: 'Standard deviation of the log: 0.5 is tight, 1.5 has a long tail.' },
  ],
  fixed: [{ key: 'value', label: 'Value', hasUnit: true, hint: 'Always exactly this long.' }],
  uniform: [
    { key: 'min', label: 'Min', hasUnit: true, hint: 'Every value between min and max is equally likely.' },
    { key: 'max', label: 'Max', hasUnit: true, hint: 'Must be at least min.' },
  ],
  never: [],
};

export const DIST_LABEL: Record<DistributionKind, string> = {
  exponential: 'Exponential',
  weibull: 'Weibull',
  lognormal: 'Lognormal',
  fixed: 'Fixed',
  uniform: 'Uniform',
  never: 'Never',
};

const num = (d: Record<string, unknown>, key: string): number => {
  const v = d[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
};

/** The mean of a distribution, or NaN when a parameter is missing or not a number; Infinity for `never`. */
export function distributionMean(d: Distribution): number {
  const p = d as unknown as Record<string, unknown>;
  switch (d.dist) {
    case 'exponential':
      return num(p, 'mean');
    case 'weibull':
      return num(p, 'scale') * gamma(1 + 1 / num(p, 'shape'));
    case 'lognormal':
      return num(p, 'median') * Math.exp((num(p, 'sigma') ** 2) / 2);
    case 'fixed':
      return num(p, 'value');
    case 'uniform':
      return (num(p, 'min') + num(p, 'max')) / 2;
    case 'never':
      return Infinity;
    default:
      return NaN;
  }
}

/** A value the user's switch to `kind` starts from, keeping the mean of the previous distribution where it has one. */
export function switchKind(kind: DistributionKind, from: Distribution | undefined): Distribution {
  const m = from ? distributionMean(from) : NaN;
  const mean = Number.isFinite(m) && m > 0 ? round(m) : 1;
  switch (kind) {
    case 'exponential':
      return { dist: 'exponential', mean };
    case 'weibull':
      // shape 1.5 (mild wear-out); scale chosen so the mean is kept: Γ(1 + 1/1.5) ≈ 0.9027.
      return { dist: 'weibull', shape: 1.5, scale: round(mean / gamma(1 + 1 / 1.5)) };
    case 'lognormal':
      return { dist: 'lognormal', median: round(mean / Math.exp(0.5 ** 2 / 2)), sigma: 0.5 };
    case 'fixed':
      return { dist: 'fixed', value: mean };
    case 'uniform':
      return { dist: 'uniform', min: round(mean / 2), max: round(mean * 1.5) };
    case 'never':
      return { dist: 'never' };
  }
}

function round(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

/** Density at x ≥ 0; `fixed` and `never` have none (the plot draws them differently). */
export function density(d: Distribution, x: number): number {
  const p = d as unknown as Record<string, unknown>;
  switch (d.dist) {
    case 'exponential': {
      const m = num(p, 'mean');
      return x < 0 ? 0 : Math.exp(-x / m) / m;
    }
    case 'weibull': {
      const k = num(p, 'shape');
      const s = num(p, 'scale');
      if (x <= 0) return 0;
      return (k / s) * (x / s) ** (k - 1) * Math.exp(-((x / s) ** k));
    }
    case 'lognormal': {
      const m = num(p, 'median');
      const sigma = num(p, 'sigma');
      if (x <= 0 || sigma <= 0) return 0;
      const z = (Math.log(x) - Math.log(m)) / sigma;
      return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
    }
    case 'uniform': {
      const a = num(p, 'min');
      const b = num(p, 'max');
      return x >= a && x <= b && b > a ? 1 / (b - a) : 0;
    }
    default:
      return 0;
  }
}

/** Where the plot's x axis ends: about the 99th percentile, so the tail shows without flattening the body. */
export function plotUpper(d: Distribution): number {
  const p = d as unknown as Record<string, unknown>;
  switch (d.dist) {
    case 'exponential':
      return num(p, 'mean') * Math.log(100);
    case 'weibull':
      return num(p, 'scale') * Math.log(100) ** (1 / num(p, 'shape'));
    case 'lognormal':
      return num(p, 'median') * Math.exp(2.326 * num(p, 'sigma'));
    case 'uniform':
      return num(p, 'max') * 1.15 || 1;
    case 'fixed':
      return num(p, 'value') * 2 || 1;
    default:
      return NaN;
  }
}

/** Whether every parameter is a usable number (the plot is drawn only then). */
export function isPlottable(d: Distribution | undefined): d is Distribution {
  if (!d || !(DIST_KINDS as readonly string[]).includes(d.dist) || d.dist === 'never') return false;
  const upper = plotUpper(d);
  return Number.isFinite(upper) && upper > 0 && Number.isFinite(distributionMean(d));
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return Number(x.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "lognormal, median 8 h, σ 0.8" */
export function describeDistribution(d: Distribution, unit: string): string {
  if (d.dist === 'never') return 'never';
  const params = DIST_PARAMS[d.dist]
    .map((p) => {
      const v = (d as unknown as Record<string, unknown>)[p.key];
      const shown = typeof v === 'number' ? formatNumber(v) : '?';
      return `${p.label.split(' ')[0]!.toLowerCase()} ${shown}${p.hasUnit && unit ? ` ${unit}` : ''}`;
    })
    .join(', ');
  return `${d.dist}, ${params}`;
}

/** Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms); enough digits for a mean on screen. */
export function gamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0]!;
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (z + i);
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * a;
}
