/**
 * The fields of each node kind, grouped the way PLAN-FORMAT describes them, with units from the
 * field names. Fields that apply to one platform or one DNS policy show when they apply, and always
 * when the plan sets them (so nothing in a file is ever hidden).
 */
import { DNS_POLICIES, KNOWN_ENGINES, LB_ALGORITHMS, PLATFORMS, type PlanNode } from '../../sim/model/schema';
import { useEditor } from '../store/EditorStoreContext';
import { selectRecords } from '../store/selectors';
import { useInspector } from './context';
import { DistributionField } from './DistributionField';
import { DnsTargetsEditor, OriginsEditor } from './editors';
import { BoolField, NumberField, OptionalSection, Section, SelectField, TextField, type Option } from './fields';
import { getIn } from './paths';
import { TrafficVerdict } from '../traffic/TrafficVerdict';

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v }));

function HealthCheckFields({ dns }: { dns: boolean }) {
  return (
    <Section
      title="Health check"
      hint={dns ? 'Route 53-style: many checkers; a target is unhealthy when fewer than 18 % still see it.' : 'The balancer’s check of each target.'}
    >
      <NumberField path={['healthCheck', 'intervalSeconds']} label="Interval" unit="s" />
      <NumberField path={['healthCheck', 'failureThreshold']} label="Failure threshold" unit="checks" hint="Consecutive failed probes before a target is declared down" />
      <NumberField path={['healthCheck', 'recoveryThreshold']} label="Recovery threshold" unit="checks" hint="Consecutive good probes before it is declared up again" />
      <NumberField path={['healthCheck', 'checkers']} label="Checkers" unit="count" />
      <NumberField path={['healthCheck', 'propagationSeconds']} label="Propagation" unit="s" hint="Added before DNS acts on a change" />
      <BoolField path={['healthCheck', 'deep']} label="Deep check" hint="Observe the whole downstream path, not only the target" />
      {dns && <BoolField path={['healthCheck', 'manual']} label="Manual failover" hint="People switch the record after the monitor’s detection and response, instead of checkers" />}
    </Section>
  );
}

/** Time to failure and to repair; the catalog's values for the kind apply until the plan gives its own. */
export function ReliabilityFields({ neverFailsByDefault }: { neverFailsByDefault: boolean }) {
  const { defaults } = useInspector();
  const resolved = getIn(defaults, ['reliability']);
  return (
    <OptionalSection
      path={['reliability']}
      title="Reliability"
      hint="Per instance for fleets, for the whole node otherwise."
      offText={neverFailsByDefault ? 'Never fails (no reliability block).' : 'Catalog values for this kind (turn on to edit).'}
      make={() =>
        resolved ?? { timeToFailureHours: { dist: 'exponential', mean: 8760 }, timeToRepairHours: { dist: 'lognormal', median: 1, sigma: 0.8 } }
      }
    >
      <DistributionField path={['reliability', 'timeToFailureHours']} label="Time to failure" unit="h" />
      <DistributionField path={['reliability', 'timeToRepairHours']} label="Time to repair" unit="h" />
    </OptionalSection>
  );
}

function FleetFields({ node }: { node: Extract<PlanNode, { kind: 'gateway' | 'service' }> }) {
  const platform = node.platform ?? 'vm';
  const container = platform === 'container' || node.probes !== undefined;
  const serverless = platform === 'serverless' || node.concurrencyLimit !== undefined || node.requestSeconds !== undefined || node.scaleUpPerMinute !== undefined;
  const instances = typeof node.instances === 'number' ? node.instances : 2;
  return (
    <>
      <Section title="Fleet">
        <SelectField path={['platform']} label="Platform" options={opts(PLATFORMS)} defaultLabel="Default" />
        <NumberField path={['instances']} label="Instances" unit="count" />
        <NumberField path={['capacityRpsPerInstance']} label="Capacity per instance" unit="req/s" placeholder="unlimited" />
      </Section>
      <OptionalSection
        path={['autoscaling']}
        title="Autoscaling"
        offText="Fixed size: no autoscaling."
        make={() => ({ min: instances, max: Math.max(instances * 3, 2), targetUtilization: 0.6 })}
      >
        <NumberField path={['autoscaling', 'min']} label="Min" unit="instances" />
        <NumberField path={['autoscaling', 'max']} label="Max" unit="instances" />
        <NumberField path={['autoscaling', 'targetUtilization']} label="Target utilisation" unit="0–1" />
        <NumberField path={['autoscaling', 'reactionSeconds']} label="Reaction delay" unit="s" />
        <NumberField path={['autoscaling', 'launchSeconds']} label="Launch time" unit="s" />
      </OptionalSection>
      {container && (
        <OptionalSection
          path={['probes']}
          title="Container probes"
          hint="A failed container returns after liveness detection + restart, instead of its repair time."
          offText="No probes: failed containers wait for their repair time."
          make={() => ({ liveness: { periodSeconds: 10, failureThreshold: 3 }, restartSeconds: 20 })}
        >
          <NumberField path={['probes', 'liveness', 'periodSeconds']} label="Liveness period" unit="s" />
          <NumberField path={['probes', 'liveness', 'failureThreshold']} label="Liveness threshold" unit="probes" />
          <NumberField path={['probes', 'readiness', 'periodSeconds']} label="Readiness period" unit="s" placeholder="none" />
          <NumberField path={['probes', 'readiness', 'failureThreshold']} label="Readiness threshold" unit="probes" placeholder="none" />
          <NumberField path={['probes', 'restartSeconds']} label="Restart time" unit="s" />
        </OptionalSection>
      )}
      {serverless && (
        <Section title="Serverless" hint="Capacity = concurrency limit ÷ request time.">
          <NumberField path={['concurrencyLimit']} label="Concurrency limit" unit="requests" placeholder="none" />
          <NumberField path={['requestSeconds']} label="Request time" unit="s" placeholder="none" />
          <NumberField path={['scaleUpPerMinute']} label="Scale-up rate" unit="/min" placeholder="none" />
        </Section>
      )}
      <ReliabilityFields neverFailsByDefault={false} />
    </>
  );
}

