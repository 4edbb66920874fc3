/**
 * The right-hand panel. The inspector (issue 8) replaces the body; until then it summarises the
 * selection and lists the validation messages that point at it, so problems are visible in place.
 */
import { Glyph } from '../components/Glyph';
import { KIND_VISUAL, PROVIDER_VISUAL } from '../canvas/kinds';
import { useEditor } from '../store/EditorStoreContext';
import { selectRecords, selectSelection } from '../store/selectors';
import { parseKey, type RecordRef } from '../store/selectionKeys';
import type { PlanRecords } from '../store/records';
import { isMac } from './platformKeys';
import { usePlanValidation } from './usePlanValidation';

export function SidePanel() {
  const selection = useEditor(selectSelection);
  return (
    <aside className="side-panel" data-slot="inspector" aria-label="Inspector">
      <div className="panel-title">Inspector</div>
      {selection.length === 0 && <PlanSummary />}
      {selection.length === 1 && <SelectionSummary refKey={selection[0]!} />}
      {selection.length > 1 && <p className="panel-muted">{selection.length} items selected. Press Delete to remove them, {`Ctrl+C`} to copy.</p>}
    </aside>
  );
}

function PlanSummary() {
  const validation = usePlanValidation();
  const records = useEditor(selectRecords);
  const empty = Object.keys(records.nodes).length === 0 && Object.keys(records.regions).length === 0;
  return (
    <div className="panel-body">
      <p className="panel-muted">
        {empty ? 'An empty design. Add a region from the palette to begin.' : 'Select a component, a region or a wire to see its details.'}
      </p>
      <IssueList issues={validation.errors} warnings={validation.warnings} limit={6} />
      <Shortcuts />
    </div>
  );
}

const MOD = isMac() ? '⌘' : 'Ctrl';
const SHORTCUTS: [string, string][] = [
  ['Undo', `${MOD} Z`],
  ['Redo', `${MOD} ⇧ Z`],
  ['Delete', 'Del'],
  ['Copy / paste', `${MOD} C / V`],
  ['Select all', `${MOD} A`],
  ['Box select', '⇧ drag'],
  ['Fit view', 'F'],
];

function Shortcuts() {
  return (
    <section className="shortcuts" aria-label="Keyboard shortcuts">
      <div className="panel-subtitle">Shortcuts</div>
      <dl>
        {SHORTCUTS.map(([what, keys]) => (
          <div key={what}>
            <dt>{what}</dt>
            <dd>
              <kbd>{keys}</kbd>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function describe(records: PlanRecords, ref: RecordRef): { title: string; rows: [string, string][]; index: number; list: 'nodes' | 'regions' | 'edges' } | null {
  if (ref.type === 'node') {
    const node = records.nodes[ref.id];
    if (!node) return null;
    const region = node.region ? records.regions[node.region] : undefined;
    return {
      title: node.name ?? node.id,
      rows: [
        ['Kind', KIND_VISUAL[node.kind].label],
        ['Id', node.id],
        ['Region', region ? `${region.code ?? region.id}` : 'global'],
      ],
      index: Object.keys(records.nodes).indexOf(ref.id),
      list: 'nodes',
    };
  }
  if (ref.type === 'region') {
    const region = records.regions[ref.id];
    if (!region) return null;
    return {
      title: region.name ?? region.id,
      rows: [
        ['Provider', PROVIDER_VISUAL[region.provider ?? 'generic'].label],
        ['Code', region.code ?? '—'],
        ['Zones', String(region.zones ?? 1)],
        ['Id', region.id],
      ],
      index: Object.keys(records.regions).indexOf(ref.id),
      list: 'regions',
    };
  }
  const edge = records.edges[ref.id];
  if (!edge) return null;
  return {
    title: edge.kind === 'replication' ? 'Replication' : 'Traffic',
    rows: [
      ['From', edge.from],
      ['To', edge.to],
      ...(edge.kind === 'replication' ? ([['Mode', edge.mode]] as [string, string][]) : []),
    ],
    index: Object.keys(records.edges).indexOf(ref.id),
    list: 'edges',
  };
}

function SelectionSummary({ refKey }: { refKey: string }) {
  const records = useEditor(selectRecords);
  const validation = usePlanValidation();
  const ref = parseKey(refKey);
  const info = ref ? describe(records, ref) : null;
  if (!ref || !info) return null;
  const mine = (issues: typeof validation.errors) =>
    issues.filter((i) => i.pathSegments[0] === info.list && i.pathSegments[1] === info.index);
  const node = ref.type === 'node' ? records.nodes[ref.id] : undefined;
  return (
    <div className="panel-body" data-testid="selection-summary">
      <div className="panel-heading">
        {node && (
          <span className="panel-glyph" style={{ '--accent': KIND_VISUAL[node.kind].accent } as React.CSSProperties}>
            <Glyph name={node.kind} size={16} />
          </span>
        )}
        {ref.type === 'region' && (
          <span className="panel-glyph" style={{ '--accent': '#e8870b' } as React.CSSProperties}>
            <Glyph name="region" size={16} />
          </span>
        )}
        <span>{info.title}</span>
      </div>
      <dl className="panel-rows">
        {info.rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <IssueList issues={mine(validation.errors)} warnings={mine(validation.warnings)} limit={8} />
    </div>
  );
}

function IssueList({ issues, warnings, limit }: { issues: { code: string; path: string; message: string }[]; warnings: { code: string; path: string; message: string }[]; limit: number }) {
  if (issues.length === 0 && warnings.length === 0) return null;
  const shown = [...issues.map((i) => ({ ...i, tone: 'error' })), ...warnings.map((w) => ({ ...w, tone: 'warning' }))].slice(0, limit);
  return (
    <ul className="issue-list">
      {shown.map((i) => (
        <li key={`${i.tone}${i.code}${i.path}`} className={`issue is-${i.tone}`}>
          <span className="issue-path">{i.path}</span>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
