import { describe, expect, it } from 'vitest';
import { CachedAnswers } from '../../../sim/engine/dns/cachedAnswers';

const PRIMARY = Float64Array.of(1, 0);
const SECONDARY = Float64Array.of(0, 1);

function shareOnPrimary(view: CachedAnswers, t: number): number {
  const out = new Float64Array(2);
  view.sharesAt(t, out);
  return out[0]!;
}

/** Trapezoid integral of a function that is linear between the given breakpoints. */
function integrate(f: (t: number) => number, points: number[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += ((f(points[i - 1]!) + f(points[i]!)) / 2) * (points[i]! - points[i - 1]!);
  return sum;
}

describe('clients following cached answers (PLAN-FORMAT meaning 8)', () => {
  it('moves compliant clients linearly over the TTL after an answer change', () => {
    const view = new CachedAnswers(2, 60, 0, 900, PRIMARY);
    view.setAnswer(100, SECONDARY);
    expect(shareOnPrimary(view, 100)).toBe(1);
    expect(shareOnPrimary(view, 115)).toBeCloseTo(0.75, 12);
    expect(shareOnPrimary(view, 130)).toBeCloseTo(0.5, 12);
    expect(shareOnPrimary(view, 160)).toBe(0);
    expect(view.nextBreakpointAfter(100)).toBe(160);
    expect(view.nextBreakpointAfter(160)).toBe(Infinity);
  });

  it('gives C7: lost time TTL/2 after detection, and < 0.1 % left on the dead target at 0.999·TTL', () => {
    const detectedAt = 75;
    const view = new CachedAnswers(2, 60, 0, 900, PRIMARY);
    view.setAnswer(detectedAt, SECONDARY);
    // The primary died at 0: everything sent to it until the record changes is lost, then a linear tail.
    const lost = detectedAt + integrate((t) => shareOnPrimary(view, t), [detectedAt, detectedAt + 60]);
    expect(lost).toBeCloseTo(75 + 30, 9);
    expect(shareOnPrimary(view, detectedAt + 0.999 * 60)).toBeCloseTo(0.001, 12);
  });

  it('keeps the TTL-violating share on the old answer until the violation delay', () => {
    const view = new CachedAnswers(2, 60, 0.02, 900, PRIMARY);
    view.setAnswer(0, SECONDARY);
    expect(shareOnPrimary(view, 60)).toBeCloseTo(0.02, 12);
    expect(shareOnPrimary(view, 899)).toBeCloseTo(0.02, 12);
    expect(shareOnPrimary(view, 900)).toBe(0);
    expect(view.nextBreakpointAfter(60)).toBe(900);
  });

  it('follows a fail-back that comes before clients finished moving', () => {
    const view = new CachedAnswers(2, 60, 0, 900, PRIMARY);
    view.setAnswer(0, SECONDARY);
    view.setAnswer(30, PRIMARY);
    // At 45 s: the window [−15, 45] saw primary for 15 s, secondary for 30 s, primary again for 15 s.
    expect(shareOnPrimary(view, 45)).toBeCloseTo(0.5, 12);
    expect(shareOnPrimary(view, 90)).toBe(1);
    expect(view.nextBreakpointAfter(45)).toBe(60);
  });

  it('ignores a repeated answer and moves at once with a TTL of 0', () => {
    const view = new CachedAnswers(2, 0, 0, 900, PRIMARY);
    expect(view.setAnswer(5, PRIMARY)).toBe(false);
    expect(view.setAnswer(10, SECONDARY)).toBe(true);
    expect(shareOnPrimary(view, 10)).toBe(0);
    expect(shareOnPrimary(view, 9.9)).toBe(1);
  });
});
