/**
 * The typed face of simjs's queueing facilities (FCFS `Facility` with c servers, `useFacility`,
 * reneging with `waitUntil`), read from the one namespace the engine's adapter installed
 * (sim/engine/simjs.ts) — simjs is never loaded another way. Must not import Node, the DOM or React.
 */
import { getSimjs, type SimjsNamespace, type SimjsSim } from '../engine/simjs';

export interface SimjsQueueRequest {
  done(callback: (this: never, argument?: unknown) => void, context?: object, argument?: unknown): SimjsQueueRequest;
  /** Reneges (gives up waiting) `delay` seconds after the request was made, unless service has started. */
  waitUntil(delay: number, callback: (this: never, argument?: unknown) => void, context?: object, argument?: unknown): SimjsQueueRequest;
}

/** An FCFS facility: `servers` requests in service at once, the rest wait in its queue. */
export interface SimjsFacility {
  readonly servers: number;
  readonly free: number;
}

export interface SimjsQueueEntity {
  sim: SimjsSim;
  time(): number;
  setTimer(durationSeconds: number): SimjsQueueRequest;
  useFacility(facility: SimjsFacility, durationSeconds: number): SimjsQueueRequest;
}

interface FacilityConstructor {
  new (name: string, discipline: number, servers: number): SimjsFacility;
  FCFS: number;
}

export interface SimjsQueueing {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsQueueEntity;
  Facility: FacilityConstructor;
}

/** The installed simjs namespace, checked for the queueing parts the lab uses. */
export function getSimjsQueueing(): SimjsQueueing {
  const ns = getSimjs() as SimjsNamespace & { Facility?: FacilityConstructor };
  if (typeof ns.Facility !== 'function' || typeof ns.Facility.FCFS !== 'number') {
    throw new Error('the installed simjs namespace has no Facility: the traffic lab needs simjs 2.0.3');
  }
  return ns as unknown as SimjsQueueing;
}
