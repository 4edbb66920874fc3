/**
 * Region and zone defaults: outage processes, zones per region, and map coordinates of common
 * provider region codes. Plain data; must not import anything outside sim/model and sim/catalog.
 */
import type { Distribution, OutageProcess } from '../model/schema';
import { RESEARCH, RESEARCH_AS_OF, type Figure, type FigureMeta } from './figure';

/** A region's or a zone's outage process, as the plan's `outage` and `zoneOutage` fields hold it. */
export type RegionOutageFigure = Figure<OutageProcess>;

// Durations are shared by every region: the rate differs by region, the recovery story does not
// (fit to AWS post-event summaries, 3.8–23.7 h, median 8.6 h, σ_ln 0.69; widened to 0.8 for the 2011 tail).
const REGION_OUTAGE_HOURS: Distribution = { dist: 'lognormal', median: 8, sigma: 0.8 };

const genericOutage: RegionOutageFigure = {
  value: { ratePerYear: 0.1, durationHours: REGION_OUTAGE_HOURS },
  source: `${RESEARCH} §2e (recommended defaults) and §6 region.outage_rate_per_year`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note:
    'Above the PES-only rate (0.004/region-yr) on purpose: a workload depends on several regional ' +
    'services and PES counts miss shorter "elevated error" events. Plausible range 0.02–0.5/yr, at least ±3×.',
};

const usEast1Outage: RegionOutageFigure = {
  value: { ratePerYear: 0.6, durationHours: REGION_OUTAGE_HOURS },
  source: `${RESEARCH} §2a/§2e: 9 us-east-1 post-event summaries 2011–2025 (9 / 15 yr)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: '90 % Poisson interval 0.31–1.05 per year; a lower bound on regional impairment.',
};

const zoneOutage: RegionOutageFigure = {
  value: { ratePerYear: 0.2, durationHours: { dist: 'lognormal', median: 6, sigma: 1.2 } },
  source: `${RESEARCH} §2b/§2c/§2e az_outage_rate and az_outage_duration`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Per zone. Range 0.05–0.5/yr. The duration fit was median 9.2 h, σ 1.28 (n = 8); the default keeps the heavy tail.',
};

// A non-geographic shared failure that plans can add as a commonCause (not applied by default:
// defaults add no mechanism).
const globalControlPlaneOutage: RegionOutageFigure = {
  value: { ratePerYear: 0.2, durationHours: { dist: 'lognormal', median: 5, sigma: 0.5 } },
  source: `${RESEARCH} §6 region.global_control_plane_outage (GCP 2025-06-12, Azure AFD 2025-10-29, Azure WAN 2023-01-25)`,
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
};

const zones: Figure<number> = {
  value: 3,
  source: 'AWS, Azure and GCP regions: at least three availability zones in most regions',
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Some regions have more (us-east-1 has six); three is the common minimum.',
};

/**
 * Approximate coordinates of the metro area each region code is publicly associated with. They feed
 * the great-circle stand-in for latency, so a few tens of kilometres do not matter.
 */
const locations: Record<string, { lat: number; lon: number }> = {
  // AWS
  'us-east-1': { lat: 38.9, lon: -77.4 },
  'us-east-2': { lat: 40.0, lon: -83.0 },
  'us-west-1': { lat: 37.4, lon: -121.9 },
  'us-west-2': { lat: 45.8, lon: -119.7 },
  'ca-central-1': { lat: 45.5, lon: -73.6 },
  'sa-east-1': { lat: -23.5, lon: -46.6 },
  'eu-west-1': { lat: 53.3, lon: -6.3 },
  'eu-west-2': { lat: 51.5, lon: -0.1 },
  'eu-west-3': { lat: 48.9, lon: 2.3 },
  'eu-central-1': { lat: 50.1, lon: 8.7 },
  'eu-north-1': { lat: 59.3, lon: 18.1 },
  'ap-south-1': { lat: 19.1, lon: 72.9 },
  'ap-southeast-1': { lat: 1.3, lon: 103.8 },
  'ap-southeast-2': { lat: -33.9, lon: 151.2 },
  'ap-northeast-1': { lat: 35.7, lon: 139.7 },
  'ap-northeast-2': { lat: 37.6, lon: 127.0 },
  // Azure
  eastus: { lat: 37.4, lon: -79.8 },
  eastus2: { lat: 36.7, lon: -78.4 },
  centralus: { lat: 41.6, lon: -93.6 },
  southcentralus: { lat: 29.4, lon: -98.5 },
  westus2: { lat: 47.2, lon: -119.9 },
  northeurope: { lat: 53.3, lon: -6.3 },
  westeurope: { lat: 52.4, lon: 4.9 },
  uksouth: { lat: 50.9, lon: -0.8 },
  southeastasia: { lat: 1.3, lon: 103.8 },
  australiaeast: { lat: -33.9, lon: 151.2 },
  // GCP
  'us-central1': { lat: 41.3, lon: -95.9 },
  'us-east1': { lat: 33.2, lon: -80.0 },
  'us-east4': { lat: 39.0, lon: -77.5 },
  'us-west1': { lat: 45.6, lon: -121.2 },
  'europe-west1': { lat: 50.4, lon: 3.8 },
  'europe-west4': { lat: 53.4, lon: 6.8 },
  'europe-west9': { lat: 48.9, lon: 2.3 },
  'asia-east1': { lat: 24.1, lon: 120.5 },
  'asia-northeast1': { lat: 35.7, lon: 139.7 },
  'asia-southeast1': { lat: 1.3, lon: 103.8 },
  'australia-southeast1': { lat: -33.9, lon: 151.2 },
};

const locationsMeta: FigureMeta = {
  source: "Each provider's public region list (the city it names), placed at that metro area's centre",
  asOf: RESEARCH_AS_OF,
  flag: 'estimated',
  note: 'Providers do not publish data-centre coordinates; these are city-level, rounded to 0.1°.',
};

export const REGION_CATALOG = {
  outage: {
    generic: genericOutage,
    byCode: { 'us-east-1': usEast1Outage } as Record<string, RegionOutageFigure>,
  },
  zoneOutage,
  globalControlPlaneOutage,
  zones,
  locations,
  locationsMeta,
};
