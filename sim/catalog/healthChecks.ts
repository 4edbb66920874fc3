/**
 * Health-check, probe and DNS-caching defaults (Route 53, ALB, Kubernetes, resolver behaviour).
 * Plain data; must not import anything outside sim/model and sim/catalog.
 */
import { RESEARCH, RESEARCH_AS_OF, SECONDARY_SOURCE, type Figure } from './figure';

export interface HealthCheckDefaults {
  intervalSeconds: number;
  failureThreshold: number;
  recoveryThreshold: number;
  checkers: number;
  propagationSeconds: number;
}

const route53: Figure<HealthCheckDefaults> = {
  value: { intervalSeconds: 30, failureThreshold: 3, recoveryThreshold: 3, checkers: 16, propagationSeconds: 30 },
  source:
    'Route 53 Developer Guide "How Route 53 determines health" and AWS::Route53::HealthCheck (interval 30 s, ' +
    `threshold 3, same threshold for recovery, >18 % rule); ${RESEARCH} §3`,
  asOf: RESEARCH_AS_OF,
  flag: 'published',
  note:
    'checkers 16 approximates "about 15 checker locations"; propagationSeconds 30 is unpublished (assumed ' +
    '10–60 s). Fast checks use a 10 s interval at extra cost.',
};

const alb: Figure<HealthCheckDefaults> = {
  value: { intervalSeconds: 30, failureThreshold: 2, recoveryThreshold: 5, checkers: 1, propagationSeconds: 0 },
  source: `ALB User Guide target-group-health-checks.md (interval 30 s, unhealthy 2, healthy 5, fail open); ${RESEARCH} §3`,
  asOf: RESEARCH_AS_OF,
  flag: 'published',
  note: 'One logical checker and no propagation step: the balancer acts on its own verdict.',
};

const kubernetesProbe: Figure<{ periodSeconds: number; failureThreshold: number }> = {
  value: { periodSeconds: 10, failureThreshold: 3 },
  source: 'kubernetes.io "Configure liveness, readiness and startup probes" (defaults 0/10/1/1/3)',
  asOf: RESEARCH_AS_OF,
  flag: 'published',
  note: SECONDARY_SOURCE,
};

const podRestartSeconds: Figure<number> = {
  value: 45,
  source: `${RESEARCH} §6 container_platform.pod_restart_s`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Container start plus readiness after the kubelet kills a container that failed its liveness probe.',
};

export const HEALTH_CHECK_CATALOG = { route53, alb, kubernetesProbe, podRestartSeconds };

export const DNS_CATALOG: Record<'ttlSeconds' | 'ttlViolationFraction' | 'ttlViolationSeconds', Figure<number>> = {
  ttlSeconds: {
    value: 60,
    source: 'Route 53 FAQ and Developer Guide: failover records ≤ 60 s recommended; alias records to ELB fixed at 60 s',
    asOf: RESEARCH_AS_OF,
    flag: 'published',
  },
  ttlViolationFraction: {
    value: 0.02,
    source: 'Flavel, Mani, Maltz, "Re-evaluating the responsiveness of DNS-based network control", IEEE LANMAN 2014',
    asOf: '2014-05',
    flag: 'published',
    note: 'Measured with a 20 s TTL: 2 % of users still used the stale answer after 15 min. 8.74 % of resolvers extend TTLs (PAM 2023).',
  },
  ttlViolationSeconds: {
    value: 900,
    source: 'Flavel, Mani, Maltz, IEEE LANMAN 2014 (the 15 min observation point)',
    asOf: '2014-05',
    flag: 'published',
    note: 'The study observed the stale share at 15 min; treating 15 min as how long it stays is our simplification.',
  },
};
