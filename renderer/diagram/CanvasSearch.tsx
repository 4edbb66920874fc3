/**
 * The canvas search (Ctrl+K): type part of a name, id, kind or engine, pick a component with the
 * arrow keys and Enter (or a click), and the canvas centres on it and selects it.
 */
import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { iconFor, providerOf } from '../../sim/diagram/icons';
import { nodeCenter, nodePosition } from '../store/commands/geometry';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectRecords } from '../store/selectors';
import { nodeKey } from '../store/selectionKeys';
import { searchNodes } from './searchNodes';
import { useSearchState } from './searchState';
import { ServiceIcon } from './ServiceIcon';

export function CanvasSearch() {
  const open = useSearchState((s) => s.open);
  return open ? <SearchBox /> : null;
}

function SearchBox() {
  const store = useEditorStoreApi();
  const records = useEditor(selectRecords);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const nodes = useMemo(() => Object.values(records.nodes), [records.nodes]);
  const hits = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const regions = Object.values(records.regions);
  const close = () => useSearchState.getState().setOpen(false);

  const go = (id: string) => {
    const index = nodes.findIndex((n) => n.id === id);
    const node = nodes[index];
    if (!node) return;
    const c = nodeCenter(nodePosition(node, index));
    void flow.setCenter(c.x, c.y, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
    store.getState().setSelection([nodeKey(id)]);
    close();
  };

  return (
    <div className="canvas-search" role="dialog" aria-label="Find a component" data-testid="canvas-search">
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="canvas-search-results"
        aria-activedescendant={hits[active] ? `search-hit-${hits[active].node.id}` : undefined}
        placeholder="Find a component by name, id, kind or engine…"
        data-testid="canvas-search-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) go(hits[active].node.id);
          else return;
          e.preventDefault();
        }}
      />
      {hits.length ? (
        <ul id="canvas-search-results" role="listbox">
          {hits.map((hit, i) => {
            const icon = iconFor(hit.node, providerOf(hit.node, regions));
            return (
              <li
                key={hit.node.id}
                id={`search-hit-${hit.node.id}`}
                role="option"
                aria-selected={i === active}
                data-testid={`search-hit-${hit.node.id}`}
                // Pick on mouse down, before the input's blur closes the box.
                onMouseDown={(e) => {
                  e.preventDefault();
                  go(hit.node.id);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="search-icon" style={{ background: icon.tile }}>
                  <ServiceIcon icon={icon} size={16} />
                </span>
                {hit.node.name ?? hit.node.id}
                <span className="search-meta">
                  {hit.node.id}
                  {hit.node.region ? ` · ${hit.node.region}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="search-empty">No component matches “{query}”.</div>
      )}
    </div>
  );
}
