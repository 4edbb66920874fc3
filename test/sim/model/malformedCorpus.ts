// The malformed-plan corpus: each row takes the PLAN-FORMAT example (see planFixtures.ts for its
// node and edge indices), applies one named mutation and states every error it must produce, as
// [code, path] pairs in the validator's order, plus a word the message must contain.
// Text-level cases (bad JSON, wrong top-level type, versions via the loader) are files in
// test/fixtures/malformed/, listed in MALFORMED_FILES below.
import type { IssueCode } from '../../../sim/model/issues';
import type { Doc } from './planFixtures';

export interface MalformedCase {
  name: string;
  mutate: (plan: Doc) => void;
  /** Every error, in order: [code, path]. */
  errors: [IssueCode, string][];
  /** Text the first error's message must contain (the field or the id it is about). */
  mentions: string;
}

const distExp = (mean: number) => ({ dist: 'exponential', mean });

export const MALFORMED_CASES: MalformedCase[] = [
  // ── missing-field ────────────────────────────────────────────────────────────────────────
  { name: 'plan without a name', mutate: (p) => delete p.name, errors: [['missing-field', 'name']], mentions: '"name"' },
  { name: 'plan without nodes', mutate: (p) => delete p.nodes, errors: [['missing-field', 'nodes']], mentions: '"nodes"' },
  { name: 'plan without schemaVersion', mutate: (p) => delete p.schemaVersion, errors: [['missing-field', 'schemaVersion']], mentions: 'schemaVersion' },
  { name: 'backup without "of"', mutate: (p) => delete p.nodes[8].of, errors: [['missing-field', 'nodes[8].of']], mentions: '"of"' },
  { name: 'common cause without ratePerYear', mutate: (p) => delete p.commonCauses[0].ratePerYear, errors: [['missing-field', 'commonCauses[0].ratePerYear']], mentions: '"ratePerYear"' },
  { name: 'node without kind', mutate: (p) => delete p.nodes[4].kind, errors: [['missing-field', 'nodes[4].kind']], mentions: '"kind"' },
  { name: 'replication edge without mode', mutate: (p) => delete p.edges[7].mode, errors: [['missing-field', 'edges[7].mode']], mentions: '"mode"' },
  { name: 'distribution without dist', mutate: (p) => delete p.nodes[4].reliability.timeToRepairHours.dist, errors: [['missing-field', 'nodes[4].reliability.timeToRepairHours.dist']], mentions: '"dist"' },
  // ── wrong-type ───────────────────────────────────────────────────────────────────────────
  { name: 'requestsPerSecond as text', mutate: (p) => (p.nodes[0].requestsPerSecond = '500'), errors: [['wrong-type', 'nodes[0].requestsPerSecond']], mentions: '"requestsPerSecond"' },
  { name: 'nodes as an object', mutate: (p) => (p.nodes = { users: p.nodes[0] }), errors: [['wrong-type', 'nodes']], mentions: '"nodes"' },
  { name: 'offsite as "yes"', mutate: (p) => (p.nodes[8].offsite = 'yes'), errors: [['wrong-type', 'nodes[8].offsite']], mentions: '"offsite"' },
  { name: 'a node that is null', mutate: (p) => (p.nodes[2] = null), errors: [['wrong-type', 'nodes[2]']], mentions: 'Item 2 of "nodes"' },
  { name: 'location as a list', mutate: (p) => (p.regions[0].location = [38.9, -77.4]), errors: [['wrong-type', 'regions[0].location']], mentions: '"location"' },
  { name: 'affects as a single id', mutate: (p) => (p.commonCauses[0].affects = 'gw-east'), errors: [['wrong-type', 'commonCauses[0].affects']], mentions: '"affects"' },
  // ── not-integer ──────────────────────────────────────────────────────────────────────────
  { name: 'instances 2.5', mutate: (p) => (p.nodes[4].instances = 2.5), errors: [['not-integer', 'nodes[4].instances']], mentions: '"instances"' },
  { name: 'failureThreshold 2.5', mutate: (p) => (p.nodes[2].healthCheck.failureThreshold = 2.5), errors: [['not-integer', 'nodes[2].healthCheck.failureThreshold']], mentions: '"failureThreshold"' },
  { name: 'seed 4.2', mutate: (p) => (p.simulation.seed = 4.2), errors: [['not-integer', 'simulation.seed']], mentions: '"seed"' },
  { name: 'zones 2.5', mutate: (p) => (p.regions[0].zones = 2.5), errors: [['not-integer', 'regions[0].zones']], mentions: '"zones"' },
  { name: 'scenario zone 1.5', mutate: (p) => (p.scenarios[0].fail = { zone: { region: 'use1', zone: 1.5 } }), errors: [['not-integer', 'scenarios[0].fail.zone.zone']], mentions: '"zone"' },
  // ── out-of-range ─────────────────────────────────────────────────────────────────────────
  { name: 'writeFraction 1.2', mutate: (p) => (p.nodes[0].writeFraction = 1.2), errors: [['out-of-range', 'nodes[0].writeFraction']], mentions: '"writeFraction"' },
  { name: 'restoreFailureProbability 1.5', mutate: (p) => (p.nodes[8].restoreFailureProbability = 1.5), errors: [['out-of-range', 'nodes[8].restoreFailureProbability']], mentions: '"restoreFailureProbability"' },
  { name: 'promotion successProbability 1.01', mutate: (p) => (p.nodes[6].promotion.successProbability = 1.01), errors: [['out-of-range', 'nodes[6].promotion.successProbability']], mentions: '"successProbability"' },
  { name: 'negative scenario duration', mutate: (p) => (p.scenarios[0].durationHours = -4), errors: [['out-of-range', 'scenarios[0].durationHours']], mentions: '"durationHours"' },
  { name: 'negative ttlSeconds', mutate: (p) => (p.nodes[1].ttlSeconds = -1), errors: [['out-of-range', 'nodes[1].ttlSeconds']], mentions: '"ttlSeconds"' },
  { name: 'negative lognormal median', mutate: (p) => (p.regions[0].outage.durationHours.median = -8), errors: [['out-of-range', 'regions[0].outage.durationHours.median']], mentions: '"median"' },
  { name: 'DNS failureThreshold 0', mutate: (p) => (p.nodes[1].healthCheck.failureThreshold = 0), errors: [['out-of-range', 'nodes[1].healthCheck.failureThreshold']], mentions: '"failureThreshold"' },
  { name: 'balancer recoveryThreshold 0', mutate: (p) => (p.nodes[2].healthCheck.recoveryThreshold = 0), errors: [['out-of-range', 'nodes[2].healthCheck.recoveryThreshold']], mentions: '"recoveryThreshold"' },
  { name: 'balancer intervalSeconds 0', mutate: (p) => (p.nodes[3].healthCheck.intervalSeconds = 0), errors: [['out-of-range', 'nodes[3].healthCheck.intervalSeconds']], mentions: '"intervalSeconds"' },
  { name: 'instances 0', mutate: (p) => (p.nodes[4].instances = 0), errors: [['out-of-range', 'nodes[4].instances']], mentions: '"instances"' },
  { name: 'availability objective of 1', mutate: (p) => (p.objectives.availability = 1), errors: [['out-of-range', 'objectives.availability']], mentions: '"availability"' },
  { name: 'DNS with no targets', mutate: (p) => (p.nodes[1].targets = []), errors: [['out-of-range', 'nodes[1].targets']], mentions: '"targets"' },
  { name: 'latitude 95', mutate: (p) => (p.regions[0].location.lat = 95), errors: [['out-of-range', 'regions[0].location.lat']], mentions: '"lat"' },
  { name: 'uniform with max below min', mutate: (p) => (p.nodes[9].detectionMinutes = { dist: 'uniform', min: 5, max: 1 }), errors: [['out-of-range', 'nodes[9].detectionMinutes.max']], mentions: '"max"' },
  { name: 'autoscaling max below min', mutate: (p) => Object.assign(p.nodes[4].autoscaling, { min: 5, max: 2 }), errors: [['out-of-range', 'nodes[4].autoscaling.max']], mentions: '"max"' },
  { name: 'empty plan name', mutate: (p) => (p.name = ''), errors: [['out-of-range', 'name']], mentions: '"name"' },
  // ── invalid-value (an enum outside its list) ─────────────────────────────────────────────
  { name: 'DNS policy "round-robin"', mutate: (p) => (p.nodes[1].policy = 'round-robin'), errors: [['invalid-value', 'nodes[1].policy']], mentions: '"policy"' },
  { name: 'balancer algorithm "random"', mutate: (p) => (p.nodes[2].algorithm = 'random'), errors: [['invalid-value', 'nodes[2].algorithm']], mentions: '"algorithm"' },
  { name: 'replication mode "semi-sync"', mutate: (p) => (p.edges[7].mode = 'semi-sync'), errors: [['invalid-value', 'edges[7].mode']], mentions: '"mode"' },
  { name: 'provider "amazon"', mutate: (p) => (p.regions[0].provider = 'amazon'), errors: [['invalid-value', 'regions[0].provider']], mentions: '"provider"' },
  { name: 'DNS target role "tertiary"', mutate: (p) => (p.nodes[1].targets[1].role = 'tertiary'), errors: [['invalid-value', 'nodes[1].targets[1].role']], mentions: '"role"' },
  { name: 'scenario failing a region and a node at once', mutate: (p) => (p.scenarios[0].fail = { region: 'use1', node: 'gw-east' }), errors: [['invalid-value', 'scenarios[0].fail']], mentions: '"fail"' },
  // ── invalid-format (ids) ─────────────────────────────────────────────────────────────────
  { name: 'node id with a space', mutate: (p) => (p.nodes[4].id = 'gw east'), errors: [['invalid-format', 'nodes[4].id']], mentions: '"gw east"' },
  { name: 'edge endpoint with "!"', mutate: (p) => (p.edges[0].from = 'users!'), errors: [['invalid-format', 'edges[0].from']], mentions: '"users!"' },
  { name: 'region id starting with "-"', mutate: (p) => (p.regions[0].id = '-use1'), errors: [['invalid-format', 'regions[0].id']], mentions: '"-use1"' },
  { name: 'origin key with a space', mutate: (p) => (p.nodes[0].origins = { 'us east': 0.6, usw2: 0.4 }), errors: [['invalid-format', 'nodes[0].origins["us east"]']], mentions: '"us east"' },
  // ── unknown-field ────────────────────────────────────────────────────────────────────────
  { name: 'typo "mtbfHour" on a gateway', mutate: (p) => (p.nodes[4].mtbfHour = 2000), errors: [['unknown-field', 'nodes[4].mtbfHour']], mentions: '"mtbfHour"' },
  { name: 'top-level "simulations"', mutate: (p) => (p.simulations = { seed: 1 }), errors: [['unknown-field', 'simulations']], mentions: '"simulations"' },
  { name: 'health check "interval" without its unit', mutate: (p) => (p.nodes[1].healthCheck.interval = 30), errors: [['unknown-field', 'nodes[1].healthCheck.interval']], mentions: '"interval"' },
  { name: 'distribution field "meen"', mutate: (p) => (p.nodes[4].reliability.timeToFailureHours = { dist: 'exponential', mean: 5, meen: 3 }), errors: [['unknown-field', 'nodes[4].reliability.timeToFailureHours.meen']], mentions: '"meen"' },
  // ── unknown-kind ─────────────────────────────────────────────────────────────────────────
  { name: 'node kind "gatway"', mutate: (p) => (p.nodes[4].kind = 'gatway'), errors: [['unknown-kind', 'nodes[4].kind']], mentions: '"gatway"' },
  { name: 'distribution "exp"', mutate: (p) => (p.nodes[4].reliability.timeToFailureHours.dist = 'exp'), errors: [['unknown-kind', 'nodes[4].reliability.timeToFailureHours.dist']], mentions: '"exp"' },
  { name: 'edge kind "dependency"', mutate: (p) => (p.edges[0].kind = 'dependency'), errors: [['unknown-kind', 'edges[0].kind']], mentions: '"dependency"' },
  // ── unsupported-version (given to validatePlan directly; the loader's path is in the files) ─
  { name: 'schemaVersion 2', mutate: (p) => (p.schemaVersion = 2), errors: [['unsupported-version', 'schemaVersion']], mentions: 'schemaVersion 2' },
  { name: 'schemaVersion 0', mutate: (p) => (p.schemaVersion = 0), errors: [['unsupported-version', 'schemaVersion']], mentions: 'schemaVersion 0' },
  { name: 'schemaVersion as the text "1"', mutate: (p) => (p.schemaVersion = '1'), errors: [['unsupported-version', 'schemaVersion']], mentions: 'the text "1"' },
  // ── duplicate-id ─────────────────────────────────────────────────────────────────────────
  { name: 'a second node "ops"', mutate: (p) => p.nodes.push({ id: 'ops', kind: 'monitor' }), errors: [['duplicate-id', 'nodes[10].id']], mentions: '"ops"' },
  { name: 'a second region "use1"', mutate: (p) => p.regions.push({ id: 'use1' }), errors: [['duplicate-id', 'regions[2].id']], mentions: '"use1"' },
  { name: 'a scenario id used twice', mutate: (p) => p.scenarios.push({ ...p.scenarios[0] }), errors: [['duplicate-id', 'scenarios[1].id']], mentions: '"lose-east"' },
  { name: 'a common cause named like a node', mutate: (p) => (p.commonCauses[0].id = 'ops'), errors: [['duplicate-id', 'commonCauses[0].id']], mentions: '"ops"' },
  // ── unknown-node ─────────────────────────────────────────────────────────────────────────
  { name: 'edge to a misspelt node', mutate: (p) => (p.edges[3].to = 'gw-est'), errors: [['unknown-node', 'edges[3].to']], mentions: '"gw-est"' },
  { name: 'edge from a misspelt node', mutate: (p) => (p.edges[5].from = 'gw-easy'), errors: [['unknown-node', 'edges[5].from']], mentions: '"gw-easy"' },
  { name: 'backup of a missing node', mutate: (p) => (p.nodes[8].of = 'db-north'), errors: [['unknown-node', 'nodes[8].of']], mentions: '"db-north"' },
  { name: 'common cause affecting a missing node', mutate: (p) => (p.commonCauses[0].affects[1] = 'gw-north'), errors: [['unknown-node', 'commonCauses[0].affects[1]']], mentions: '"gw-north"' },
  { name: 'scenario failing a missing node', mutate: (p) => (p.scenarios[0].fail = { node: 'db-north' }), errors: [['unknown-node', 'scenarios[0].fail.node']], mentions: '"db-north"' },
  // ── unknown-region ───────────────────────────────────────────────────────────────────────
  { name: 'node in a missing region', mutate: (p) => (p.nodes[2].region = 'euw1'), errors: [['unknown-region', 'nodes[2].region']], mentions: '"euw1"' },
  { name: 'client origin in a missing region', mutate: (p) => (p.nodes[0].origins = { use1: 0.6, euw1: 0.4 }), errors: [['unknown-region', 'nodes[0].origins.euw1']], mentions: '"euw1"' },
  { name: 'scenario failing a missing region', mutate: (p) => (p.scenarios[0].fail = { region: 'euw1' }), errors: [['unknown-region', 'scenarios[0].fail.region']], mentions: '"euw1"' },
  { name: 'scenario failing a zone of a missing region', mutate: (p) => (p.scenarios[0].fail = { zone: { region: 'euw1', zone: 0 } }), errors: [['unknown-region', 'scenarios[0].fail.zone.region']], mentions: '"euw1"' },
  { name: 'a zone without a region', mutate: (p) => (p.nodes[9].zone = 0), errors: [['unknown-region', 'nodes[9].zone']], mentions: '"ops"' },
  { name: 'geo target origin in a missing region', mutate: (p) => Object.assign(p.nodes[1], { policy: 'geo', targets: [{ node: 'lb-east', origins: ['use1'] }, { node: 'lb-west', origins: ['euw1'], default: true }] }), errors: [['unknown-region', 'nodes[1].targets[1].origins[0]']], mentions: '"euw1"' },
  // ── unknown-common-cause, zone-out-of-range ──────────────────────────────────────────────
  { name: 'scenario naming a missing common cause', mutate: (p) => (p.scenarios[0].fail = { commonCause: 'bad-deploys' }), errors: [['unknown-common-cause', 'scenarios[0].fail.commonCause']], mentions: '"bad-deploys"' },
  { name: 'node in zone 3 of a 3-zone region', mutate: (p) => (p.nodes[6].zone = 3), errors: [['zone-out-of-range', 'nodes[6].zone']], mentions: '"db-east"' },
  { name: 'scenario failing zone 5 of a 3-zone region', mutate: (p) => (p.scenarios[0].fail = { zone: { region: 'use1', zone: 5 } }), errors: [['zone-out-of-range', 'scenarios[0].fail.zone.zone']], mentions: 'zone 5' },
  // ── graph shape ──────────────────────────────────────────────────────────────────────────
  { name: 'edge from a node to itself', mutate: (p) => p.edges.push({ kind: 'traffic', from: 'gw-east', to: 'gw-east' }), errors: [['self-loop', 'edges[8].to']], mentions: '"gw-east"' },
  { name: 'the same edge twice', mutate: (p) => p.edges.push({ ...p.edges[3] }), errors: [['duplicate-edge', 'edges[8]']], mentions: '"lb-east"' },
  {
    name: 'a DNS target listed twice',
    mutate: (p) => Object.assign(p.nodes[1], { policy: 'weighted', targets: [{ node: 'lb-east', weight: 1 }, { node: 'lb-west', weight: 1 }, { node: 'lb-east', weight: 1 }] }),
    errors: [['duplicate-edge', 'nodes[1].targets']],
    mentions: '"lb-east"',
  },
  { name: 'edge back from a gateway to its balancer', mutate: (p) => p.edges.push({ kind: 'traffic', from: 'gw-east', to: 'lb-east' }), errors: [['traffic-cycle', 'edges[8]']], mentions: 'lb-east → gw-east → lb-east' },
  {
    name: 'cycle closed by a DNS target with no drawn edge',
    mutate: (p) => {
      p.nodes.push({ id: 'inner-dns', kind: 'dns', targets: [{ node: 'lb-east' }] });
      p.edges.push({ kind: 'traffic', from: 'lb-east', to: 'inner-dns' });
    },
    errors: [['traffic-cycle', 'nodes[10].targets']],
    mentions: 'inner-dns → lb-east',
  },
  {
    name: 'traffic into clients',
    mutate: (p) => {
      p.nodes.push({ id: 'prober', kind: 'gateway' });
      p.edges.push({ kind: 'traffic', from: 'prober', to: 'users' });
    },
    errors: [['traffic-into-clients', 'edges[8].to']],
    mentions: '"users"',
  },
  { name: 'traffic into a backup', mutate: (p) => p.edges.push({ kind: 'traffic', from: 'gw-east', to: 'nightly' }), errors: [['passive-in-traffic', 'edges[8].to']], mentions: '"nightly"' },
  { name: 'traffic out of a monitor', mutate: (p) => p.edges.push({ kind: 'traffic', from: 'ops', to: 'lb-east' }), errors: [['passive-in-traffic', 'edges[8].from']], mentions: '"ops"' },
  { name: 'clients with no outgoing edge', mutate: (p) => p.edges.splice(0, 1), errors: [['clients-edge-count', 'nodes[0]']], mentions: '0 outgoing' },
  { name: 'clients with two outgoing edges', mutate: (p) => p.edges.push({ kind: 'traffic', from: 'users', to: 'lb-west' }), errors: [['clients-edge-count', 'nodes[0]']], mentions: '2 outgoing' },
  { name: 'origins summing to 0.9', mutate: (p) => (p.nodes[0].origins = { use1: 0.6, usw2: 0.3 }), errors: [['origins-sum', 'nodes[0].origins']], mentions: '0.9' },
  // ── DNS ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'DNS target naming a missing node (its edge then mismatches)',
    mutate: (p) => (p.nodes[1].targets[1].node = 'lb-north'),
    errors: [['dns-target-unknown', 'nodes[1].targets[1].node'], ['dns-edges-mismatch', 'nodes[1].targets']],
    mentions: '"lb-north"',
  },
  {
    name: 'DNS target naming a missing node, no edges drawn',
    mutate: (p) => {
      p.nodes[1].targets[1].node = 'lb-north';
      p.edges.splice(1, 2);
    },
    errors: [['dns-target-unknown', 'nodes[1].targets[1].node']],
    mentions: '"lb-north"',
  },
  { name: 'DNS with one of two target edges drawn', mutate: (p) => p.edges.splice(2, 1), errors: [['dns-edges-mismatch', 'nodes[1].targets']], mentions: '"lb-west"' },
  { name: 'simple DNS with two targets', mutate: (p) => (p.nodes[1].policy = 'simple'), errors: [['dns-target-count', 'nodes[1].targets']], mentions: 'it has 2' },
  { name: 'failover with no primary', mutate: (p) => (p.nodes[1].targets[0].role = 'secondary'), errors: [['failover-roles', 'nodes[1].targets']], mentions: '0 primary' },
  { name: 'failover with two primaries', mutate: (p) => (p.nodes[1].targets[1].role = 'primary'), errors: [['failover-roles', 'nodes[1].targets']], mentions: '2 primary' },
  { name: 'failover target without a role', mutate: (p) => delete p.nodes[1].targets[1].role, errors: [['failover-roles', 'nodes[1].targets']], mentions: '1 without a role' },
  { name: 'weighted record without weights', mutate: (p) => (p.nodes[1].policy = 'weighted'), errors: [['weighted-weights', 'nodes[1].targets[0].weight']], mentions: '"lb-east"' },
  {
    name: 'weighted record with weights summing to 0',
    mutate: (p) => Object.assign(p.nodes[1], { policy: 'weighted', targets: [{ node: 'lb-east', weight: 0 }, { node: 'lb-west', weight: 0 }] }),
    errors: [['weighted-weights', 'nodes[1].targets']],
    mentions: 'sum to 0',
  },
  {
    name: 'geo record with two defaults',
    mutate: (p) => Object.assign(p.nodes[1], { policy: 'geo', targets: [{ node: 'lb-east', default: true }, { node: 'lb-west', default: true }] }),
    errors: [['geo-default', 'nodes[1].targets']],
    mentions: '"dns"',
  },
  {
    name: 'latency routing with a region that has no location',
    mutate: (p) => {
      p.nodes[1].policy = 'latency';
      delete p.regions[1].location;
      delete p.regions[1].code;
    },
    errors: [['location-missing', 'regions[1].location']],
    mentions: '"usw2"',
  },
  // ── data ─────────────────────────────────────────────────────────────────────────────────
  { name: 'replication from a gateway', mutate: (p) => p.edges.push({ kind: 'replication', from: 'gw-west', to: 'db-west', mode: 'async' }), errors: [['replication-not-datastore', 'edges[8].from']], mentions: '"gw-west"' },
  {
    name: 'a dataset mixing multiwriter with async',
    mutate: (p) => p.edges.push({ kind: 'replication', from: 'db-west', to: 'db-east', mode: 'multiwriter' }),
    errors: [['mixed-replication-modes', 'edges[7].mode']],
    mentions: 'db-east→db-west (async), db-west→db-east (multiwriter)',
  },
  { name: 'replication into a backup', mutate: (p) => p.edges.push({ kind: 'replication', from: 'db-east', to: 'nightly', mode: 'async' }), errors: [['replication-not-datastore', 'edges[8].to']], mentions: '"nightly"' },
  { name: 'backup of a gateway', mutate: (p) => (p.nodes[8].of = 'gw-east'), errors: [['backup-of-not-datastore', 'nodes[8].of']], mentions: '"gw-east"' },
  // ── reliability and fleets ───────────────────────────────────────────────────────────────
  { name: 'time to failure fixed at 0', mutate: (p) => (p.nodes[4].reliability.timeToFailureHours = { dist: 'fixed', value: 0 }), errors: [['degenerate-distribution', 'nodes[4].reliability.timeToFailureHours']], mentions: '"gw-east"' },
  {
    name: 'time to failure uniform on [0, 0]',
    mutate: (p) => (p.nodes[6].reliability = { timeToFailureHours: { dist: 'uniform', min: 0, max: 0 }, timeToRepairHours: distExp(1) }),
    errors: [['degenerate-distribution', 'nodes[6].reliability.timeToFailureHours']],
    mentions: '"db-east"',
  },
  { name: 'instances above autoscaling.max', mutate: (p) => (p.nodes[4].instances = 20), errors: [['autoscaling-bounds', 'nodes[4].instances']], mentions: '"gw-east"' },
  { name: 'instances below autoscaling.min', mutate: (p) => Object.assign(p.nodes[5], { instances: 1, autoscaling: { ...p.nodes[5].autoscaling, min: 2 } }), errors: [['autoscaling-bounds', 'nodes[5].instances']], mentions: '"gw-west"' },
];

