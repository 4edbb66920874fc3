/**
 * A region: a resizable container tinted by provider, with provider, region code, name and zones in
 * its header. Resizing is one undo step (mark on start, squash on end).
 */
import { memo } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { Glyph } from '../components/Glyph';
import { REGION_MIN_SIZE } from '../store/commands/geometry';
import { useCardOverlay } from '../results/canvasOverlay';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { PROVIDER_VISUAL } from './kinds';
import type { RegionFlowNode } from './toFlow';

const ZONE_LETTERS = 'abcdefghijkl';
const RESIZE_MARK = 'resize-region';

function RegionContainerView({ data, selected }: NodeProps<RegionFlowNode>) {
  const region = useEditor((s) => s.records.regions[data.regionId]);
  const members = useEditor((s) => Object.values(s.records.nodes).filter((n) => n.region === data.regionId).length);
  const store = useEditorStoreApi();
  const overlay = useCardOverlay('regions', data.regionId);
  if (!region) return null;
  const provider = PROVIDER_VISUAL[region.provider ?? 'generic'];
  const zones = region.zones ?? 1;
  return (
    <div
      className={`region${selected ? ' is-selected' : ''}${data.dropTarget ? ' is-drop-target' : ''}${overlay.className}`}
      data-testid={`region-${region.id}`}
      style={{ '--tint': provider.tint, ...overlay.style } as React.CSSProperties}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={REGION_MIN_SIZE.width}
        minHeight={REGION_MIN_SIZE.height}
        color={provider.tint}
        onResizeStart={() => store.getState().mark(RESIZE_MARK)}
        onResizeEnd={() => {
          // Growing or shrinking a box can take nodes in or leave them out.
          const state = store.getState();
          state.rehomeNodes(Object.keys(state.records.nodes));
          state.squashToMark(RESIZE_MARK);
        }}
      />
      <header className="region-header">
        <span className="region-provider">{provider.label}</span>
        <span className="region-code">{region.code ?? region.id}</span>
        <span className="region-name">{region.name ?? ''}</span>
        <span className="region-spacer" />
        {overlay.badge && (
          <span className="region-heat" data-testid={`heat-region-${region.id}`} title="Share of downtime in incidents that took this region down">
            {overlay.badge} of downtime
          </span>
        )}
        <span className="region-zones" title={`${zones} availability zone${zones === 1 ? '' : 's'}`}>
          {Array.from({ length: zones }, (_, i) => (
            <span key={i} className="zone-pill">
              {(region.code ?? '') + (ZONE_LETTERS[i] ?? String(i))}
            </span>
          ))}
        </span>
      </header>
      {members === 0 && (
        <div className="region-empty">
          <Glyph name="region" size={16} /> Drop components here
        </div>
      )}
    </div>
  );
}

export const RegionContainer = memo(RegionContainerView);
