/**
 * The AWS FIS export: each drill of the plan's scenarios as CloudFormation templates holding one
 * AWS::FIS::ExperimentTemplate per region it touches (network loss of a region's or zone's subnets,
 * stopped instances, deleted pods, Lambda invocation errors, RDS/Aurora failover), targets found by
 * the `resilience-studio:node` tag the AWS exports put on every resource. Pure; imports only sim/model and sim/export.
 */
import { stringify } from 'yaml';
import type { Plan } from '../../model/schema';
import { K8S_APP_LABEL, k8sName } from '../kubernetes/generate';
import { pascal } from '../aws/names';
import type { ExportFile, ExportFormat, ExportOptions, ExportResult, ExportWarning } from '../types';
import { drillReadme, expectationText, isoDuration, NODE_TAG, planDrills, type Drill, type Fault, type RegionalFaults } from './drills';

/** FIS holds a network disruption, stopped instances or Lambda errors for at most 12 hours. */
export const FIS_MAX_DURATION_SECONDS = 12 * 3600;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface Built {
  parameters: Record<string, Json>;
  targets: Record<string, Json>;
  actions: Record<string, Json>;
  notes: string[];
}

const ref = (name: string): Json => ({ Ref: name });

function param(b: Built, name: string, type: string, description: string): Json {
  b.parameters[name] ??= { Type: type, Description: description };
  return ref(name);
}

function nodeTarget(resourceType: string, nodeId: string, filters: { Path: string; Values: string[] }[] = []): Json {
  return { ResourceType: resourceType, ResourceTags: { [NODE_TAG]: nodeId }, SelectionMode: 'ALL', ...(filters.length > 0 ? { Filters: filters } : {}) };
}

