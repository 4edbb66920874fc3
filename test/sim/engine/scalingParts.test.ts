// The scaling controller's mechanisms are parts of the timer kernel: each registers its own block and
// answers its own timers (no dispatch over slot ranges). Driven here through a recording kernel and a
// hand-made host, so each mechanism's timer is seen to reach its own handler and to act.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../sim/engine/model';
import { ScalingController, type ScalingHost } from '../../../sim/engine/scaling/controller';
import type { TimerBlock } from '../../../sim/engine/timers';
import { plan, resolve, SOLID } from './helpers';

interface RecordedBlock {
  count: number;
  describe: (local: number) => string;
  onTimer: (local: number, t: number) => boolean;
  scheduled: Map<number, number>;
}

function setUp() {
  const gw = {
    id: 'gw', kind: 'gateway', instances: 1, capacityRpsPerInstance: 100, reliability: SOLID,
    autoscaling: { min: 1, max: 4, targetUtilization: 0.5, reactionSeconds: 60, launchSeconds: 90 },
  };
  const model = compileModel(resolve(plan([{ id: 'users', kind: 'clients', requestsPerSecond: 150 }, gw], [['users', 'gw']])), 1);
  const gwNode = model.nodes.findIndex((n) => n.id === 'gw');
  const activated: number[] = [];
  const host: ScalingHost = {
    downCount: new Int32Array(model.components.length),
    capacity: new Float64Array(model.components.length),
    activate: (c) => activated.push(c),
    deactivate: () => undefined,
    invalidate: () => undefined,
    // 150 rps offered to the fleet, all on its one running instance.
    fleetLoad: (n) => (n === gwNode ? 150 : 0),
    upInstances: (n) => (n === gwNode ? 1 : 0),
    upInstanceLoads: (n, loads, slopes) => {
      if (n !== gwNode) return 0;
      loads[0] = 150;
      slopes[0] = 0;
      return 1;
    },
    fleetLoadSlopeOf: () => 0,
    // No swing: u = sin ωt is always 0.
    sineAt: () => 0,
    // No DNS: routing never moves between events.
    nextLoadBreakpoint: () => Infinity,
    fleetLoadsBefore: () => undefined,
  };
  const controller = new ScalingController(model, host);
  const blocks: RecordedBlock[] = [];
  controller.registerTimers((count, describe, onTimer) => {
    const block: RecordedBlock = { count, describe, onTimer, scheduled: new Map() };
    blocks.push(block);
    const timers: TimerBlock = {
      schedule: (local, delay) => block.scheduled.set(local, delay),
      restart: (local, delay) => block.scheduled.set(local, delay),
      cancel: (local) => block.scheduled.delete(local),
    };
    return timers;
  }, (c) => `instance ${c}`);
  for (const c of controller.initialize()) host.downCount[c] = 1;
  return { model, gwNode, controller, blocks, activated };
}

describe('scaling controller mechanisms as registered parts', () => {
  it('registers one block per mechanism: launches per component, reactions, scale-ins and ramps per node, one look', () => {
    const { model, blocks } = setUp();
    expect(blocks.map((b) => b.count)).toEqual([model.components.length, model.nodes.length, model.nodes.length, model.nodes.length, 1, model.nodes.length]);
    expect(blocks.map((b) => b.describe(0))).toEqual([
      'autoscaling launches of instance 0',
      `autoscaling reactions of "${model.nodes[0]!.id}"`,
      `autoscaling scale-ins of "${model.nodes[0]!.id}"`,
      `serverless warm-up of "${model.nodes[0]!.id}"`,
      'the autoscaling controller (its looks at the diurnal load)',
      `serverless load crossing the warm capacity of "${model.nodes[0]!.id}"`,
    ]);
  });

  it('a shortfall schedules the reaction on its own block; the reaction launches on the launch block; the launch activates its slot', () => {
    const { model, gwNode, controller, blocks, activated } = setUp();
    const [launches, reactions] = [blocks[0]!, blocks[1]!];
    // need = ceil(150 / (100 × 0.5)) = 3 up instances; one runs: the reaction is due in 60 s.
    controller.afterEvaluation(0);
    expect([...reactions.scheduled]).toEqual([[gwNode, 60]]);
    expect(launches.scheduled.size).toBe(0);
    // The reaction's own handler launches the two missing instances (slots 1 and 2), 90 s each.
    const first = model.nodes[gwNode]!.component;
    expect(reactions.onTimer(gwNode, 60)).toBe(true);
    expect([...launches.scheduled]).toEqual([[first + 1, 90], [first + 2, 90]]);
    // A launch finishing activates exactly its slot.
    expect(launches.onTimer(first + 1, 150)).toBe(true);
    expect(activated).toEqual([first + 1]);
    expect(controller.slotEnd[gwNode]).toBe(2);
  });
});
