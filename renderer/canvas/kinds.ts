/**
 * How each kind looks and where it sits in the palette. Colours are chosen to stay apart from the
 * provider tints of region containers (AWS orange, Azure blue, GCP green, generic slate).
 */
import type { NodeKind, Provider } from '../../sim/model/schema';
import { KIND_LABEL } from '../store/commands/nodeDefaults';

export interface KindVisual {
  label: string;
  accent: string;
  /** A few words under the palette label. */
  short: string;
  /** The palette tooltip. */
  hint: string;
}

export const KIND_VISUAL: Record<NodeKind, KindVisual> = {
  clients: { label: KIND_LABEL.clients, accent: '#475569', short: 'Where requests start', hint: 'Where requests come from' },
  dns: { label: KIND_LABEL.dns, accent: '#0f766e', short: 'Routing and failover', hint: 'Routes clients, fails over on health checks' },
  loadBalancer: { label: KIND_LABEL.loadBalancer, accent: '#4338ca', short: 'Spreads traffic', hint: 'Spreads traffic over healthy targets' },
  gateway: { label: KIND_LABEL.gateway, accent: '#7c3aed', short: 'VMs, containers, serverless', hint: 'The gateway fleet: VMs, containers or serverless' },
  service: { label: KIND_LABEL.service, accent: '#2563eb', short: 'Backend behind the gateway', hint: 'A backend the gateway calls' },
  datastore: { label: KIND_LABEL.datastore, accent: '#b45309', short: 'Database; replicable', hint: 'Database; replicate it to another store' },
  backup: { label: KIND_LABEL.backup, accent: '#0e7490', short: 'Snapshots of a store', hint: 'Snapshots of a data store; wire it to the store' },
  monitor: { label: KIND_LABEL.monitor, accent: '#be123c', short: 'Alarms and on-call', hint: 'Alarms and on-call: who notices, how fast' },
};

export interface PaletteGroup {
  title: string;
  kinds: readonly NodeKind[];
}

export const PALETTE_GROUPS: readonly PaletteGroup[] = [
  { title: 'Edge', kinds: ['clients', 'dns', 'loadBalancer'] },
  { title: 'Compute', kinds: ['gateway', 'service'] },
  { title: 'Data', kinds: ['datastore', 'backup'] },
  { title: 'Operations', kinds: ['monitor'] },
];

export const PROVIDER_VISUAL: Record<Provider, { label: string; tint: string }> = {
  aws: { label: 'AWS', tint: '#e8870b' },
  azure: { label: 'Azure', tint: '#0a6cc4' },
  gcp: { label: 'GCP', tint: '#1e8e3e' },
  generic: { label: 'Generic', tint: '#64748b' },
};

/** The one-line summary under a card's name (shared with the SVG export). */
export { nodeSubtitle } from '../../sim/diagram/labels';