function render(b: Built, fault: Fault, duration: string, held: boolean): void {
  switch (fault.kind) {
    case 'network': {
      const name = fault.zone === undefined ? 'RegionSubnets' : `Zone${fault.zone}Subnets`;
      b.targets[name] = {
        ResourceType: 'aws:ec2:subnet',
        ResourceArns: param(b, 'SubnetArns', 'CommaDelimitedList', 'ARNs of the subnets the exported resources use in this region (public and private); the drill cuts their connectivity.'),
        SelectionMode: 'ALL',
        ...(fault.zoneName ? { Filters: [{ Path: 'AvailabilityZone', Values: [fault.zoneName] }] } : {}),
      };
      b.actions[fault.zone === undefined ? 'DisruptRegionNetwork' : `DisruptZone${fault.zone}Network`] = {
        ActionId: 'aws:network:disrupt-connectivity',
        Description: fault.zone === undefined ? 'Cut all traffic in and out of the region\'s subnets' : `Cut all traffic in and out of zone ${fault.zone}'s subnets`,
        Parameters: { duration, scope: 'all' },
        Targets: { Subnets: name },
      };
      if (fault.zone !== undefined && !fault.zoneName) b.notes.push(`zone ${fault.zone} has no known name: the subnet target is not filtered to one zone, set its Filters by hand`);
      return;
    }
    case 'stop-instances': {
      const name = `${pascal(fault.nodeId)}Instances`;
      b.targets[name] = nodeTarget('aws:ec2:instance', fault.nodeId, [{ Path: 'State.Name', Values: ['running'] }, ...(fault.zoneName ? [{ Path: 'Placement.AvailabilityZone', Values: [fault.zoneName] }] : [])]);
      b.actions[`Stop${pascal(fault.nodeId)}`] = { ActionId: 'aws:ec2:stop-instances', Description: `Stop the instances of "${fault.nodeId}"`, Parameters: { startInstancesAfterDuration: duration }, Targets: { Instances: name } };
      return;
    }
    case 'delete-pods': {
      const name = `${pascal(fault.nodeId)}Pods`;
      b.targets[name] = {
        ResourceType: 'aws:eks:pod',
        SelectionMode: 'ALL',
        Parameters: {
          clusterIdentifier: param(b, 'EksClusterArn', 'String', 'ARN of the EKS cluster running the Kubernetes export of this region.'),
          namespace: param(b, 'KubernetesNamespace', 'String', 'Namespace of the Kubernetes export (its kustomization\'s namespace).'),
          selectorType: 'labelSelector',
          selectorValue: `${K8S_APP_LABEL}=${k8sName(fault.nodeId)}`,
          ...(fault.zoneName ? { availabilityZoneIdentifier: fault.zoneName } : {}),
        },
      };
      b.actions[`Delete${pascal(fault.nodeId)}Pods`] = {
        ActionId: 'aws:eks:pod-delete',
        Description: `Delete the pods of "${fault.nodeId}"`,
        Parameters: { kubernetesServiceAccount: param(b, 'KubernetesServiceAccount', 'String', 'Service account FIS uses in the cluster (see the FIS guide for EKS pod actions).') },
        Targets: { Pods: name },
      };
      if (!held) b.notes.push(`the pods of "${fault.nodeId}" are deleted once and Kubernetes reschedules them at once; the simulated outage lasts the scenario's duration`);
      return;
    }
    case 'function-errors': {
      const name = `${pascal(fault.nodeId)}Functions`;
      b.targets[name] = nodeTarget('aws:lambda:function', fault.nodeId);
      b.actions[`Fail${pascal(fault.nodeId)}Invocations`] = {
        ActionId: 'aws:lambda:invocation-error',
        Description: `Make every invocation of "${fault.nodeId}" fail`,
        Parameters: { duration, invocationPercentage: '100', preventExecution: 'true' },
        Targets: { Functions: name },
      };
      return;
    }
    case 'db-failover': {
      if (fault.engine === 'aurora') {
        const name = `${pascal(fault.nodeId)}Cluster`;
        b.targets[name] = nodeTarget('aws:rds:cluster', fault.nodeId);
        b.actions[`Failover${pascal(fault.nodeId)}`] = { ActionId: 'aws:rds:failover-db-cluster', Description: `Fail over the Aurora cluster "${fault.nodeId}"`, Targets: { Clusters: name } };
      } else {
        const name = `${pascal(fault.nodeId)}Instances`;
        b.targets[name] = nodeTarget('aws:rds:db', fault.nodeId);
        b.actions[`Failover${pascal(fault.nodeId)}`] = fault.standby
          ? { ActionId: 'aws:rds:reboot-db-instances', Description: `Reboot "${fault.nodeId}" with a failover to its standby`, Parameters: { forceFailover: 'true' }, Targets: { DBInstances: name } }
          : { ActionId: 'aws:rds:reboot-db-instances', Description: `Reboot "${fault.nodeId}" (it has no standby to fail over to)`, Targets: { DBInstances: name } };
      }
      b.notes.push(
        fault.engine === 'rds' && !fault.standby
          ? `"${fault.nodeId}" has no standby: FIS can only reboot it (a minutes-long outage), while the simulation keeps it down for the scenario's duration`
          : `the failover of "${fault.nodeId}" is a one-off: the old primary comes back as a replica at once, while the simulation keeps it down for the scenario's duration`,
      );
      return;
    }
  }
}

