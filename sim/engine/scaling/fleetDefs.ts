/**
 * Compiled scaling and container facts of a fleet (autoscaling, serverless, probes) and the
 * compile-time search for components whose failure alone stops every request. Pure functions over
 * the engine model's shapes; imports only sim/engine.
 */
import type { DetectionLaw } from '../detection';

export interface AutoscalingDef {
  min: number;
  max: number;
  targetUtilization: number;
  reactionSeconds: number;
  launchSeconds: number;
}

export interface ServerlessDef {
  /** Infinity when the plan gives no limit. */
  concurrencyLimit: number;
  requestSeconds: number;
  /** Concurrency added per second while scaling up (Infinity: instant). */
  scaleUpPerSecond: number;
}

export interface LivenessDef {
  law: DetectionLaw;
  restartSeconds: number;
}

/**
 * A Kubernetes probe as a one-checker detection law: a failure is seen after U(0, period) +
 * (failureThreshold − 1)·period; a recovery after U(0, period), since Kubernetes' successThreshold
 * is 1 (and must be 1 for liveness).
 */
export function compileProbeLaw(probe: { periodSeconds: number; failureThreshold: number }): DetectionLaw {
  return {
    intervalSeconds: probe.periodSeconds,
    failureThreshold: probe.failureThreshold,
    recoveryThreshold: 1,
    checkers: 1,
    failureOrder: 1,
    recoveryOrder: 1,
    propagationSeconds: 0,
  };
}

interface NodeShape {
  role: number;
  component: number;
  instances: number;
  children: Int32Array;
  requestsPerSecond: number;
}

/**
 * Components that every offered request needs, whatever the balancers believe: a series node (or a
 * one-slot fleet) on every client's path outside any balancer's choice. While one of them is down
 * nothing is served, so the replication can skip the traffic pass (the common case of a single load
 * balancer or database). Roles: 0 clients, 1 series, 2 fleet; any other role chooses among its
 * children (balancers, and routers added later), so only what all its children need is required —
 * its own component is left out, which errs on the safe side (fewer shortcuts, never a wrong one).
 */
export function criticalComponents(nodes: NodeShape[], componentCount: number): Uint8Array {
  const req: Set<number>[] = new Array<Set<number>>(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    const childSets = Array.from(n.children, (c) => req[c]!);
    let own: Set<number>;
    if (n.role === 0 || n.role === 1 || n.role === 2) {
      own = new Set<number>();
      for (const s of childSets) for (const x of s) own.add(x);
      if (n.role === 1 || (n.role === 2 && n.instances === 1)) own.add(n.component);
    } else {
      own = childSets.length === 0 ? new Set() : new Set([...childSets[0]!].filter((x) => childSets.every((s) => s.has(x))));
      // A load balancer (role 3) is itself on the path of everything it forwards.
      if (n.role === 3 && n.component >= 0) own.add(n.component);
    }
    req[i] = own;
  }
  const out = new Uint8Array(componentCount);
  const clients = nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.role === 0 && n.requestsPerSecond > 0);
  if (clients.length === 0) return out;
  for (const x of req[clients[0]!.i]!) if (clients.every(({ i }) => req[i]!.has(x))) out[x] = 1;
  return out;
}
