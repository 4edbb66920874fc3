/**
 * Dated list unit prices (AWS us-east-1, on-demand, USD) for the cost model. Every entry carries its
 * source and as-of month. Plain data; must not import anything outside sim/catalog.
 */
import { SECONDARY_SOURCE, type Figure } from './figure';

/** A price the research read only in a secondary copy (its P2 flag). */
const p2 = (value: number, source: string, asOf: string, note?: string): Figure<number> => ({
  value,
  source,
  asOf,
  flag: 'published',
  note: note ? `${SECONDARY_SOURCE}; ${note}` : SECONDARY_SOURCE,
});
/** A price read in the provider's own text (its P flag). */
const p1 = (value: number, source: string, asOf: string, note?: string): Figure<number> => ({
  value,
  source,
  asOf,
  flag: 'published',
  ...(note ? { note } : {}),
});
/** A price recalled, not read (its U flag). */
const unverified = (value: number, source: string, asOf: string, note: string): Figure<number> => ({
  value,
  source,
  asOf,
  flag: 'estimated',
  note: `unverified; ${note}`,
});

// Several sources date a price only as "2024–26"; we stamp the end of that span and say so.
const SPAN_2024_26 = 'source dates span 2024–2026';
// And some only as "2026": we stamp January so the date is never later than the source.
const YEAR_ONLY_2026 = 'dated only "2026"';

