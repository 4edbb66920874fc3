/**
 * The Chaos Toolkit export: each drill of the plan's scenarios as an experiment whose steady-state
 * hypothesis comes from the plan's objectives (requests served, back within the RTO, newest write
 * within the RPO), whose method starts the drill's FIS experiments and waits the RTO, and whose
 * rollbacks stop them and restart stopped instances. Pure; imports only sim/model and sim/export.
 */
import type { Plan } from '../../model/schema';
import { k8sName } from '../kubernetes/generate';
import { snake } from '../aws/names';
import type { ExportFile, ExportFormat, ExportOptions, ExportResult, ExportWarning } from '../types';
import { drillReadme, expectationText, NODE_TAG, planDrills, type Drill } from './drills';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Environment variable holding the id of a drill's FIS experiment template in one region. */
export function fisTemplateVariable(scenarioId: string, regionCode: string): string {
  return `RESILIENCE_FIS_TEMPLATE_${snake(scenarioId).toUpperCase()}_${snake(regionCode).toUpperCase()}`;
}

function experiment(d: Drill, objectives: { availability?: number; rtoSeconds?: number; rpoSeconds?: number }, warnings: ExportWarning[]): Json {
  const configuration: Record<string, Json> = {
    base_url: { type: 'env', key: 'RESILIENCE_BASE_URL' },
    health_path: { type: 'env', key: 'RESILIENCE_HEALTH_PATH', default: '/' },
  };
  const served = (name: string): Json => ({ type: 'probe', name, tolerance: 200, provider: { type: 'http', url: '${base_url}${health_path}', timeout: 5 } });
  const probes: Json[] = [served('requests-are-served')];
  const claims: string[] = [];
  if (objectives.availability !== undefined) claims.push(`availability objective ${(objectives.availability * 100).toFixed(3).replace(/0+$/, '')} %`);
  if (objectives.rtoSeconds !== undefined) claims.push(`served again within the RTO objective of ${objectives.rtoSeconds} s`);
  if (objectives.rpoSeconds !== undefined) {
    configuration.rpo_check = { type: 'env', key: 'RESILIENCE_RPO_CHECK' };
    probes.push({ type: 'probe', name: 'newest-write-within-rpo', tolerance: 0, provider: { type: 'process', path: '${rpo_check}', arguments: [String(objectives.rpoSeconds)] } });
    claims.push(`no committed write older than the RPO objective of ${objectives.rpoSeconds} s is lost (RESILIENCE_RPO_CHECK: your command, exit 0 when it holds)`);
  }
  let wait = objectives.rtoSeconds;
  if (wait === undefined) {
    wait = d.durationSeconds;
    warnings.push({ code: 'no-rto-objective', path: '$.objectives.rtoSeconds', message: `Scenario "${d.scenario.id}": the plan has no RTO objective, so the Chaos Toolkit experiment checks the steady state after the whole disruption (${d.scenario.durationHours} h).` });
  }
  const method: Json[] = [];
  const rollbacks: Json[] = [];
  d.regions.forEach((r, i) => {
    const code = r.region.code!;
    const key = `fis_template_${snake(code)}`;
    configuration[key] = { type: 'env', key: fisTemplateVariable(d.scenario.id, code) };
    method.push({
      type: 'action',
      name: `start-fis-drill-${code}`,
      provider: { type: 'process', path: 'aws', arguments: ['fis', 'start-experiment', '--region', code, '--experiment-template-id', `\${${key}}`] },
      ...(i === d.regions.length - 1 ? { pauses: { after: Math.round(wait!) } } : {}),
    });
    rollbacks.push({
      type: 'action',
      name: `stop-fis-drill-${code}`,
      provider: {
        type: 'process',
        path: 'sh',
        arguments: ['-c', `aws fis list-experiments --region ${code} --query "experiments[?experimentTemplateId=='$0' && state.status=='running'].id" --output text | xargs -r -n1 aws fis stop-experiment --region ${code} --id`, `\${${key}}`],
      },
    });
    for (const f of r.faults) {
      if (f.kind !== 'stop-instances') continue;
      rollbacks.push({
        type: 'action',
        name: `start-stopped-instances-${k8sName(f.nodeId)}`,
        provider: {
          type: 'process',
          path: 'sh',
          arguments: [
            '-c',
            `ids=$(aws ec2 describe-instances --region ${code} --filters "Name=tag:${NODE_TAG},Values=${f.nodeId}" Name=instance-state-name,Values=stopped --query "Reservations[].Instances[].InstanceId" --output text); [ -z "$ids" ] || aws ec2 start-instances --region ${code} --instance-ids $ids`,
          ],
        },
      });
    }
  });
  method.push(served('requests-served-after-the-rto'));
  return {
    version: '1.0.0',
    title: d.title,
    description: [`Drill "${d.scenario.id}" from the plan's scenarios. ${expectationText(d)}`, ...d.gaps.map((g) => `Not reproduced: ${g}.`)].join(' '),
    tags: ['resilience-studio', d.scenario.id],
    configuration,
    'steady-state-hypothesis': { title: `Requests are served${claims.length > 0 ? ` (${claims.join('; ')})` : ''}`, probes },
    method,
    rollbacks,
  };
}

export function generateChaosToolkit(input: Plan, options?: ExportOptions): ExportResult {
  const { plan, drills, warnings } = planDrills(input, options);
  const files: ExportFile[] = [];
  for (const d of drills) {
    if (d.regions.length === 0) continue;
    files.push({ path: `chaostoolkit/${k8sName(d.scenario.id)}.json`, content: `${JSON.stringify(experiment(d, plan.objectives, warnings), null, 2)}\n` });
  }
  const lines = [
    `# ${plan.name}: Chaos Toolkit experiments`,
    '',
    'One experiment per scenario. Each starts the scenario\'s FIS experiment templates (the `fis` export; deploy them',
    'first and put their ids in the `RESILIENCE_FIS_TEMPLATE_*` variables), waits the RTO objective, and checks that',
    'requests are served again; the rollbacks stop the FIS experiments and restart stopped instances.',
    'Set `RESILIENCE_BASE_URL` (and `RESILIENCE_HEALTH_PATH`, `RESILIENCE_RPO_CHECK` where used), then `chaos run <file>`.',
    'The steady-state probe checks single requests: read the availability over the drill from your metrics.',
    '',
  ];
  files.unshift({ path: 'README.md', content: drillReadme(lines, drills, warnings, (d) => (d.regions.length === 0 ? ['No experiment: nothing in this scenario can be injected.', ''] : [])) });
  return { files, warnings };
}

export const chaosToolkitFormat: ExportFormat = {
  id: 'chaostoolkit',
  label: 'Chaos Toolkit experiments',
  description: 'The plan\'s scenarios as Chaos Toolkit experiments: steady state from the objectives, the FIS drill as the method, rollbacks.',
  target: 'chaos',
  usesScenarioResults: true,
  generate: generateChaosToolkit,
};
