/**
 * Small server-side SVG charts for the review report: intervals, quantile strips, bars, a Pareto
 * scatter and a tornado. Data in, standalone SVG text out (no DOM), so the CLI and the app draw the
 * same pictures. Imports only sim/diagram's XML escaping.
 */
import { escapeXml } from '../diagram/planToSvg';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12"';
const INK = '#0f172a';
const MUTED = '#64748b';
const GRID = '#e2e8f0';
const BLUE = '#2563eb';
const RED = '#dc2626';
const GREEN = '#16a34a';

const n = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0');

function frame(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" ${FONT}><title>${escapeXml(title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

const text = (x: number, y: number, s: string, anchor: 'start' | 'middle' | 'end' = 'start', fill = INK): string =>
  `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}" fill="${fill}">${escapeXml(s)}</text>`;

/** Linear scale of [lo, hi] onto [a, b]; a zero-width domain maps to the middle. */
function scale(lo: number, hi: number, a: number, b: number): (x: number) => number {
  if (!(hi > lo)) return () => (a + b) / 2;
  return (x) => a + ((x - lo) / (hi - lo)) * (b - a);
}

/** Domain padded by 8 % each side so marks never sit on the frame. */
function padded(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

export interface IntervalItem {
  label: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** Point estimates with their 95 % intervals on one axis; `format` labels the values. */
export function intervalChart(title: string, items: IntervalItem[], format: (x: number) => string, target?: { value: number; label: string }): string {
  const width = 720;
  const row = 30;
  const left = 220;
  const right = width - 150;
  const height = 50 + row * items.length + 20;
  const values = items.flatMap((i) => [i.mean, i.low ?? i.mean, i.high ?? i.mean]).concat(target ? [target.value] : []);
  const [lo, hi] = padded(values);
  const x = scale(lo, hi, left, right);
  let body = text(12, 22, title);
  body += `<line x1="${left}" y1="36" x2="${left}" y2="${height - 20}" stroke="${GRID}"/>`;
  if (target) body += `<line x1="${n(x(target.value))}" y1="36" x2="${n(x(target.value))}" y2="${height - 20}" stroke="${RED}" stroke-dasharray="4 3"/>${text(x(target.value), height - 6, target.label, 'middle', RED)}`;
  items.forEach((item, i) => {
    const y = 54 + i * row;
    body += text(left - 8, y + 4, item.label, 'end');
    if (item.low !== null && item.high !== null) body += `<line x1="${n(x(item.low))}" y1="${y}" x2="${n(x(item.high))}" y2="${y}" stroke="${BLUE}" stroke-width="2"/><line x1="${n(x(item.low))}" y1="${y - 6}" x2="${n(x(item.low))}" y2="${y + 6}" stroke="${BLUE}"/><line x1="${n(x(item.high))}" y1="${y - 6}" x2="${n(x(item.high))}" y2="${y + 6}" stroke="${BLUE}"/>`;
    body += `<circle cx="${n(x(item.mean))}" cy="${y}" r="4" fill="${BLUE}"/>`;
    body += text(right + 8, y + 4, format(item.mean), 'start', MUTED);
  });
  return frame(width, height, title, body);
}

export interface QuantileStrip {
  label: string;
  min: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Distribution summaries as strips on a log axis: a line min–max, a box p50–p95, a tick at p99. */
export function quantileChart(title: string, strips: QuantileStrip[], format: (x: number) => string): string {
  const width = 720;
  const row = 44;
  const left = 90;
  const right = width - 30;
  const usable = strips.filter((s) => s.min !== null && s.max !== null && s.p50 !== null && s.p95 !== null && s.p99 !== null);
  const height = 60 + row * strips.length;
  const positive = usable.flatMap((s) => [s.min!, s.max!]).filter((v) => v > 0);
  const lo = positive.length > 0 ? Math.log10(Math.min(...positive)) - 0.1 : 0;
  const hi = positive.length > 0 ? Math.log10(Math.max(...positive)) + 0.1 : 1;
  const x = (v: number): number => scale(lo, hi, left, right)(Math.log10(Math.max(v, 10 ** lo)));
  let body = text(12, 22, title);
  strips.forEach((s, i) => {
    const y = 50 + i * row;
    body += text(left - 8, y + 4, s.label, 'end');
    if (s.min === null || s.max === null || s.p50 === null || s.p95 === null || s.p99 === null) {
      body += text(left, y + 4, 'no samples', 'start', MUTED);
      return;
    }
    body += `<line x1="${n(x(s.min))}" y1="${y}" x2="${n(x(s.max))}" y2="${y}" stroke="${MUTED}"/>`;
    body += `<rect x="${n(x(s.p50))}" y="${y - 8}" width="${n(Math.max(2, x(s.p95) - x(s.p50)))}" height="16" fill="${BLUE}" fill-opacity="0.35" stroke="${BLUE}"/>`;
    body += `<line x1="${n(x(s.p99))}" y1="${y - 10}" x2="${n(x(s.p99))}" y2="${y + 10}" stroke="${RED}" stroke-width="2"/>`;
    body += text(x(s.p50), y + 22, `p50 ${format(s.p50)}`, 'start', MUTED);
    body += text(x(s.p99), y - 12, `p99 ${format(s.p99)}`, 'middle', RED);
  });
  body += text(right, height - 6, 'log scale · line min–max · box p50–p95 · red tick p99', 'end', MUTED);
  return frame(width, height, title, body);
}

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, largest first as given. */
export function barChart(title: string, bars: Bar[], format: (x: number) => string): string {
  const width = 720;
  const row = 24;
  const left = 220;
  const right = width - 130;
  const height = 44 + row * Math.max(1, bars.length);
  const max = Math.max(0, ...bars.map((b) => b.value));
  const x = scale(0, max, left, right);
  let body = text(12, 22, title);
  if (bars.length === 0) body += text(left, 50, 'nothing to show', 'start', MUTED);
  bars.forEach((b, i) => {
    const y = 36 + i * row;
    body += text(left - 8, y + 13, b.label, 'end');
    body += `<rect x="${left}" y="${y}" width="${n(Math.max(1, x(b.value) - left))}" height="16" fill="${BLUE}"/>`;
    body += text(x(b.value) + 6, y + 13, format(b.value), 'start', MUTED);
  });
  return frame(width, height, title, body);
}

export interface ScatterPoint {
  label: string;
  cost: number;
  unavailability: number;
  pareto: boolean;
}

/** Monthly cost against unavailability (log axis); the Pareto front joined cheapest first. */
export function paretoScatter(title: string, points: ScatterPoint[], formatCost: (x: number) => string, formatUnavailability: (x: number) => string): string {
  const width = 720;
  const height = 380;
  const left = 90;
  const right = width - 40;
  const top = 40;
  const bottom = height - 50;
  const [clo, chi] = padded(points.map((p) => p.cost));
  const positive = points.map((p) => p.unavailability).filter((u) => u > 0);
  const ulo = positive.length > 0 ? Math.log10(Math.min(...positive)) - 0.2 : -6;
  const uhi = positive.length > 0 ? Math.log10(Math.max(...positive)) + 0.2 : -1;
  const x = scale(clo, chi, left, right);
  const yLog = scale(ulo, uhi, bottom, top);
  const y = (u: number): number => yLog(Math.log10(Math.max(u, 10 ** ulo)));
  let body = text(12, 22, title);
  body += `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${MUTED}"/><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="${MUTED}"/>`;
  body += text((left + right) / 2, height - 12, 'monthly cost (infrastructure + operations)', 'middle', MUTED);
  body += `<text x="16" y="${(top + bottom) / 2}" transform="rotate(-90 16 ${(top + bottom) / 2})" text-anchor="middle" fill="${MUTED}">unavailability (log)</text>`;
  body += text(left, bottom + 16, formatCost(clo), 'start', MUTED) + text(right, bottom + 16, formatCost(chi), 'end', MUTED);
  body += text(left + 4, top + 10, formatUnavailability(10 ** uhi), 'start', MUTED) + text(left + 4, bottom - 4, formatUnavailability(10 ** ulo), 'start', MUTED);
  const front = points.filter((p) => p.pareto).sort((a, b) => a.cost - b.cost);
  if (front.length > 1) body += `<polyline points="${front.map((p) => `${n(x(p.cost))},${n(y(p.unavailability))}`).join(' ')}" fill="none" stroke="${GREEN}" stroke-width="2"/>`;
  for (const p of points) {
    body += `<circle cx="${n(x(p.cost))}" cy="${n(y(p.unavailability))}" r="6" fill="${p.pareto ? GREEN : '#ffffff'}" stroke="${p.pareto ? GREEN : MUTED}" stroke-width="2"/>`;
    body += text(x(p.cost) + 9, y(p.unavailability) - 8, p.label);
  }
  return frame(width, height, title, body);
}

export interface TornadoRow {
  label: string;
  low: number;
  high: number;
}

/** Change from the base at each end of each parameter's range, around a zero line (rows as given). */
export function tornadoChart(title: string, rows: TornadoRow[], format: (x: number) => string): string {
  const width = 720;
  const row = 26;
  const left = 260;
  const right = width - 30;
  const height = 64 + row * Math.max(1, rows.length);
  const extent = Math.max(1e-300, ...rows.flatMap((r) => [Math.abs(r.low), Math.abs(r.high)]));
  const x = scale(-extent * 1.15, extent * 1.15, left, right);
  const zero = x(0);
  let body = text(12, 22, title);
  body += `<rect x="${left}" y="30" width="10" height="10" fill="${BLUE}"/>${text(left + 14, 39, 'low end', 'start', MUTED)}<rect x="${left + 90}" y="30" width="10" height="10" fill="#f97316"/>${text(left + 104, 39, 'high end', 'start', MUTED)}`;
  body += `<line x1="${n(zero)}" y1="46" x2="${n(zero)}" y2="${height - 10}" stroke="${INK}"/>`;
  if (rows.length === 0) body += text(left, 64, 'no parameters', 'start', MUTED);
  rows.forEach((r, i) => {
    const y = 52 + i * row;
    body += text(left - 8, y + 13, r.label, 'end');
    for (const [v, color, dy] of [[r.low, BLUE, 0], [r.high, '#f97316', 8]] as const) {
      const a = Math.min(zero, x(v));
      body += `<rect x="${n(a)}" y="${y + dy}" width="${n(Math.max(1, Math.abs(x(v) - zero)))}" height="8" fill="${color}"><title>${escapeXml(format(v))}</title></rect>`;
    }
  });
  body += text(left, height - 2, `−${format(extent * 1.15).replace(/^[+−-]/, '')}`, 'start', MUTED) + text(right, height - 2, format(extent * 1.15), 'end', MUTED);
  return frame(width, height, title, body);
}