/** One template file for one drill in one region. */
export function fisTemplate(d: Drill, r: RegionalFaults, warnings: ExportWarning[]): ExportFile {
  let seconds = d.durationSeconds;
  if (seconds > FIS_MAX_DURATION_SECONDS) {
    warnings.push({ code: 'drill-duration-adjusted', path: `${d.path}.durationHours`, message: `Scenario "${d.scenario.id}": FIS holds a fault for at most 12 hours; the plan scripts ${d.scenario.durationHours} h, the experiment uses 12 h.` });
    seconds = FIS_MAX_DURATION_SECONDS;
  }
  const b: Built = { parameters: {}, targets: {}, actions: {}, notes: [] };
  const held = r.faults.some((f) => f.kind === 'network');
  for (const f of r.faults) render(b, f, isoDuration(seconds), held);
  param(b, 'FisRoleArn', 'String', 'IAM role FIS assumes to run the experiment (it needs the permissions of every action below).');
  param(b, 'StopAlarmArn', 'String', 'CloudWatch alarm that stops the experiment early (e.g. an alarm on the failing share of requests).');
  for (const n of b.notes) warnings.push({ code: 'drill-gap', path: d.path, message: `Scenario "${d.scenario.id}" (${r.region.code}): ${n}.` });
  const expectation = expectationText(d);
  const description = `${d.title} (${r.region.code}). ${expectation}`.slice(0, 512);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Drill "${d.scenario.id}" of the plan in ${r.region.code}: ${d.title}`.slice(0, 1024),
    Parameters: b.parameters,
    Resources: {
      [`${pascal(d.scenario.id)}Experiment`]: {
        Type: 'AWS::FIS::ExperimentTemplate',
        Properties: {
          Description: description,
          RoleArn: ref('FisRoleArn'),
          StopConditions: [{ Source: 'aws:cloudwatch:alarm', Value: ref('StopAlarmArn') }],
          Targets: b.targets,
          Actions: b.actions,
          Tags: {
            Name: `${k8sName(d.scenario.id)}-${r.region.code}`,
            'resilience-studio:scenario': d.scenario.id,
            ...(d.expectation
              ? {
                  'resilience-studio:expected-rto-p50-seconds': String(Math.round(d.expectation.rtoP50Seconds ?? 0)),
                  'resilience-studio:expected-rto-max-seconds': String(Math.round(d.expectation.rtoMaxSeconds ?? 0)),
                  'resilience-studio:expected-lost-writes': d.expectation.lostWritesMean.toFixed(1),
                }
              : {}),
          },
        },
      },
    },
    Outputs: { ExperimentTemplateId: { Description: 'Start the drill with: aws fis start-experiment --experiment-template-id <this>', Value: ref(`${pascal(d.scenario.id)}Experiment`) } },
  };
  const header = [`# ${d.title}`, `# ${expectation}`, ...d.gaps.map((g) => `# Not reproduced: ${g}.`), ...b.notes.map((n) => `# Not reproduced: ${n}.`)].join('\n');
  // The version quoted, as in the CloudFormation export: a YAML 1.1 reader would take it for a date.
  const text = stringify(template, { lineWidth: 0, aliasDuplicateObjects: false }).replace(/^AWSTemplateFormatVersion: 2010-09-09$/m, 'AWSTemplateFormatVersion: "2010-09-09"');
  return { path: `fis/${k8sName(d.scenario.id)}.${r.region.code}.yaml`, content: `${header}\n${text}` };
}

export function generateFis(input: Plan, options?: ExportOptions): ExportResult {
  const { plan, drills, warnings } = planDrills(input, options);
  const files: ExportFile[] = [];
  for (const d of drills) for (const r of d.regions) files.push(fisTemplate(d, r, warnings));
  const lines = [
    `# ${plan.name}: AWS FIS drills`,
    '',
    'One CloudFormation template per scenario and region, each holding an `AWS::FIS::ExperimentTemplate`. Deploy it in',
    'its region (parameters: the FIS role, a stop alarm, the subnets and, for pod faults, the EKS cluster), then run',
    '`aws fis start-experiment --experiment-template-id <output>` and compare what you measure with the simulated numbers.',
    `Targets are found by the \`${NODE_TAG}\` tag that the Terraform and CloudFormation exports put on every resource.`,
    '',
  ];
  files.unshift({ path: 'README.md', content: drillReadme(lines, drills, warnings, (d) => d.regions.map((r) => `- \`fis/${k8sName(d.scenario.id)}.${r.region.code}.yaml\`: ${r.faults.map((f) => f.kind).join(', ')}`)) });
  return { files, warnings };
}

export const fisFormat: ExportFormat = {
  id: 'fis',
  label: 'AWS FIS drills',
  description: 'The plan\'s scenarios as AWS Fault Injection Service experiment templates (CloudFormation), with the numbers each should reproduce.',
  target: 'chaos',
  usesScenarioResults: true,
  generate: generateFis,
};
