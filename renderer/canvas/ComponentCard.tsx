/** A component on the canvas: glyph tile, name, the one-line summary, and a handle on each side. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { iconFor, providerOf } from '../../sim/diagram/icons';
import { ServiceIcon } from '../diagram/ServiceIcon';
import { useCardOverlay } from '../results/canvasOverlay';
import { useEditor } from '../store/EditorStoreContext';
import { KIND_VISUAL, nodeSubtitle } from './kinds';
import type { ComponentFlowNode } from './toFlow';

const SIDES = [
  ['t', Position.Top],
  ['r', Position.Right],
  ['b', Position.Bottom],
  ['l', Position.Left],
] as const;

function ComponentCardView({ data, selected }: NodeProps<ComponentFlowNode>) {
  // Each card subscribes to its own record only, so editing one node re-renders one card.
  const node = useEditor((s) => s.records.nodes[data.nodeId]);
  // Results pointing at this card: highlighted or dimmed, and tinted in the heat view.
  const overlay = useCardOverlay('nodes', data.nodeId);
  // The provider decides between an AWS service icon and a neutral one; a string, so this re-renders rarely.
  const provider = useEditor((s) => {
    const n = s.records.nodes[data.nodeId];
    return n ? providerOf(n, Object.values(s.records.regions)) : undefined;
  });
  if (!node) return null;
  const icon = iconFor(node, provider);
  const visual = KIND_VISUAL[node.kind];
  return (
    <div
      className={`card${selected ? ' is-selected' : ''}${overlay.className}`}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      style={{ '--accent': visual.accent, ...overlay.style } as React.CSSProperties}
      title={`${visual.label} · ${node.id}`}
    >
      <div className="card-glyph" style={{ background: icon.tile }} data-icon={icon.id} title={icon.label}>
        <ServiceIcon icon={icon} size={22} />
      </div>
      <div className="card-text">
        <div className="card-name">{node.name ?? node.id}</div>
        <div className="card-sub">{nodeSubtitle(node)}</div>
      </div>
      {overlay.badge && (
        <span className="card-heat" data-testid={`heat-${node.id}`} title="Share of downtime in incidents that took this component down">
          {overlay.badge}
        </span>
      )}
      {/* Loose connection mode: every handle both starts and ends wires; the plan edge keeps direction. */}
      {SIDES.map(([id, position]) => (
        <Handle key={id} id={id} type="source" position={position} className="card-handle" />
      ))}
    </div>
  );
}

export const ComponentCard = memo(ComponentCardView);
