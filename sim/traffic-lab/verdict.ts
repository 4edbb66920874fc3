/**
 * The lab's judgement in one line: how the plan's algorithm compares with the other two on the
 * same requests (p99 latency first, then failed and timed-out requests, then unevenness). Pure;
 * imports only the lab's types.
 */
import type { LabAlgorithm, LabAlgorithmResult } from './spec';

export interface LabVerdict {
  tone: 'good' | 'warn';
  text: string;
  /** The algorithm with the lowest p99 latency. */
  best: LabAlgorithm;
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${(seconds * 1000).toPrecision(seconds < 0.01 ? 2 : 3)} ms`;
  return `${seconds.toPrecision(3)} s`;
}

export function badShare(r: LabAlgorithmResult): number {
  return r.offered > 0 ? (r.failed + r.timedOut) / r.offered : 0;
}

/**
 * `load`, when given, is the peak offered rate and the fleet's total capacity (requests per second):
 * at or beyond capacity no algorithm helps, and the verdict says so first.
 */
export function labVerdict(planAlgorithm: LabAlgorithm, results: LabAlgorithmResult[], load?: { offeredPerSecond: number; capacityPerSecond: number }): LabVerdict {
  const mine = results.find((r) => r.algorithm === planAlgorithm) ?? results[0]!;
  if (load && load.offeredPerSecond >= load.capacityPerSecond) {
    const best = [...results].sort((a, b) => a.steadyLatency.p99 - b.steadyLatency.p99)[0]!;
    return {
      tone: 'warn',
      best: best.algorithm,
      text:
        `fleet overloaded: ${load.offeredPerSecond.toFixed(0)} req/s against ${load.capacityPerSecond.toFixed(0)} req/s of capacity, ` +
        `so no algorithm helps (${mine.algorithm} p99 ${formatSeconds(mine.steadyLatency.p99)}); add capacity`,
    };
  }
  // Latency while every instance is up: the failure window's queueing would otherwise swamp the
  // algorithms' own differences (its cost shows in the failed and timed-out share instead).
  const p99 = (r: LabAlgorithmResult) => (Number.isFinite(r.steadyLatency.p99) ? r.steadyLatency.p99 : Infinity);
  const best = [...results].sort((a, b) => p99(a) - p99(b) || badShare(a) - badShare(b))[0]!;
  const lost = badShare(mine);
  const lostText = lost >= 0.001 ? `, ${(lost * 100).toPrecision(2)} % failed or timed out` : '';
  const ratio = p99(mine) / p99(best);
  if (best.algorithm === mine.algorithm || ratio <= 1.1) {
    const others = results.filter((r) => r !== mine).map((r) => `${r.algorithm} ${formatSeconds(r.steadyLatency.p99)}`);
    return { tone: lost >= 0.01 ? 'warn' : 'good', best: best.algorithm, text: `${mine.algorithm} holds up: p99 ${formatSeconds(mine.steadyLatency.p99)}${lostText}${others.length ? ` (${others.join(', ')})` : ''}` };
  }
  const times = ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2);
  return {
    tone: 'warn',
    best: best.algorithm,
    text: `${mine.algorithm}: p99 ${formatSeconds(mine.steadyLatency.p99)}${lostText}; ${best.algorithm} would give ${formatSeconds(best.steadyLatency.p99)} (${times}× lower)`,
  };
}
