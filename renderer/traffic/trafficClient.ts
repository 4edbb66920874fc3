/**
 * Runs the traffic lab for the app: a full lab in its own Web Worker (terminated on cancel), and
 * quick verdicts in one shared worker, cached by plan and balancer so retyping a value already seen
 * costs nothing. Falls back to this thread where workers cannot start.
 */
import { installSimjs } from '../../sim/engine/simjs';
import type { ResolvedPlan } from '../../sim/model/resolve';
import { quickLabOptions, runTrafficLab, type TrafficLabOptions, type TrafficLabReport } from '../../sim/traffic-lab';
import type { TrafficLabMessage, TrafficLabRequest } from './trafficProtocol';

export class TrafficLabCancelled extends Error {
  constructor() {
    super('traffic lab cancelled');
  }
}

interface WorkerLike {
  postMessage(message: TrafficLabRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<TrafficLabMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

function createWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./trafficWorker.ts', import.meta.url), { type: 'module', name: 'resilience-traffic-lab' }) as unknown as WorkerLike;
  } catch {
    return null;
  }
}

async function runHere(request: TrafficLabRequest, onProgress?: (share: number) => void): Promise<TrafficLabReport> {
  const { default: Sim } = await import('simjs');
  installSimjs(Sim);
  const options = request.type === 'quick' ? quickLabOptions(request.plan, request.balancerId, request.options.seed) : request.options;
  return runTrafficLab(request.plan, request.balancerId, options, onProgress);
}

let nextId = 1;

export interface TrafficLabRun {
  promise: Promise<TrafficLabReport>;
  cancel(): void;
}

/** A full lab in a fresh worker; `cancel` stops it at once (the worker is terminated). */
export function runTrafficLabInWorker(plan: ResolvedPlan, balancerId: string, options: TrafficLabOptions, onProgress: (share: number) => void): TrafficLabRun {
  const request: TrafficLabRequest = { type: 'lab', id: nextId++, plan, balancerId, options };
  const worker = createWorker();
  if (!worker) {
    let cancelled = false;
    return {
      promise: runHere(request, onProgress).then((r) => {
        if (cancelled) throw new TrafficLabCancelled();
        return r;
      }),
      cancel: () => void (cancelled = true),
    };
  }
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<TrafficLabReport>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.id !== request.id) return;
      if (m.type === 'progress') onProgress(m.share);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m.report);
        else fail(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || 'the traffic-lab worker failed to start'));
    };
  });
  worker.postMessage(request);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      reject(new TrafficLabCancelled());
    },
  };
}

// Quick verdicts: one long-lived worker, answers matched by request id, results cached by key.
let quickWorker: WorkerLike | null | undefined;
const pending = new Map<number, { resolve: (r: TrafficLabReport) => void; reject: (e: Error) => void }>();
const cache = new Map<string, Promise<TrafficLabReport>>();
const CACHE_LIMIT = 40;

function quickWorkerInstance(): WorkerLike | null {
  if (quickWorker !== undefined) return quickWorker;
  quickWorker = createWorker();
  if (quickWorker) {
    quickWorker.onmessage = (event) => {
      const m = event.data;
      const waiting = pending.get(m.id);
      if (!waiting || m.type === 'progress') return;
      pending.delete(m.id);
      if (m.type === 'done') waiting.resolve(m.report);
      else waiting.reject(new Error(m.message));
    };
    quickWorker.onerror = (event) => {
      for (const w of pending.values()) w.reject(new Error(event.message || 'the traffic-lab worker failed'));
      pending.clear();
      quickWorker = null;
    };
  }
  return quickWorker;
}

/** The quick lab for a balancer (cached: the same plan and balancer never run twice). */
export function quickTrafficLabCached(plan: ResolvedPlan, balancerId: string): Promise<TrafficLabReport> {
  const key = `${balancerId}\u0001${JSON.stringify(plan)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const request: TrafficLabRequest = { type: 'quick', id: nextId++, plan, balancerId, options: {} };
  const worker = quickWorkerInstance();
  const promise = worker
    ? new Promise<TrafficLabReport>((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        worker.postMessage(request);
      })
    : runHere(request);
  cache.set(key, promise);
  // A failed run is not cached, so the next edit tries again.
  promise.catch(() => cache.delete(key));
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return promise;
}
