/**
 * The export formats the product offers, looked up by id: the CLI's `--format` and the in-app
 * Export dialog both read this list, so a new format appears in both once it registers here.
 * Must not import Node or the engine.
 */
import { chaosToolkitFormat } from './chaos/chaostoolkit';
import { fisFormat } from './chaos/fis';
import { cloudFormationFormat } from './cloudformation/generate';
import { composeFormat } from './compose/generate';
import { kubernetesFormat } from './kubernetes/generate';
import { terraformFormat } from './terraform/generate';
import { kubernetesJobFormat } from './kubernetes/indexedJob';
import type { ExportFormat } from './types';

const FORMATS: ExportFormat[] = [terraformFormat, cloudFormationFormat, kubernetesFormat, composeFormat, fisFormat, chaosToolkitFormat, kubernetesJobFormat];

/** Every registered format, in the order users meet them (Terraform first). */
export function exportFormats(): readonly ExportFormat[] {
  return FORMATS;
}

export function getExportFormat(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** Adds a format (a later generator, or a test double); an id already taken is refused. */
export function registerExportFormat(format: ExportFormat): void {
  if (FORMATS.some((f) => f.id === format.id)) throw new Error(`export format "${format.id}" is already registered`);
  FORMATS.push(format);
}
