/**
 * What an outage takes down: one mapping shared by the plan's random overlays (model.ts: region,
 * zone and common-cause outages) and the scripted disruptions of scenarios (scenarios.ts), which may
 * also name one node. Reads components and passives through narrow shapes, so it imports nothing.
 */

/** What an outage hits. A zone carries its region's zone count (instances without a zone sit in i mod zones). */
export type OutageTarget =
  | { kind: 'region'; region: string }
  | { kind: 'zone'; region: string; zone: number; zones: number }
  | { kind: 'node'; node: string }
  | { kind: 'commonCause'; affects: ReadonlySet<string> };

/** A component as the mapping sees it: its node's id, region, zone (−1: none named) and instance (−1: not a fleet instance). */
export interface OutageComponent {
  readonly nodeId: string;
  readonly region: string | undefined;
  readonly zone: number;
  readonly instance: number;
}

/** A backup or monitor as the mapping sees it (meaning 17): its id, region and zone (−1: not zone-bound). */
export interface OutagePassive {
  readonly sourceId: string;
  readonly region: string | undefined;
  readonly zone: number;
}

/**
 * Whether the outage takes the component down. A zone holds the components that name it, and fleet
 * instance i without a named zone when i mod zones is the zone; a non-fleet node only when it names its zone.
 */
export function hitsComponent(target: OutageTarget, c: OutageComponent): boolean {
  switch (target.kind) {
    case 'region':
      return c.region === target.region;
    case 'zone':
      return c.region === target.region && (c.zone >= 0 ? c.zone === target.zone : c.instance >= 0 && c.instance % target.zones === target.zone);
    case 'node':
      return c.nodeId === target.node;
    case 'commonCause':
      return target.affects.has(c.nodeId);
  }
}

/** Whether the outage takes the backup or monitor down (a zone only when it names that zone). */
export function hitsPassive(target: OutageTarget, p: OutagePassive): boolean {
  switch (target.kind) {
    case 'region':
      return p.region === target.region;
    case 'zone':
      return p.region === target.region && p.zone === target.zone;
    case 'node':
      return p.sourceId === target.node;
    case 'commonCause':
      return target.affects.has(p.sourceId);
  }
}

/** The indices of the components and of the passives the outage takes down, in increasing order. */
export function outageMembers(
  target: OutageTarget,
  components: readonly OutageComponent[],
  passives: readonly OutagePassive[],
): { members: Int32Array; passiveMembers: Int32Array } {
  const members: number[] = [];
  for (let i = 0; i < components.length; i++) if (hitsComponent(target, components[i]!)) members.push(i);
  const passiveMembers: number[] = [];
  for (let i = 0; i < passives.length; i++) if (hitsPassive(target, passives[i]!)) passiveMembers.push(i);
  return { members: Int32Array.from(members), passiveMembers: Int32Array.from(passiveMembers) };
}
