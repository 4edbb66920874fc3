/**
 * Data defaults: replication lag per engine, promotion timing and success (and how drills raise it),
 * and backup settings. Plain data plus one pure function; must not import outside sim/model and sim/catalog.
 */
import type { Distribution } from '../model/schema';
import { RESEARCH, RESEARCH_AS_OF, SECONDARY_SOURCE, type Figure } from './figure';

const lag = (median: number, sigma: number): Distribution => ({ dist: 'lognormal', median, sigma });

/** Cross-region asynchronous replication lag in seconds, drawn afresh at each failure. */
const replicationLagSeconds: Record<string, Figure<Distribution>> = {
  aurora: {
    value: lag(1, 0.5),
    source: `Aurora Global Database product page: storage-based replication "<1 s", effective RPO 1 s (${RESEARCH} §3)`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: `The typical lag is published (${SECONDARY_SOURCE}); the spread is ours.`,
  },
  dynamodb: {
    value: lag(1, 0.7),
    source: `DynamoDB Developer Guide, global tables: "usually propagated ... within a second" (${RESEARCH} §3, §6)`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'Median from the published "within a second"; σ 0.7 puts p99 near the estimated 5 s of normal operation.',
  },
  rds: {
    value: lag(5, 1.1),
    source: `RDS User Guide USER_ReadRepl.XRgn (asynchronous, no typical figure); ${RESEARCH} §6 rds_cross_region_replica`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'Seconds in normal load (1–30 s: p95 ≈ 30 s), minutes under heavy writes (the tail).',
  },
  mysql: {
    value: lag(5, 1.1),
    source: `${RESEARCH} §6 rds_cross_region_replica (binlog replication behaves alike)`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
  },
  postgres: {
    value: lag(5, 1.1),
    source: `${RESEARCH} §6 rds_cross_region_replica (streaming replication behaves alike)`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
  },
  s3: {
    value: lag(15, 1.1),
    source: 'S3 User Guide, Replication Time Control: "most objects in seconds, 99.99 % within 15 min"',
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'σ 1.1 puts the 99.99th percentile at ~15 min from a 15 s median.',
  },
  generic: {
    value: lag(5, 1.0),
    source: `${RESEARCH} §3 (asynchronous replication: seconds normally, minutes under load)`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
  },
};

const automatic: Figure<{ detectionSeconds: number; seconds: number }> = {
  value: { detectionSeconds: 30, seconds: 60 },
  source: `Aurora Global Database: secondary promoted in <1 min; RDS Multi-AZ failover 60–120 s (${RESEARCH} §3, §6)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'The promotion step is published; the 30 s for automation to decide is ours (a few failed checks).',
};

/** Per-engine promotion step where the provider publishes one. */
const secondsByEngine: Record<string, Figure<number>> = {
  aurora: { ...automatic, value: 60 },
  rds: {
    value: 90,
    source: 'RDS User Guide Concepts.MultiAZ: failover "typically 60–120 seconds"',
    asOf: RESEARCH_AS_OF,
    flag: 'published',
    note: 'Midpoint of the published range.',
  },
};

const TESTED_SUCCESS = 0.97;
const UNTESTED_SUCCESS = 0.75;

const successProbability: Figure<{ untested: number; tested: number }> = {
  value: { untested: UNTESTED_SUCCESS, tested: TESTED_SUCCESS },
  source: `${RESEARCH} §4b Regular Testing and §6 testing_failover_success_prob`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Untested 0.7–0.8, tested 0.95–0.99 (Uptime: 4 in 5 outages preventable; operator error dominates repair time).',
};

/** Drills per year at which 95 % of the gap between untested and tested is closed. */
const DRILLS_FOR_FULL_EFFECT = 6;

const drillsForFullEffect: Figure<number> = {
  value: DRILLS_FOR_FULL_EFFECT,
  source: 'Our rule, to turn the research\'s "untested" and "tested" ends into a curve',
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'p = tested − (tested − untested)·exp(−3·drillsPerYear / 6), i.e. exp(−drillsPerYear / 2): every drill helps, ' +
    'the first ones most; quarterly drills give 0.94, two-monthly 0.96, none 0.75.',
};

/**
 * Probability that a promotion or restore succeeds for a team that drills `drillsPerYear` times a
 * year. Monotone non-decreasing, equal to the untested figure at 0 and tending to the tested one.
 */
export function promotionSuccessProbability(drillsPerYear: number): number {
  if (!(drillsPerYear >= 0)) throw new RangeError(`drillsPerYear must be a number ≥ 0, got ${drillsPerYear}`);
  // 3 e-foldings close 95 % of the gap, so DRILLS_FOR_FULL_EFFECT reads as "drills for (nearly) full effect".
  const gapLeft = Math.exp((-3 * drillsPerYear) / DRILLS_FOR_FULL_EFFECT);
  return TESTED_SUCCESS - (TESTED_SUCCESS - UNTESTED_SUCCESS) * gapLeft;
}

export interface BackupDefaults {
  intervalHours: number;
  restoreHours: Distribution;
  copies: number;
  media: number;
  offsite: boolean;
  restoreFailureProbability: number;
}

const backup: Figure<BackupDefaults> = {
  value: {
    intervalHours: 24,
    restoreHours: { dist: 'lognormal', median: 4, sigma: 1.0 },
    copies: 3,
    media: 2,
    offsite: true,
    restoreFailureProbability: 0.05,
  },
  source: `AWS DR whitepaper (backup & restore: RPO/RTO hours); RDS restore "10 min to hours"; 3-2-1 rule (${RESEARCH} §3, §5)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'Nightly, 3 copies on 2 media, one off-site. The restore step only (median 4 h, p95 ≈ 21 h): the ' +
    "research's 24 h end-to-end figure also counts detection, response and rebuilding, which the engine adds " +
    'from other phases. The 5 % restore failure rate is a judgement (no published figure).',
};

export const DATA_CATALOG = {
  replicationLagSeconds,
  promotion: { automatic, secondsByEngine, successProbability, drillsForFullEffect },
  backup,
};
