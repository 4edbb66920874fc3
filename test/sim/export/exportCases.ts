// The plans every export test runs on: each bundled template, plus a fixture that exercises the
// mappings the templates do not (weighted and geo DNS, values AWS cannot express, S3 and RDS
// replication, a zone-pinned fleet, an Azure region). Also the Route 53 record rules our own
// semantic checks enforce (the validators miss them). Test-only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPlanText } from '../../../sim/model/io';
import type { Plan } from '../../../sim/model/schema';
import { TEMPLATES } from '../../../sim/templates';

export interface ExportCase {
  name: string;
  plan: Plan;
}

function fixture(name: string): ExportCase {
  const text = readFileSync(fileURLToPath(new URL(`../../fixtures/plans/${name}.plan.json`, import.meta.url)), 'utf8');
  const load = loadPlanText(text);
  if (!load.ok || !load.plan) throw new Error(`fixture ${name} is not a valid plan: ${load.errors.map((e) => e.message).join('; ')}`);
  return { name, plan: load.plan };
}

export const COVERAGE = fixture('export-coverage');
export const CASES: ExportCase[] = [...TEMPLATES.map((t) => ({ name: t.name, plan: t.plan })), COVERAGE];

/** A Route 53 record as both formats describe it. */
export interface RecordView {
  /** The record's zone and name, as written (references to inputs). */
  group: string;
  policies: ('failover' | 'weighted' | 'latency' | 'geo')[];
  setIdentifier?: string;
  weight?: unknown;
  failover?: string;
  location?: string;
  healthCheck: boolean;
  ttl: number;
}

/** Route 53's rules for records sharing a name; returns every broken rule (empty when all hold). */
export function recordProblems(records: RecordView[]): string[] {
  const problems: string[] = [];
  const groups = new Map<string, RecordView[]>();
  for (const r of records) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  for (const r of records) {
    if (r.policies.length > 1) problems.push(`${r.group}: a record with several routing policies (${r.policies.join(', ')})`);
    if (r.weight !== undefined && r.setIdentifier === undefined) problems.push(`${r.group}: Weight without SetIdentifier`);
    if (r.policies.length > 0 && r.setIdentifier === undefined) problems.push(`${r.group}: a ${r.policies[0]} record without SetIdentifier`);
    if (r.policies.length === 0 && r.setIdentifier !== undefined) problems.push(`${r.group}: SetIdentifier "${r.setIdentifier}" without a routing policy`);
    if (r.policies.length === 0 && r.healthCheck) problems.push(`${r.group}: a simple record with a health check`);
  }
  for (const [group, rs] of groups) {
    const kinds = new Set(rs.map((r) => r.policies[0] ?? 'simple'));
    if (kinds.size > 1) problems.push(`${group}: records mix routing policies ${[...kinds].join(', ')}`);
    const ids = rs.map((r) => r.setIdentifier).filter((x) => x !== undefined);
    if (new Set(ids).size !== ids.length) problems.push(`${group}: repeated set identifiers`);
    const kind = [...kinds][0];
    if (kind === 'simple' && rs.length > 1) problems.push(`${group}: ${rs.length} simple records for one name`);
    if (kind === 'failover') {
      const primaries = rs.filter((r) => r.failover === 'PRIMARY').length;
      const secondaries = rs.filter((r) => r.failover === 'SECONDARY').length;
      if (primaries !== 1 || secondaries > 1 || primaries + secondaries !== rs.length) problems.push(`${group}: failover needs one PRIMARY and at most one SECONDARY (got ${primaries} and ${secondaries})`);
    }
    if (kind === 'geo' || kind === 'latency') {
      const locations = rs.map((r) => r.location);
      if (new Set(locations).size !== locations.length) problems.push(`${group}: two ${kind} records for one location`);
    }
    if (new Set(rs.map((r) => r.ttl)).size > 1) problems.push(`${group}: records with different TTLs`);
  }
  return problems;
}

/** The exported plan's DNS nodes whose answers the export keeps (AWS targets). */
export function dnsNodes(plan: Plan) {
  return plan.nodes.flatMap((n) => (n.kind === 'dns' ? [n] : []));
}
