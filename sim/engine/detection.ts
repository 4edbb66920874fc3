/**
 * Health-check detection delays, sampled once at the failure (or recovery) instant instead of one
 * event per probe (PLAN-FORMAT meaning 5). Imports only sim/engine/random and plan types.
 */
import type { RandomStream } from './random';

export interface HealthCheckSettings {
  intervalSeconds: number;
  failureThreshold: number;
  recoveryThreshold: number;
  checkers: number;
  propagationSeconds: number;
}

/** A health check compiled for sampling. */
export interface DetectionLaw {
  intervalSeconds: number;
  failureThreshold: number;
  recoveryThreshold: number;
  checkers: number;
  /** Which checker's verdict flips the target to unhealthy: the j-th to see the failure. */
  failureOrder: number;
  /** Which checker's verdict flips it back to healthy. */
  recoveryOrder: number;
  propagationSeconds: number;
}

/**
 * Route 53's rule: a target is healthy while MORE than 18 % of its checkers report it healthy. So a
 * failure is declared when the j-th checker flips with M − j ≤ 0.18·M, i.e. j = M − ⌊0.18·M⌋, and a
 * recovery when ⌊0.18·M⌋ + 1 checkers see it. Integer arithmetic keeps 0.18·M exact. M = 1 gives
 * j = 1 both ways: the one-checker law.
 */
export function compileHealthCheck(hc: HealthCheckSettings): DetectionLaw {
  const m = hc.checkers;
  const tolerated = Math.floor((18 * m) / 100);
  return {
    intervalSeconds: hc.intervalSeconds,
    failureThreshold: hc.failureThreshold,
    recoveryThreshold: hc.recoveryThreshold,
    checkers: m,
    failureOrder: m - tolerated,
    recoveryOrder: tolerated + 1,
    propagationSeconds: hc.propagationSeconds,
  };
}

/**
 * Delay from a change of the target's true state to the check's verdict:
 * (threshold − 1)·I + U₍ⱼ₎·I + propagation, where U₍ⱼ₎ is the j-th smallest of M independent
 * uniform phases. One checker: U(0, I) + (k − 1)·I.
 */
export function sampleDetectionSeconds(law: DetectionLaw, stream: RandomStream, failure: boolean): number {
  const threshold = failure ? law.failureThreshold : law.recoveryThreshold;
  const order = failure ? law.failureOrder : law.recoveryOrder;
  const phase = law.checkers === 1 ? stream.next() : orderStatistic(order, law.checkers, stream);
  return (threshold - 1 + phase) * law.intervalSeconds + law.propagationSeconds;
}

/**
 * The j-th order statistic of m U(0, 1) draws without sorting or allocating: with E₁…E₍ₘ₊₁₎
 * independent exponentials, (E₁ + … + Eⱼ) / (E₁ + … + E₍ₘ₊₁₎) has the Beta(j, m − j + 1) law.
 */
function orderStatistic(j: number, m: number, stream: RandomStream): number {
  let head = 0;
  let total = 0;
  for (let i = 1; i <= m + 1; i++) {
    const e = -Math.log(1 - stream.next());
    total += e;
    if (i === j) head = total;
  }
  return head / total;
}
