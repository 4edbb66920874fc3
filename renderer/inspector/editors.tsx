/**
 * Editors for the fields that are not one value: a DNS node's targets (kept equal to its drawn
 * traffic edges, as PLAN-FORMAT requires), client origins (region → share), and id lists (a common
 * cause's `affects`, a geo target's origins) as toggle chips.
 */
import type { DnsNode, DnsTarget, PlanNode } from '../../sim/model/schema';
import { edgeIdFor, type PlanRecords } from '../store/records';
import { produceDiff } from '../store/commands/draft';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectRecords } from '../store/selectors';
import { useFieldIssues, useInspector } from './context';
import { BoolField, Messages, NumberField, SelectField } from './fields';
import { formatNumber } from './distributions';
import { getIn, pathKey, type Path } from './paths';

/** The DNS node with new targets, and its traffic edges redrawn to match when it had any drawn. */
export function dnsTargetsDiff(records: PlanRecords, dnsId: string, targets: DnsTarget[]) {
  return produceDiff(records, (draft) => {
    const dns = draft.nodes[dnsId];
    if (!dns || dns.kind !== 'dns') return;
    const drawn = Object.values(records.edges).filter((e) => e.kind === 'traffic' && e.from === dnsId);
    draft.nodes[dnsId] = { ...dns, targets };
    if (drawn.length === 0 && dns.targets.length > 0) return;
    const wanted = new Set(targets.map((t) => t.node).filter((n) => n in records.nodes && n !== dnsId));
    for (const e of drawn) if (!wanted.has(e.to)) delete draft.edges[e.id];
    const taken = new Set(Object.keys(draft.edges));
    for (const node of wanted) {
      if (drawn.some((e) => e.to === node)) continue;
      const id = edgeIdFor({ kind: 'traffic', from: dnsId, to: node }, taken);
      taken.add(id);
      draft.edges[id] = { id, kind: 'traffic', from: dnsId, to: node };
    }
  });
}

const routable = (n: PlanNode, self: string) => n.id !== self && n.kind !== 'clients' && n.kind !== 'backup' && n.kind !== 'monitor';

export function DnsTargetsEditor({ node }: { node: DnsNode }) {
  const store = useEditorStoreApi();
  const records = useEditor(selectRecords);
  const { errors, warnings } = useFieldIssues(['targets']);
  const policy = node.policy ?? 'simple';
  const targets: DnsTarget[] = Array.isArray(node.targets) ? node.targets : [];
  const write = (next: DnsTarget[]) => {
    const state = store.getState();
    state.applyPlanDiff(dnsTargetsDiff(state.records, node.id, next), { history: 'record' });
  };
  const candidates = Object.values(records.nodes).filter((n) => routable(n, node.id));
  const unused = candidates.filter((n) => !targets.some((t) => t.node === n.id));
  const regions = Object.keys(records.regions);
  // Messages about one target's field are shown by that field; the list shows the rest.
  const listLevel = (list: typeof errors) => list.filter((i) => i.rel.length <= 2);
  return (
    <div className="targets" data-testid="dns-targets">
      {targets.length === 0 && <p className="inspector-off">No targets yet. Wire this DNS node to load balancers, or add one here.</p>}
      {targets.map((t, i) => {
        const base: Path = ['targets', i];
        const showRole = policy === 'failover' || t.role !== undefined;
        const showWeight = policy === 'weighted' || t.weight !== undefined;
        const showGeo = policy === 'geo' || t.origins !== undefined || t.default !== undefined;
        return (
          <div className="target-row" key={`${i}-${t.node}`} data-testid={`dns-target-${i}`}>
            <div className="target-head">
              <span className="target-index">{i + 1}</span>
              <SelectField
                path={[...base, 'node']}
                label="Target"
                options={[...candidates.map((n) => ({ value: n.id, label: `${n.name ?? n.id} (${n.id})` }))]}
                onCommit={(v) => write(targets.map((x, k) => (k === i ? { ...x, node: String(v ?? '') } : x)))}
              />
              <button type="button" className="icon-button" title="Remove this target" data-testid={`remove-target-${i}`} onClick={() => write(targets.filter((_, k) => k !== i))}>
                ×
              </button>
            </div>
            {showRole && (
              <SelectField
                path={[...base, 'role']}
                label="Role"
                defaultLabel="None"
                options={[
                  { value: 'primary', label: 'Primary' },
                  { value: 'secondary', label: 'Secondary' },
                ]}
              />
            )}
            {showWeight && <NumberField path={[...base, 'weight']} label="Weight" hint="Share = weight ÷ Σ weights of the targets believed healthy" />}
            {showGeo && <IdChips path={[...base, 'origins']} label="Serves origins" ids={regions} />}
            {showGeo && <BoolField path={[...base, 'default']} label="Default target" hint="Answers origins no target lists" />}
          </div>
        );
      })}
      {unused.length > 0 && (
        <select
          className="field-input add-select"
          data-testid="add-target"
          value=""
          onChange={(e) => {
            if (!e.target.value) return;
            const entry: DnsTarget = { node: e.target.value };
            if (policy === 'failover') {
              const roles = new Set(targets.map((t) => t.role));
              if (!roles.has('primary')) entry.role = 'primary';
              else if (!roles.has('secondary')) entry.role = 'secondary';
            } else if (policy === 'weighted') entry.weight = 1;
            write([...targets, entry]);
          }}
        >
          <option value="">+ Add target…</option>
          {unused.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name ?? n.id} ({n.id})
            </option>
          ))}
        </select>
      )}
      <Messages errors={listLevel(errors)} warnings={listLevel(warnings)} />
    </div>
  );
}

