/**
 * Human detection and response delays, with and without alarming and on-call. They apply only to
 * manual promotions and restores (PLAN-FORMAT meaning 3). Plain data; imports only sim/model and sim/catalog.
 */
import type { Distribution } from '../model/schema';
import { RESEARCH, RESEARCH_AS_OF, type Figure } from './figure';

export interface HumanDelays {
  detectionMinutes: Distribution;
  responseMinutes: Distribution;
}

const monitored: Figure<HumanDelays> = {
  value: {
    detectionMinutes: { dist: 'uniform', min: 1, max: 5 },
    responseMinutes: { dist: 'lognormal', median: 25, sigma: 0.5 },
  },
  source: `${RESEARCH} §4b Monitoring (MTTD 1–5 min with alarming) and §3 (human-gated end-to-end RTO 30–60 min)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'An alarm pages on-call; response (ack, diagnose, decide) median 25 min, p95 ≈ 57 min, so that ' +
    'detection + response + promotion lands in the 30–60 min human-gated range.',
};

const unmonitored: Figure<HumanDelays> = {
  value: {
    detectionMinutes: { dist: 'uniform', min: 15, max: 30 },
    responseMinutes: { dist: 'lognormal', median: 30, sigma: 0.8 },
  },
  source: `${RESEARCH} §4b Monitoring (MTTD 15–30 min without alarming, user-reported)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Nobody is paged: users report it, then someone able to act has to be found (wider response tail).',
};

export const MONITORING_CATALOG = { monitored, unmonitored };
