/**
 * The inspector: every field of the selected node, region or wire, or of the plan itself when
 * nothing is selected. Each committed change is one undoable step through applyPlanDiff.
 */
import type { Issue } from '../../sim/model/issues';
import { PROVIDERS, REPLICATION_MODES, type PlanNode, type Region } from '../../sim/model/schema';
import { Glyph } from '../components/Glyph';
import { KIND_VISUAL } from '../canvas/kinds';
import { AWS_REGION_SUGGESTIONS } from '../store/commands/nodeDefaults';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { META_KEY, type EdgeRecord } from '../store/records';
import { selectRecords, selectSelection } from '../store/selectors';
import { nodeKey, parseKey, regionKey } from '../store/selectionKeys';
import { DistributionField } from './DistributionField';
import { NumberField, OptionalSection, Section, SelectField, TextField } from './fields';
import { KindFields } from './NodeFields';
import { PlanFields } from './PlanFields';
import { RecordFrame, useResolvedPlan } from './RecordFrame';
import { renameNodeDiff, renameRegionDiff } from './renameId';
import { useInspector } from './context';
import { OutageField } from './OutageField';

export function Inspector() {
  const selection = useEditor(selectSelection);
  const ref = selection.length === 1 ? parseKey(selection[0]!) : null;
  return (
    <div className="inspector" data-testid="inspector">
      {selection.length === 0 && <PlanInspector />}
      {ref?.type === 'node' && <NodeInspector id={ref.id} />}
      {ref?.type === 'region' && <RegionInspector id={ref.id} />}
      {ref?.type === 'edge' && <EdgeInspector id={ref.id} />}
      {selection.length > 1 && (
        <p className="panel-muted inspector-multi">
          {selection.length} items selected. Press Delete to remove them, Ctrl+C to copy, or select one to edit it.
        </p>
      )}
    </div>
  );
}

function Heading({ icon, accent, title, kind }: { icon: Parameters<typeof Glyph>[0]['name']; accent: string; title: string; kind: string }) {
  return (
    <div className="inspector-heading">
      <span className="panel-glyph" style={{ '--accent': accent } as React.CSSProperties}>
        <Glyph name={icon} size={16} />
      </span>
      <div className="inspector-heading-text">
        <span className="inspector-title" data-testid="inspector-title">
          {title}
        </span>
        <span className="inspector-kind">{kind}</span>
      </div>
    </div>
  );
}

/** The id, renamed with every reference to it (or refused, with the reason, when taken). */
function IdField({ type }: { type: 'node' | 'region' }) {
  const store = useEditorStoreApi();
  const { id } = useInspector();
  return (
    <TextField
      path={['id']}
      label="Id"
      required
      hint="Referenced by wires, targets, backups, common causes and scenarios; renaming updates them all"
      onCommit={(value) => {
        const next = typeof value === 'string' ? value.trim() : '';
        const state = store.getState();
        const result = type === 'node' ? renameNodeDiff(state.records, id, next) : renameRegionDiff(state.records, id, next);
        if (!result.ok) {
          state.showToast(result.reason);
          return;
        }
        state.applyPlanDiff(result.diff, { history: 'record' });
        state.setSelection([type === 'node' ? nodeKey(next) : regionKey(next)]);
      }}
    />
  );
}

function NodeInspector({ id }: { id: string }) {
  const records = useEditor(selectRecords);
  const resolved = useResolvedPlan();
  const node = records.nodes[id];
  if (!node) return null;
  const index = Object.keys(records.nodes).indexOf(id);
  const visual = KIND_VISUAL[node.kind];
  return (
    <RecordFrame collection="nodes" id={id} record={node} base={['nodes', index]} defaults={resolved?.nodes[index]}>
      <Heading icon={node.kind} accent={visual.accent} title={node.name ?? node.id} kind={`${visual.label} · ${node.id}`} />
      <Section title="General">
        <IdField type="node" />
        <TextField path={['name']} label="Name" placeholder={node.id} />
        <SelectField
          path={['region']}
          label="Region"
          defaultLabel="Global (no region)"
          options={Object.values(records.regions).map((r) => ({ value: r.id, label: `${r.code ?? r.id}${r.name ? ` · ${r.name}` : ''}` }))}
        />
        {(node.region !== undefined || node.zone !== undefined) && <ZoneField node={node} />}
        <TextField path={['notes']} label="Notes" multiline />
      </Section>
      <KindFields node={node} />
    </RecordFrame>
  );
}

