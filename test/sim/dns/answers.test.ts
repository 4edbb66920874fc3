import { describe, expect, it } from 'vitest';
import { answerFor, compileDnsRecord, GLOBAL_ORIGIN } from '../../../sim/engine/dns/answers';
import { greatCircleKm } from '../../../sim/engine/dns/greatCircle';
import { resolvePlan } from '../../../sim/model/resolve';
import type { Plan } from '../../../sim/model/schema';

function planWith(dns: Record<string, unknown>): Plan {
  return {
    schemaVersion: 1,
    name: 'dns kernel',
    regions: [
      { id: 'use1', provider: 'aws', code: 'us-east-1', location: { lat: 38.9, lon: -77.4 } },
      { id: 'usw2', provider: 'aws', code: 'us-west-2', location: { lat: 45.8, lon: -119.7 } },
      { id: 'euw1', provider: 'aws', code: 'eu-west-1', location: { lat: 53.3, lon: -6.3 } },
    ],
    nodes: [
      { id: 'dns', kind: 'dns', ...dns } as Plan['nodes'][number],
      { id: 'a', kind: 'loadBalancer', region: 'use1' },
      { id: 'b', kind: 'loadBalancer', region: 'usw2' },
      { id: 'c', kind: 'loadBalancer', region: 'euw1' },
    ],
    edges: [],
  };
}

function answer(dnsFields: Record<string, unknown>, healthy: number[], origins: string[] = [GLOBAL_ORIGIN], origin = 0): number[] {
  const resolved = resolvePlan(planWith(dnsFields));
  const dns = resolved.nodes[0]!;
  if (dns.kind !== 'dns') throw new Error('expected dns');
  const record = compileDnsRecord(resolved, dns, origins);
  const out = new Float64Array(record.targetIds.length);
  answerFor(record, Uint8Array.from(healthy), origin, out);
  return [...out];
}

describe('great-circle distance', () => {
  it('gives 111.2 km per degree along the equator and about 5,570 km London–New York', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 2);
    const d = greatCircleKm({ lat: 51.5074, lon: -0.1278 }, { lat: 40.7128, lon: -74.006 });
    expect(d).toBeGreaterThan(5540);
    expect(d).toBeLessThan(5600);
  });
});

describe('DNS answers (PLAN-FORMAT meaning 7)', () => {
  const failover = { policy: 'failover', targets: [{ node: 'a', role: 'primary' }, { node: 'b', role: 'secondary' }] };

  it('simple always answers its one target', () => {
    expect(answer({ policy: 'simple', targets: [{ node: 'a' }] }, [0])).toEqual([1]);
  });

  it('failover answers the primary while believed healthy, the secondary otherwise, and fails back', () => {
    expect(answer(failover, [1, 1])).toEqual([1, 0]);
    expect(answer(failover, [0, 1])).toEqual([0, 1]);
    expect(answer(failover, [1, 0])).toEqual([1, 0]);
  });

  it('failover fails open to the primary when no target is believed healthy', () => {
    expect(answer(failover, [0, 0])).toEqual([1, 0]);
  });

  it('weighted shares are weight over the sum of believed-healthy weights', () => {
    const weighted = { policy: 'weighted', targets: [{ node: 'a', weight: 3 }, { node: 'b', weight: 1 }, { node: 'c', weight: 4 }] };
    expect(answer(weighted, [1, 1, 1])).toEqual([3 / 8, 1 / 8, 4 / 8]);
    expect(answer(weighted, [1, 0, 1])).toEqual([3 / 7, 0, 4 / 7]);
    expect(answer(weighted, [0, 0, 0])).toEqual([3 / 8, 1 / 8, 4 / 8]);
  });

  it('latency sends each origin to the nearest target believed healthy', () => {
    const latency = { policy: 'latency', targets: [{ node: 'a' }, { node: 'b' }, { node: 'c' }] };
    const origins = ['use1', 'usw2', 'euw1'];
    expect(answer(latency, [1, 1, 1], origins, 0)).toEqual([1, 0, 0]);
    expect(answer(latency, [1, 1, 1], origins, 1)).toEqual([0, 1, 0]);
    expect(answer(latency, [1, 1, 1], origins, 2)).toEqual([0, 0, 1]);
    // us-east-1 down: its clients go to the next nearest, us-west-2 (3,300 km) rather than Ireland (5,500 km).
    expect(answer(latency, [0, 1, 1], origins, 0)).toEqual([0, 1, 0]);
    // Ireland's clients fall back to us-east-1, nearer than us-west-2.
    expect(answer(latency, [1, 1, 0], origins, 2)).toEqual([1, 0, 0]);
  });

  it('geo sends an origin to its listed target, else the default, else no answer', () => {
    const geo = { policy: 'geo', targets: [{ node: 'a', origins: ['use1'] }, { node: 'c', origins: ['euw1'] }, { node: 'b', default: true }] };
    const origins = ['use1', 'euw1', 'usw2'];
    expect(answer(geo, [1, 1, 1], origins, 0)).toEqual([1, 0, 0]);
    expect(answer(geo, [1, 1, 1], origins, 1)).toEqual([0, 1, 0]);
    expect(answer(geo, [1, 1, 1], origins, 2)).toEqual([0, 0, 1]);
    expect(answer(geo, [0, 1, 1], origins, 0)).toEqual([0, 0, 1]);
    expect(answer(geo, [0, 1, 0], origins, 0)).toEqual([0, 0, 0]);
    expect(answer(geo, [0, 0, 0], origins, 0)).toEqual([1, 0, 0]);
  });
});
