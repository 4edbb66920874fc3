// The one outage mapping (sim/engine/outages.ts) behind the plan's random overlays and the scripted
// scenarios: each kind against hand-listed members, and the scenario compiler and the model agreeing.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../sim/engine/model';
import { hitsComponent, hitsPassive, outageMembers, type OutageComponent, type OutagePassive } from '../../../sim/engine/outages';
import { compileScenarioModel } from '../../../sim/engine/scenarios';
import { plan, resolve, SOLID } from './helpers';

// Six instances of a fleet in region r (3 zones, none named), a database pinned to zone 1 of r, a
// balancer in r without a zone, and a service in region s.
const components: OutageComponent[] = [
  ...[0, 1, 2, 3, 4, 5].map((i) => ({ nodeId: 'fleet', region: 'r', zone: -1, instance: i })),
  { nodeId: 'db', region: 'r', zone: 1, instance: -1 },
  { nodeId: 'lb', region: 'r', zone: -1, instance: -1 },
  { nodeId: 'svc', region: 's', zone: -1, instance: -1 },
];
const passives: OutagePassive[] = [
  { sourceId: 'backup-r1', region: 'r', zone: 1 },
  { sourceId: 'backup-r', region: 'r', zone: -1 },
  { sourceId: 'pager', region: undefined, zone: -1 },
];

describe('outage mapping', () => {
  it('a region takes every component and passive placed in it', () => {
    const m = outageMembers({ kind: 'region', region: 'r' }, components, passives);
    expect([...m.members]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...m.passiveMembers]).toEqual([0, 1]);
  });

  it('a zone takes instances i with i mod zones = zone, and nodes that name it; never a node without a zone', () => {
    const m = outageMembers({ kind: 'zone', region: 'r', zone: 1, zones: 3 }, components, passives);
    expect([...m.members]).toEqual([1, 4, 6]);
    expect([...m.passiveMembers]).toEqual([0]);
    expect([...outageMembers({ kind: 'zone', region: 'r', zone: 0, zones: 3 }, components, passives).members]).toEqual([0, 3]);
    // The same zone index of another region is another zone.
    expect(hitsComponent({ kind: 'zone', region: 's', zone: 1, zones: 3 }, components[6]!)).toBe(false);
  });

  it('a node takes its own components (every instance) and a passive of that id', () => {
    expect([...outageMembers({ kind: 'node', node: 'fleet' }, components, passives).members]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hitsPassive({ kind: 'node', node: 'pager' }, passives[2]!)).toBe(true);
  });

  it('a common cause takes the nodes and passives it names', () => {
    const m = outageMembers({ kind: 'commonCause', affects: new Set(['db', 'svc', 'pager']) }, components, passives);
    expect([...m.members]).toEqual([6, 8]);
    expect([...m.passiveMembers]).toEqual([2]);
  });

  it('a scripted zone failure takes exactly the members of the random zone overlay of the same plan', () => {
    const p = resolve(
      plan(
        [
          { id: 'users', kind: 'clients', requestsPerSecond: 10 },
          { id: 'fleet', kind: 'gateway', region: 'r', instances: 5, reliability: SOLID },
        ],
        [['users', 'fleet']],
        { regions: [{ id: 'r', zones: 2, outage: null, zoneOutage: { ratePerYear: 1, durationHours: { dist: 'fixed', value: 1 } } }] },
      ),
    );
    const model = compileModel(p, 1);
    for (const zone of [0, 1]) {
      const random = model.overlays.find((o) => o.sourceId === `zone:r:${zone}`)!;
      const scripted = compileScenarioModel(p, { id: 'z', atHours: 1, durationHours: 1, fail: { zone: { region: 'r', zone } } }).overlays[0]!;
      expect([...scripted.members]).toEqual([...random.members]);
      expect(random.members.length).toBe(zone === 0 ? 3 : 2);
    }
  });
});
