// The lab's one-line verdict: the plan's algorithm against the lowest p99 with every instance up.
import { describe, expect, it } from 'vitest';
import type { LabAlgorithm, LabAlgorithmResult, LatencySummary } from '../../../sim/traffic-lab/spec';
import { formatSeconds, labVerdict } from '../../../sim/traffic-lab/verdict';

const summary = (p99: number): LatencySummary => ({ count: 1000, mean: p99 / 3, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 });

function result(algorithm: LabAlgorithm, p99: number, failed = 0): LabAlgorithmResult {
  return {
    algorithm,
    offered: 1000,
    served: 1000 - failed,
    failed,
    timedOut: 0,
    latency: summary(p99 * 5),
    steadyLatency: summary(p99),
    queueing: { ...summary(p99 / 2), shareWaited: 0.3 },
    latencyQuantiles: [],
    steadyLatencyQuantiles: [],
    instances: [],
    unevenness: 1,
    clientsMoved: null,
    failure: null,
    events: 0,
  };
}

describe('labVerdict', () => {
  it('says the plan\'s algorithm holds up when it is within 10 % of the best p99', () => {
    const v = labVerdict('round-robin', [result('round-robin', 0.105), result('least-connections', 0.1), result('ip-hash', 0.2)]);
    expect(v.tone).toBe('good');
    expect(v.best).toBe('least-connections');
    expect(v.text).toBe('round-robin holds up: p99 105 ms (least-connections 100 ms, ip-hash 200 ms)');
  });

  it('names the better algorithm and the factor when the plan\'s is slower', () => {
    const v = labVerdict('round-robin', [result('round-robin', 4.42), result('least-connections', 0.528), result('ip-hash', 2.41, 20)]);
    expect(v.tone).toBe('warn');
    expect(v.text).toBe('round-robin: p99 4.42 s; least-connections would give 528 ms (8.4× lower)');
  });

  it('warns about failures even when the latency is fine', () => {
    const v = labVerdict('ip-hash', [result('round-robin', 0.1), result('ip-hash', 0.1, 30)]);
    expect(v.tone).toBe('warn');
    expect(v.text).toMatch(/^ip-hash holds up: p99 100 ms, 3\.0 % failed or timed out/);
  });

  it('says a fleet at or beyond capacity is overloaded whatever the algorithm', () => {
    const v = labVerdict('round-robin', [result('round-robin', 15.3), result('least-connections', 15.3)], { offeredPerSecond: 520, capacityPerSecond: 250 });
    expect(v.tone).toBe('warn');
    expect(v.text).toBe('fleet overloaded: 520 req/s against 250 req/s of capacity, so no algorithm helps (round-robin p99 15.3 s); add capacity');
    expect(labVerdict('round-robin', [result('round-robin', 0.1)], { offeredPerSecond: 100, capacityPerSecond: 250 }).text).toMatch(/holds up/);
  });

  it('formats seconds for people', () => {
    expect(formatSeconds(0.0042)).toBe('4.2 ms');
    expect(formatSeconds(0.335)).toBe('335 ms');
    expect(formatSeconds(13.4)).toBe('13.4 s');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });
});
