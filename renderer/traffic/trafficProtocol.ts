/** Messages between the app and the traffic-lab worker (trafficWorker.ts). Types only. */
import type { ResolvedPlan } from '../../sim/model/resolve';
import type { TrafficLabOptions, TrafficLabReport } from '../../sim/traffic-lab';

export interface TrafficLabRequest {
  type: 'lab' | 'quick';
  id: number;
  plan: ResolvedPlan;
  balancerId: string;
  options: TrafficLabOptions;
}

export type TrafficLabMessage =
  | { type: 'progress'; id: number; share: number }
  | { type: 'done'; id: number; report: TrafficLabReport }
  | { type: 'error'; id: number; message: string };
