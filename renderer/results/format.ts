/**
 * How the dashboard writes numbers. The headline formats are the CLI's readable output
 * (sim/entry/cli/commands/simulate.ts), so a value on screen can be checked against `--json` by
 * formatting it the same way (the end-to-end test does exactly that).
 */

export function formatPercent(x: number, digits = 4): string {
  return `${(100 * x).toFixed(digits)} %`;
}

/** The CLI's duration: seconds below 2 min, minutes below 2 h, then hours. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}

export function formatMinutesPerYear(minutes: number): string {
  return `${minutes.toFixed(1)} min/yr`;
}

/** Availability as "nines": −log10(unavailability); 0.999 → 3.00. */
export function nines(availability: number): number {
  return availability >= 1 ? Infinity : -Math.log10(1 - availability);
}

export function formatNines(availability: number): string {
  const n = nines(availability);
  return Number.isFinite(n) ? `${n.toFixed(2)} nines` : 'no downtime seen';
}

// toLocaleString builds a formatter per call, which is slow when a chart labels hundreds of marks.
const COUNT_FORMATS = new Map<number, Intl.NumberFormat>();

export function formatCount(x: number, digits = 0): string {
  let format = COUNT_FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    COUNT_FORMATS.set(digits, format);
  }
  return format.format(x);
}

/** Short axis labels for a duration in seconds: 30 s, 5 min, 2 h, 3 d. */
export function formatDurationTick(seconds: number): string {
  if (seconds < 60) return `${+seconds.toPrecision(2)} s`;
  if (seconds < 3600) return `${+(seconds / 60).toPrecision(2)} min`;
  if (seconds < 86_400 * 2) return `${+(seconds / 3600).toPrecision(2)} h`;
  return `${+(seconds / 86_400).toPrecision(2)} d`;
}

/** Compact request counts: 1.2k, 3.4M. */
export function formatRequests(n: number): string {
  if (n < 1000) return formatCount(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)}M`;
  return `${(n / 1e9).toFixed(1)}G`;
}

export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.floor(seconds - 60 * m)} s`;
}