/** Text-level cases: files whose content never reaches the schema, or reaches it through the loader. */
export const MALFORMED_FILES: { file: string; code: IssueCode; path: string; mentions: string }[] = [
  { file: 'empty.json', code: 'invalid-json', path: '$', mentions: 'empty' },
  { file: 'whitespace-only.json', code: 'invalid-json', path: '$', mentions: 'empty' },
  { file: 'trailing-comma.json', code: 'invalid-json', path: '$', mentions: 'line 5' },
  { file: 'truncated.json', code: 'invalid-json', path: '$', mentions: 'ends before' },
  { file: 'yaml-not-json.json', code: 'invalid-json', path: '$', mentions: 'not valid JSON' },
  { file: 'top-level-array.json', code: 'not-an-object', path: '$', mentions: 'JSON object' },
  { file: 'top-level-string.json', code: 'not-an-object', path: '$', mentions: 'JSON object' },
  { file: 'top-level-null.json', code: 'not-an-object', path: '$', mentions: 'JSON object' },
  { file: 'schema-version-2.json', code: 'unsupported-version', path: 'schemaVersion', mentions: 'schemaVersion 2' },
  { file: 'schema-version-0.json', code: 'unsupported-version', path: 'schemaVersion', mentions: 'schemaVersion 0' },
];