/** Client origins: a share per region; the sum is shown because validation wants exactly 1. */
export function OriginsEditor() {
  const { record, commit } = useInspector();
  const records = useEditor(selectRecords);
  const { errors, warnings } = useFieldIssues(['origins']);
  const origins = (getIn(record, ['origins']) ?? {}) as Record<string, unknown>;
  const ids = [...new Set([...Object.keys(records.regions), ...Object.keys(origins)])];
  const sum = Object.values(origins).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  if (ids.length === 0) return <p className="inspector-off">Add regions to say where clients are.</p>;
  return (
    <div className="origins" data-testid="origins">
      {ids.map((id) => (
        <NumberField
          key={id}
          path={['origins', id]}
          label={records.regions[id]?.name ?? id}
          unit="share"
          placeholder="0"
          onCommit={(v) => commit(['origins', id], v)}
        />
      ))}
      <p className={`origins-sum${Object.keys(origins).length && Math.abs(sum - 1) > 1e-6 ? ' is-off' : ''}`}>
        Σ = {formatNumber(sum)} {Object.keys(origins).length === 0 ? '(no origins: every client is everywhere)' : '(must be 1)'}
      </p>
      <Messages errors={errors.filter((i) => i.rel.length === 1)} warnings={warnings.filter((i) => i.rel.length === 1)} />
    </div>
  );
}

/** A list of ids edited as chips that toggle; ids the plan lists but that do not exist are shown struck. */
export function IdChips({ path, label, ids, hint }: { path: Path; label: string; ids: readonly string[]; hint?: string }) {
  const { record, commit } = useInspector();
  const { errors, warnings } = useFieldIssues(path);
  const raw = getIn(record, path);
  const value = Array.isArray(raw) ? (raw as string[]) : [];
  const all = [...new Set([...ids, ...value])];
  const toggle = (id: string) => {
    const next = value.includes(id) ? value.filter((x) => x !== id) : [...value, id];
    commit(path, next.length || raw !== undefined ? next : undefined);
  };
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`} data-field={pathKey(path)}>
      <span className="field-label" title={hint}>
        {label}
      </span>
      <div className="chips" data-testid={`field-${pathKey(path)}`}>
        {all.length === 0 && <span className="inspector-off">nothing to choose</span>}
        {all.map((id) => (
          <button
            key={id}
            type="button"
            className={`chip${value.includes(id) ? ' is-on' : ''}${ids.includes(id) ? '' : ' is-unknown'}`}
            aria-pressed={value.includes(id)}
            onClick={() => toggle(id)}
          >
            {id}
          </button>
        ))}
      </div>
      <Messages errors={errors} warnings={warnings} />
    </div>
  );
}
