/**
 * The words a diagram shows: each card's one-line summary and each wire's label (the user's own
 * label first, else what the wire means). Pure; imports only sim/model types.
 */
import type { PlanNode } from '../model/schema';

/** The one-line summary under a card's name: the parameters an architect reads first. */
export function nodeSubtitle(node: PlanNode): string {
  switch (node.kind) {
    case 'clients':
      return node.requestsPerSecond ? `${node.requestsPerSecond.toLocaleString('en-US')} req/s` : 'Clients';
    case 'dns':
      return [node.policy ?? 'simple', node.ttlSeconds !== undefined ? `TTL ${node.ttlSeconds}s` : null].filter(Boolean).join(' · ');
    case 'loadBalancer':
      return [node.algorithm ?? 'round-robin', node.scope === 'global' ? 'global' : null].filter(Boolean).join(' · ');
    case 'gateway':
    case 'service':
      return node.platform === 'serverless'
        ? 'serverless'
        : `${node.platform ?? 'vm'} × ${node.instances ?? 1}${node.autoscaling ? ` (≤ ${node.autoscaling.max})` : ''}`;
    case 'datastore':
      return [node.engine ?? 'datastore', node.promotion?.automatic ? 'auto-promote' : null].filter(Boolean).join(' · ');
    case 'backup':
      return node.of ? `of ${node.of}${node.intervalHours ? ` · every ${node.intervalHours} h` : ''}` : 'wire to a data store';
    case 'monitor':
      return 'alarms · on-call';
  }
}