/** Rows added after the model fixes in crossChecks.ts (kept apart so their origin stays visible). */
MALFORMED_CASES.push(
  { name: 'DNS target that is a backup, no edge drawn', mutate: (p) => { p.nodes[1].targets[1].node = 'nightly'; p.edges.splice(1, 2); }, errors: [['passive-in-traffic', 'nodes[1].targets[1].node']], mentions: '"nightly"' },
  { name: 'DNS target that is the clients, no edge drawn', mutate: (p) => { p.nodes[1].targets[1].node = 'users'; p.edges.splice(1, 2); }, errors: [['traffic-into-clients', 'nodes[1].targets[1].node'], ['traffic-cycle', 'nodes[1].targets']], mentions: '"users"' },
  { name: 'DNS target that is a monitor, edge drawn (reported once, on the edge)', mutate: (p) => { p.nodes[1].targets[1].node = 'ops'; p.edges[2].to = 'ops'; }, errors: [['passive-in-traffic', 'edges[2].to']], mentions: '"ops"' },
  { name: 'zone 3 of a region that takes the catalog\u2019s 3 zones', mutate: (p) => { delete p.regions[0].zones; p.nodes[6].zone = 3; }, errors: [['zone-out-of-range', 'nodes[6].zone']], mentions: '3 zone(s)' },
);