export const PRICES_CATALOG = {
  ec2: {
    usdPerHourByType: {
      'm7g.large': p2(0.0816, 'factualminds.com', '2026-06-17'),
      'm5.large': p2(0.096, 'kindatechnical.com', '2023-10'),
    } as Record<string, Figure<number>>,
  },
  fargate: {
    usdPerVcpuHour: p2(0.04048, 'vantage.sh; wring.co; factualminds.com', '2026-06', 'Linux x86'),
    usdPerGbHour: p2(0.004445, 'vantage.sh; wring.co; factualminds.com', '2026-06', 'Linux x86'),
  },
  eks: {
    controlPlaneUsdPerHour: p1(0.1, 'AWS Containers blog (EKS extended-support pricing)', '2024-04', 'standard support; $0.60/h in extended support'),
  },
  lambda: {
    usdPerMillionRequests: p1(0.2, 'AWS whitepaper "How AWS Pricing Works"', '2026-06', SPAN_2024_26),
    usdPerGbSecondX86: p2(0.0000166667, 'cloudchipr', '2026-06', `first 6 B GB-s; ${SPAN_2024_26}`),
    usdPerGbSecondArm: p2(0.0000133334, 'cloudchipr', '2026-06', `first 7.5 B GB-s; ${SPAN_2024_26}`),
  },
  apiGateway: {
    restUsdPerMillionRequests: p1(3.5, 'AWS whitepaper "Best practices for API GW private APIs" (cost section); awsforengineers', '2025-05-19', 'first 333 M requests a month'),
    httpUsdPerMillionRequests: p1(1.0, 'same whitepaper', '2025-05-19', 'first 300 M requests a month'),
  },
  alb: {
    usdPerHour: p2(0.0225, 'awsnegotiations.com', '2026-05', '≈ $16.4 a month'),
    usdPerLcuHour: p2(0.008, 'awsnegotiations.com', '2026-05'),
  },
  nlb: {
    usdPerHour: p2(0.0225, 'awsnegotiations.com', '2026-05'),
    usdPerNlcuHour: p2(0.006, 'awsnegotiations.com', '2026-05'),
  },
  route53: {
    hostedZoneUsdPerMonth: p2(0.5, 'ns1.com; public repos', '2026-06', `first 25 zones; ${SPAN_2024_26}`),
    standardQueryUsdPerMillion: p2(0.4, 'public repos; ns1.com', '2026-06', `first 1 B queries; ${SPAN_2024_26}`),
    latencyQueryUsdPerMillion: p2(0.6, 'public repos; ns1.com', '2026-06', SPAN_2024_26),
    geoQueryUsdPerMillion: p2(0.7, 'public repos; ns1.com', '2026-06', SPAN_2024_26),
    aliasQueryUsdPerMillion: p2(0, 'public repos; ns1.com', '2026-06', 'alias queries to AWS resources are free'),
    healthCheckAwsUsdPerMonth: p2(0.5, 'wewantcode; repo notes', '2026-06', SPAN_2024_26),
    healthCheckNonAwsUsdPerMonth: p2(0.75, 'wewantcode; repo notes', '2026-06', SPAN_2024_26),
    healthCheckOptionalFeatureUsdPerMonth: unverified(1.0, 'recalled', '2026-06', 'per optional feature (HTTPS, string match, fast interval) on an AWS endpoint; $2 non-AWS'),
  },
  dynamodb: {
    usdPerMillionWriteUnits: p2(0.625, 'airbyte; jusdb', '2025-08', 'on-demand, after the 1 Nov 2024 cut'),
    usdPerMillionReadUnits: p2(0.125, 'airbyte; jusdb', '2025-08', 'on-demand, after the 1 Nov 2024 cut'),
    usdPerMillionReplicatedWriteUnits: p2(0.625, 'jusdb; airbyte', '2025-08', 'global tables: priced like writes, per replica region'),
    storageUsdPerGbMonth: p2(0.25, 'a repo comment citing the AWS Price List API', '2026-08', 'first 25 GB free'),
  },
  rds: {
    usdPerHourByClass: {
      'db.r6g.large-mysql': p2(0.24, 'store-v2 RDS-vs-Aurora calculator; infratally', '2026-01', YEAR_ONLY_2026),
      'db.r6g.large-postgres': p2(0.25, 'store-v2 RDS-vs-Aurora calculator; infratally', '2026-01', YEAR_ONLY_2026),
      'db.t4g.small': p2(0.032, 'store-v2 RDS-vs-Aurora calculator; infratally', '2026-01', `single-AZ; ${YEAR_ONLY_2026}`),
    } as Record<string, Figure<number>>,
    multiAzMultiplier: p1(2, 'RDS User Guide, On-Demand DB instances ("can cost approximately twice as much")', '2026-01', YEAR_ONLY_2026),
    gp3StorageUsdPerGbMonth: p2(0.115, 'store-v2; infratally', '2026-01', `doubled for Multi-AZ; ${YEAR_ONLY_2026}`),
  },
  aurora: {
    usdPerHourByClass: {
      'db.r6g.large-mysql': p2(0.29, 'store-v2 RDS-vs-Aurora calculator; infratally', '2026-01', YEAR_ONLY_2026),
      'db.r6g.large-postgres': p2(0.3, 'store-v2 RDS-vs-Aurora calculator; infratally', '2026-01', YEAR_ONLY_2026),
    } as Record<string, Figure<number>>,
    storageUsdPerGbMonth: p2(0.1, 'store-v2; usage.ai', '2026-06'),
    ioUsdPerMillion: p2(0.2, 'store-v2; usage.ai', '2026-06'),
    serverlessV2UsdPerAcuHour: p2(0.12, 'usage.ai', '2026-06'),
  },
  dataTransfer: {
    interRegionUsdPerGb: p2(0.02, 'kindatechnical; serverdevworker', '2023-10', 'US region pairs'),
    internetEgressUsdPerGb: p2(0.09, 'kindatechnical; serverdevworker', '2023-10'),
    crossAzUsdPerGbEachWay: p2(0.01, 'kindatechnical; serverdevworker', '2023-10'),
  },
  s3: {
    // Backups are priced as full copies in S3 Standard; the research lists no S3 storage price.
    standardStorageUsdPerGbMonth: unverified(0.023, 'recalled (Amazon S3 pricing page, S3 Standard, first 50 TB)', '2026-06', 'not in the research; re-check before relying on it'),
  },
  cloudwatch: {
    metricUsdPerMonth: p2(0.3, 'CloudWatch pricing worked example (quoted); repos', '2026-06', `first 10 k metrics; ${SPAN_2024_26}`),
    alarmUsdPerMonth: p2(0.1, 'CloudWatch pricing worked example (quoted); repos', '2026-06', `standard alarm, 10 free; ${SPAN_2024_26}`),
    logsIngestUsdPerGb: p2(0.5, 'CloudWatch pricing worked example (quoted); repos', '2026-06', SPAN_2024_26),
    dashboardUsdPerMonth: p2(3, 'CloudWatch pricing worked example (quoted); repos', '2026-06', SPAN_2024_26),
  },
};
