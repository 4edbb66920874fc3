/**
 * The bundled plan templates (one JSON plan file each) and a lookup by name. Each file is parsed
 * with the plan schema on load, so a template is a typed Plan. Imports only sim/model and the JSON files.
 */
import { PlanSchema, type Plan } from '../model/schema';
import backupRestore from './backup-restore.plan.json';
import kubernetesContainers from './kubernetes-containers.plan.json';
import multiAz from './multi-az.plan.json';
import pilotLight from './pilot-light.plan.json';
import serverlessThreeRegions from './serverless-three-regions.plan.json';
import singleRegionLb from './single-region-lb.plan.json';
import twoRegionActiveActive from './two-region-active-active.plan.json';
import twoRegionActivePassive from './two-region-active-passive.plan.json';
import warmStandby from './warm-standby.plan.json';

export interface Template {
  /** Kebab-case id, equal to the file name without `.plan.json`. */
  name: string;
  /** The plan's display name. */
  title: string;
  /** One line: what the design shows. */
  description: string;
  plan: Plan;
}

// Simplest first, then the AWS DR tiers in order of readiness, then the platform-centred designs.
const FILES: ReadonlyArray<[name: string, json: unknown]> = [
  ['single-region-lb', singleRegionLb],
  ['multi-az', multiAz],
  ['backup-restore', backupRestore],
  ['pilot-light', pilotLight],
  ['warm-standby', warmStandby],
  ['two-region-active-passive', twoRegionActivePassive],
  ['two-region-active-active', twoRegionActiveActive],
  ['serverless-three-regions', serverlessThreeRegions],
  ['kubernetes-containers', kubernetesContainers],
];

function toTemplate([name, json]: [string, unknown]): Template {
  // JSON imports are typed loosely (strings, not literals); parsing restores the Plan type and
  // fails loudly, at load, if a template ever drifts from the schema.
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) throw new Error(`template "${name}" is not a valid plan: ${parsed.error.message}`);
  const plan = parsed.data;
  return { name, title: plan.name, description: plan.description ?? '', plan };
}

export const TEMPLATES: ReadonlyArray<Template> = FILES.map(toTemplate);

/** The template with that name, or undefined. Callers get the shared object: copy before editing. */
export function getTemplate(name: string): Template | undefined {
  return TEMPLATES.find((t) => t.name === name);
}