/** Limits where the format once had none, and keys JavaScript reserves (robustness fixes). */
MALFORMED_CASES.push(
  { name: 'an origin keyed "__proto__"', mutate: (p) => (p.nodes[0].origins = JSON.parse('{"__proto__": 1}')), errors: [['reserved-key', 'nodes[0].origins.__proto__']], mentions: '"__proto__"' },
  {
    name: 'a node failing every nanosecond and repaired at once',
    mutate: (p) => (p.nodes[4].reliability = { timeToFailureHours: distExp(1e-9), timeToRepairHours: { dist: 'fixed', value: 0 } }),
    errors: [['too-frequent', 'nodes[4].reliability.timeToFailureHours']],
    mentions: '"gw-east"',
  },
  {
    name: 'a replication chain of 302 datastores',
    mutate: (p) => {
      let previous = 'db-west';
      for (let i = 0; i < 300; i++) {
        p.nodes.push({ id: `replica-${i}`, kind: 'datastore' });
        p.edges.push({ kind: 'replication', from: previous, to: `replica-${i}`, mode: 'async' });
        previous = `replica-${i}`;
      }
    },
    errors: [['replication-group-too-large', 'nodes[6]']],
    mentions: '302 datastores',
  },
  { name: 'autoscaling.max of ten million', mutate: (p) => (p.nodes[4].autoscaling.max = 1e7), errors: [['out-of-range', 'nodes[4].autoscaling.max']], mentions: '"max"' },
  { name: 'a region outage a million times a minute', mutate: (p) => (p.regions[0].outage = { ratePerYear: 1e12, durationHours: distExp(1) }), errors: [['out-of-range', 'regions[0].outage.ratePerYear']], mentions: '"ratePerYear"' },
  { name: 'a scenario lasting 1e300 hours', mutate: (p) => (p.scenarios[0].durationHours = 1e300), errors: [['out-of-range', 'scenarios[0].durationHours']], mentions: '"durationHours"' },
  { name: 'a scenario starting after 1e300 hours', mutate: (p) => (p.scenarios[0].atHours = 1e300), errors: [['out-of-range', 'scenarios[0].atHours']], mentions: '"atHours"' },
);
