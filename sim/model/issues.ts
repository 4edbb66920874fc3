/**
 * Validation issues: every error or warning carries a stable code, the JSON path of the offending
 * field and a sentence a user understands. The code table below is the public contract (the CLI,
 * the inspector and tests rely on it). Pure data and helpers; imports nothing.
 */

/** Every code the validator can emit, with the rule it stands for. Codes never change meaning. */
export const ISSUE_CODES = {
  // document level
  'invalid-json': 'the file is not valid JSON',
  'not-an-object': 'a plan must be a JSON object',
  'unsupported-version': 'schemaVersion must be a version this program knows',
  // field level (from the schema)
  'missing-field': 'a required field is absent',
  'wrong-type': 'a field has the wrong type',
  'not-integer': 'a count must be a whole number',
  'out-of-range': 'a number or list length is outside its allowed range',
  'invalid-value': 'a field is not one of its allowed values',
  'invalid-format': 'a text field does not have the required form',
  'unknown-field': 'a field name is not part of the plan format',
  'unknown-kind': 'a node, edge or distribution kind is not known',
  // cross-references and structure
  'duplicate-id': 'ids must be unique within regions, nodes, common causes and scenarios',
  'unknown-node': 'a reference names a node that does not exist',
  'unknown-region': 'a reference names a region that does not exist',
  'unknown-common-cause': 'a scenario names a common cause that does not exist',
  'zone-out-of-range': 'a zone index must be below its region\u2019s zone count',
  'self-loop': 'an edge must join two different nodes',
  'duplicate-edge': 'the same edge is drawn twice',
  'traffic-cycle': 'traffic edges must not form a cycle',
  'traffic-into-clients': 'clients only send traffic, they never receive it',
  'passive-in-traffic': 'backup and monitor nodes take no part in traffic',
  'clients-edge-count': 'clients have exactly one outgoing traffic edge',
  'origins-sum': 'client origins must sum to 1',
  'dns-target-unknown': 'a DNS target names a node that does not exist',
  'dns-edges-mismatch': 'a DNS node\u2019s traffic edges, when drawn, must equal its targets',
  'dns-target-count': 'a simple DNS record has exactly one target',
  'failover-roles': 'a failover record has exactly one primary and at most one secondary',
  'weighted-weights': 'a weighted record needs a weight on every target and a positive total',
  'geo-default': 'a geo record has at most one default target',
  'replication-not-datastore': 'replication joins two datastores',
  'mixed-replication-modes': 'a dataset is either multi-writer or one primary with sync/async replicas, not both',
  'backup-of-not-datastore': 'a backup\u2019s "of" must name a datastore',
  'degenerate-distribution': 'a time to failure must have a positive mean',
  'autoscaling-bounds': 'instances must lie between autoscaling.min and autoscaling.max',
  'location-missing': 'latency routing needs a location for every region involved',
  'reserved-key': 'a key JavaScript reserves ("__proto__") cannot name anything in a plan',
  'too-frequent': 'a failure-and-repair cycle must typically last at least one second',
  'replication-group-too-large': 'a replication group holds at most 256 datastores',
  // warnings (never block)
  'cross-region-sync': 'AWS does not offer synchronous cross-region replication for this engine',
  'cross-region-auto-promotion': 'AWS cross-region promotion for this engine is user-initiated',
  'dynamodb-promotion': 'DynamoDB global tables are multi-writer and need no promotion',
  'route53-thresholds': 'Route 53 uses one threshold for failure and recovery',
  'route53-interval': 'Route 53 health checks run every 10 or 30 seconds',
  'alias-ttl': 'an alias record to an AWS load balancer has a fixed 60-second TTL',
  'backup-3-2-1': 'backups should keep 3 copies on 2 media with 1 off site',
  'unreachable-node': 'no client traffic reaches this node',
  'manual-check-settings': 'a manual DNS check is switched by people: its checker settings are not used',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;
export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** JSON path of the offending field, e.g. `nodes[3].healthCheck.intervalSeconds`. */
  path: string;
  /** The same path as segments, for programs (the inspector maps it to a field). */
  pathSegments: PathSegment[];
  message: string;
}

/** Formats path segments as `nodes[3].healthCheck.intervalSeconds` (`$` for the document root). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '$';
}

export function makeIssue(code: IssueCode, pathSegments: PathSegment[], message: string, severity: Severity = 'error'): Issue {
  return { code, severity, path: formatPath(pathSegments), pathSegments, message };
}

/** One line per issue, as the CLI prints them: `error unknown-node nodes[2].of: ...`. */
export function formatIssue(issue: Issue): string {
  return `${issue.severity} ${issue.code} ${issue.path}: ${issue.message}`;
}