function ZoneField({ node }: { node: PlanNode }) {
  const fleet = node.kind === 'gateway' || node.kind === 'service';
  return (
    <NumberField
      path={['zone']}
      label="Zone"
      unit="index"
      placeholder={fleet ? 'spread' : 'any'}
      hint={fleet ? 'Fleets spread instance i over zone i mod zones; set a zone to pin the whole fleet' : 'A node is zone-bound only when it names a zone (numbered from 0)'}
    />
  );
}

const PROVIDER_LABEL: Record<string, string> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP', generic: 'Generic' };

function RegionInspector({ id }: { id: string }) {
  const records = useEditor(selectRecords);
  const resolved = useResolvedPlan();
  const region: Region | undefined = records.regions[id];
  if (!region) return null;
  const index = Object.keys(records.regions).indexOf(id);
  const defaults = resolved?.regions[index];
  return (
    <RecordFrame collection="regions" id={id} record={region} base={['regions', index]} defaults={defaults}>
      <Heading icon="region" accent="#e8870b" title={region.name ?? region.code ?? region.id} kind={`Region · ${region.id}`} />
      <Section title="General">
        <IdField type="region" />
        <TextField path={['name']} label="Name" />
        <SelectField path={['provider']} label="Provider" options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABEL[p]! }))} defaultLabel="Default" />
        <TextField path={['code']} label="Code" suggestions={AWS_REGION_SUGGESTIONS.map((s) => s.code)} hint="A known code brings the catalog’s location and outage figures" />
        <NumberField path={['zones']} label="Zones" unit="count" />
        <TextField path={['notes']} label="Notes" multiline />
      </Section>
      <OptionalSection
        path={['location']}
        title="Location"
        hint="Latency routing measures great-circle distance between locations."
        offText={defaults?.location ? `From the catalog: ${defaults.location.lat}°, ${defaults.location.lon}°.` : 'Unknown (no catalog location for this code).'}
        make={() => defaults?.location ?? { lat: 0, lon: 0 }}
      >
        <NumberField path={['location', 'lat']} label="Latitude" unit="°" />
        <NumberField path={['location', 'lon']} label="Longitude" unit="°" />
      </OptionalSection>
      <OutageField path={['outage']} title="Region outages" hint="Everything placed in the region goes down together." />
      <OutageField path={['zoneOutage']} title="Zone outages" hint="Each zone has its own process and takes down its share." />
    </RecordFrame>
  );
}

function EdgeInspector({ id }: { id: string }) {
  const records = useEditor(selectRecords);
  const resolved = useResolvedPlan();
  const edge: EdgeRecord | undefined = records.edges[id];
  if (!edge) return null;
  const index = Object.keys(records.edges).indexOf(id);
  const nodeOptions = Object.values(records.nodes)
    .filter((n) => (edge.kind === 'replication' ? n.kind === 'datastore' : true))
    .map((n) => ({ value: n.id, label: `${n.name ?? n.id} (${n.id})` }));
  return (
    <RecordFrame collection="edges" id={id} record={edge} base={['edges', index]} defaults={resolved?.edges[index]}>
      <Heading
        icon={edge.kind}
        accent={edge.kind === 'replication' ? '#b45309' : '#475569'}
        title={edge.kind === 'replication' ? 'Replication' : 'Traffic'}
        kind={`${edge.from} → ${edge.to}`}
      />
      <Section title="Wire" hint={edge.kind === 'traffic' ? 'The caller needs the callee (in series), unless it is DNS or a load balancer choosing among targets.' : 'Copies data from the primary to a replica.'}>
        <SelectField path={['from']} label="From" options={nodeOptions} />
        <SelectField path={['to']} label="To" options={nodeOptions} />
        <TextField path={['label']} label="Label" hint="Shown on the wire in the diagram and its exports (double-click a wire to edit it there)" />
      </Section>
      {edge.kind === 'replication' && (
        <Section title="Replication">
          <SelectField path={['mode']} label="Mode" options={REPLICATION_MODES.map((m) => ({ value: m, label: m }))} hint="sync loses nothing; async loses the lag; multiwriter needs no promotion" />
          <DistributionField path={['lagSeconds']} label="Lag" unit="s" optional />
        </Section>
      )}
    </RecordFrame>
  );
}

const planLevel = (i: Issue) => !['regions', 'nodes', 'edges'].includes(String(i.pathSegments[0]));

function PlanInspector() {
  const records = useEditor(selectRecords);
  const resolved = useResolvedPlan();
  const meta = records.meta[META_KEY];
  if (!meta) return null;
  const defaults = resolved && { ...meta, practices: resolved.practices, objectives: resolved.objectives, simulation: resolved.simulation };
  return (
    <RecordFrame collection="meta" id={META_KEY} record={meta} base={[]} defaults={defaults} filter={planLevel}>
      <PlanFields />
    </RecordFrame>
  );
}
