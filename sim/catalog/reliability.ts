/**
 * Default time-to-failure and time-to-repair distributions per node kind and fleet platform.
 * Plain data; must not import anything outside sim/model and sim/catalog.
 */
import type { Reliability } from '../model/schema';
import { RESEARCH, RESEARCH_AS_OF, type Figure } from './figure';

export type ReliabilityFigure = Figure<Reliability>;

const HOURS_PER_YEAR = 8760;
/** Exponential time to failure from a yearly failure rate (the research states rates, the plan means). */
const everyYears = (ratePerYear: number) => ({ dist: 'exponential' as const, mean: HOURS_PER_YEAR / ratePerYear });

const dns: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(1 / 20),
    timeToRepairHours: { dist: 'lognormal', median: 1, sigma: 0.7 },
  },
  source: `${RESEARCH} §6 dns_route53.mtbf_years (20) and mttr_h`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'No Route 53 data-plane outage appears in the post-event sample; the SLA is 100 %. MTBF 20 years is a judgement.',
};

const loadBalancer: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(0.2),
    timeToRepairHours: { dist: 'lognormal', median: 2, sigma: 1.0 },
  },
  source: `${RESEARCH} §1a ELB SLA 99.99 % (≥ 2 zones) and §2a ELB 2012 / NLB 2025 us-east-1 events`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'Two load-balancer events in 15 years of us-east-1 summaries, widened for other causes. ' +
    '0.2/yr × mean 3.3 h ≈ 0.66 h/yr ≈ 99.992 %, just inside the 99.99 % SLA.',
};

// Per instance (PLAN-FORMAT meaning 2). The repair is the platform replacing the instance on its own
// (EC2 auto-recovery or an autoscaling group's health replacement: its own detection, launch and boot),
// because without a router in front that is the whole outage (meaning 3). A balancer's detection is
// modelled separately by the engine and only shortens what requests see.
const vm: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(0.05),
    timeToRepairHours: { dist: 'lognormal', median: 8 / 60, sigma: 0.5 },
  },
  source: `${RESEARCH} §6 ec2_instance.failure_rate_per_year (0.05) and mttr_min_with_asg (median 8 min)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'Per instance. Rate from disk AFR 1–5 % and Dean cluster data (range 0.02–0.5/yr). Repair assumes the ' +
    'platform replaces a dead VM by itself (~1 min detection + launch and boot); a hand-rebuilt VM would ' +
    'take hours, so override the repair for pets.',
};

const container: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(2),
    timeToRepairHours: { dist: 'lognormal', median: 0.1, sigma: 0.7 },
  },
  source: `${RESEARCH} §3 Kubernetes probe defaults and §6 container_platform; rates judged`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'Per container. Containers die more often than hosts (crashes, OOM kills, node drains): 2/yr. Without ' +
    'probes (defaults add none) the orchestrator reschedules a lost pod in minutes (node grace period and ' +
    'eviction), median 6 min; with a liveness probe the engine uses detection + restartSeconds instead.',
};

// Whole fleet, not per instance: a managed serverless platform fails as a regional service incident
// (Lambda 2023, Kinesis 2020/2024), so instance counts say nothing about its failures.
const serverless: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(0.1),
    timeToRepairHours: { dist: 'lognormal', median: 3, sigma: 0.8 },
  },
  source: `${RESEARCH} §6 lambda.regional_incident_rate_per_year (generic 0.1) and mttr_h`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Whole fleet in one region, regional-incident style. API Gateway is similar (0.1/yr, median 4 h). SLA 99.95 %.',
};

const serverlessUsEast1: ReliabilityFigure = {
  ...serverless,
  value: { ...serverless.value, timeToFailureHours: everyYears(0.5) },
  source: `${RESEARCH} §6 lambda.regional_incident_rate_per_year (us-east-1 0.5: 2017 S3, 2020 Kinesis, 2023 Lambda, 2024 Kinesis, 2025 DynamoDB)`,
};

const datastore: ReliabilityFigure = {
  value: {
    timeToFailureHours: everyYears(0.1),
    timeToRepairHours: { dist: 'lognormal', median: 1, sigma: 1.0 },
  },
  source: `${RESEARCH} §6 rds_multi_az.instance_failure_rate_per_year (0.1) and §3 RDS single-AZ recovery ("10 min to hours")`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'A single database instance with nothing to fail over to: the repair is its recovery in place.',
};

/** Engine-specific whole-node figures for managed services in their usual multi-zone form. */
const datastoreByEngine: Record<string, ReliabilityFigure> = {
  dynamodb: {
    value: {
      timeToFailureHours: everyYears(0.03),
      timeToRepairHours: { dist: 'lognormal', median: 3.5, sigma: 0.5 },
    },
    source: `${RESEARCH} §6 dynamodb.regional_incident_rate_per_year (generic 0.03) and mttr_h`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'A regional table as a whole; us-east-1 saw 0.15/yr (2015, 2025).',
  },
  aurora: {
    value: {
      timeToFailureHours: everyYears(0.1),
      timeToRepairHours: { dist: 'lognormal', median: 60 / 3600, sigma: 0.5 },
    },
    source: `${RESEARCH} §6 aurora.failover_s (60, range 30–120) and rds_multi_az.instance_failure_rate_per_year`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'A multi-zone cluster: a writer failure is repaired by in-cluster failover to a reader, about a minute.',
  },
  rds: {
    value: {
      timeToFailureHours: everyYears(0.1),
      // Median at the range's geometric middle, σ so that p5 and p95 fall on 60 s and 120 s.
      timeToRepairHours: { dist: 'lognormal', median: 85 / 3600, sigma: 0.21 },
    },
    source: `${RESEARCH} §3 RDS Multi-AZ failover "typically 60–120 seconds" (published) and a judged 0.1/yr`,
    asOf: RESEARCH_AS_OF,
    flag: 'estimated',
    note: 'Multi-AZ instance: the standby takes over in 60–120 s; 90 % of draws fall inside that range.',
  },
};

export const RELIABILITY_CATALOG = {
  dns,
  loadBalancer,
  // A fleet with no platform is read as VMs: the kind defaults equal the vm platform's.
  gateway: vm,
  service: vm,
  datastore,
  platform: { vm, container, serverless },
  serverlessByCode: { 'us-east-1': serverlessUsEast1 } as Record<string, ReliabilityFigure>,
  datastoreByEngine,
};