export function KindFields({ node }: { node: PlanNode }) {
  const records = useEditor(selectRecords);
  switch (node.kind) {
    case 'clients':
      return (
        <>
          <Section title="Load">
            <NumberField path={['requestsPerSecond']} label="Offered load" unit="req/s" />
            <NumberField path={['writeFraction']} label="Write fraction" unit="0–1" />
            <NumberField path={['diurnalSwing']} label="Diurnal swing" unit="0–1" hint="Load follows 1 + swing·sin(2πt / 24 h); 0 is constant" />
          </Section>
          <Section title="Origins" hint="Where clients are: a share per region, summing to 1.">
            <OriginsEditor />
          </Section>
          {node.reliability && <ReliabilityFields neverFailsByDefault />}
        </>
      );
    case 'dns':
      return (
        <>
          <Section title="Routing">
            <SelectField path={['policy']} label="Policy" options={opts(DNS_POLICIES)} defaultLabel="Default" hint="latency routes by great-circle distance, a stand-in for latency" />
            <NumberField path={['ttlSeconds']} label="Record TTL" unit="s" />
            <NumberField path={['ttlViolationFraction']} label="TTL violators" unit="0–1" hint="Share of clients that keep an old answer longer" />
            <NumberField path={['ttlViolationSeconds']} label="Violators keep it" unit="s" />
          </Section>
          <Section title="Targets" hint="Roles for failover, weights for weighted, origins and a default for geo.">
            <DnsTargetsEditor node={node} />
          </Section>
          <HealthCheckFields dns />
          <ReliabilityFields neverFailsByDefault={false} />
        </>
      );
    case 'loadBalancer':
      return (
        <>
          <Section title="Balancing" hint="Targets are this balancer’s outgoing traffic wires.">
            <SelectField path={['algorithm']} label="Algorithm" options={opts(LB_ALGORITHMS)} defaultLabel="Default" />
            <TrafficVerdict />
            <SelectField path={['scope']} label="Scope" options={opts(['regional', 'global'])} defaultLabel="Default" />
          </Section>
          <HealthCheckFields dns={false} />
          <ReliabilityFields neverFailsByDefault={false} />
        </>
      );
    case 'gateway':
    case 'service':
      return <FleetFields node={node} />;
    case 'datastore':
      return (
        <>
          <Section title="Data">
            <TextField path={['engine']} label="Engine" suggestions={KNOWN_ENGINES} hint="dynamodb, aurora, rds, postgres, s3, redis… picks catalog reliability and promotion times" />
            <BoolField path={['failureLosesData']} label="Failure loses data" hint="If no replica is up, restore from the newest backup instead of repairing" />
          </Section>
          <Section title="Promotion" hint="How a replica takes over when the primary of its dataset fails.">
            <BoolField path={['promotion', 'automatic']} label="Automatic" />
            <NumberField path={['promotion', 'detectionSeconds']} label="Detection" unit="s" hint="Automatic promotions only; manual ones wait for the monitor" />
            <NumberField path={['promotion', 'seconds']} label="Promotion time" unit="s" />
            <NumberField path={['promotion', 'successProbability']} label="Success probability" unit="0–1" hint="Drills raise the catalog value" />
          </Section>
          <ReliabilityFields neverFailsByDefault={false} />
        </>
      );
    case 'backup':
      return (
        <>
          <Section title="Backup" hint="The 3-2-1 rule: 3 copies, 2 media, 1 off site.">
            <SelectField
              path={['of']}
              label="Backs up"
              options={Object.values(records.nodes)
                .filter((n) => n.kind === 'datastore')
                .map((n) => ({ value: n.id, label: `${n.name ?? n.id} (${n.id})` }))}
            />
            <NumberField path={['intervalHours']} label="Interval" unit="h" />
            <DistributionField path={['restoreHours']} label="Restore time" unit="h" optional />
            <NumberField path={['copies']} label="Copies" unit="count" />
            <NumberField path={['media']} label="Media" unit="count" />
            <BoolField path={['offsite']} label="Off-site copy" />
            <NumberField path={['restoreFailureProbability']} label="Restore failure" unit="0–1" />
          </Section>
          <ReliabilityFields neverFailsByDefault />
        </>
      );
    case 'monitor':
      return (
        <>
          <Section title="People" hint="Used for manual promotions and restores.">
            <DistributionField path={['detectionMinutes']} label="Detection" unit="min" optional />
            <DistributionField path={['responseMinutes']} label="On-call response" unit="min" optional />
          </Section>
          <ReliabilityFields neverFailsByDefault />
        </>
      );
  }
}
