/**
 * Request-level figures the traffic lab uses when a plan does not give them (mean request time of a
 * fleet, the request timeout, the client population). Plain data; must not import anything outside
 * sim/catalog.
 */
import { RESEARCH_AS_OF, type Figure } from './figure';

const JUDGED = 'Resilience Studio estimate';

export const TRAFFIC_LAB_CATALOG = {
  /** Mean time one gateway or service instance spends on a request when the fleet has no `requestSeconds`. */
  requestSeconds: {
    value: 0.1,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note:
      'A gateway request including its call to the backend: tens to a few hundred milliseconds in typical API ' +
      'latency reports; 100 ms is a round middle. Set `requestSeconds` on the fleet to use your own.',
  } satisfies Figure<number>,
  /** Spread of request times: lognormal with this standard deviation of the log. */
  requestTimeLogSigma: {
    value: 0.6,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'Request latencies are right-skewed and roughly lognormal; σ 0.6 gives p99 ≈ 3.5 × the median.',
  } satisfies Figure<number>,
  /** A request waiting or running longer than this fails with a timeout. */
  timeoutSeconds: {
    value: 29,
    source: 'Amazon API Gateway quotas: REST API integration timeout, default 29 s',
    asOf: '2024-06',
    flag: 'published',
    note: 'The default maximum integration timeout of a REST API; ALB idle timeout defaults to 60 s.',
  } satisfies Figure<number>,
  /** Distinct client addresses behind the clients node, for ip-hash. */
  clientAddresses: {
    value: 2000,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'A mid-sized API audience; carrier NAT and offices put about 8 clients in each /24 network.',
  } satisfies Figure<number>,
  /** Unevenness of client activity: lognormal σ of each address's share of requests. */
  clientActivityLogSigma: {
    value: 1.2,
    source: JUDGED,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'σ 1.2 makes the busiest 5 % of addresses send about a third of the requests (NAT gateways, heavy integrations).',
  } satisfies Figure<number>,
} as const;
