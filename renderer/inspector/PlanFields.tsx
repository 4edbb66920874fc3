/**
 * The plan-level panel (nothing selected): name and description, objectives, practices and
 * simulation settings, the shared failures (common causes) and scripted scenarios as list editors,
 * and every problem in the plan, each a link to the record it is about.
 */
import type { CommonCause, Scenario } from '../../sim/model/schema';
import { usePlanValidation } from '../app/usePlanValidation';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { selectRecords } from '../store/selectors';
import { edgeKey, nodeKey, regionKey } from '../store/selectionKeys';
import { nextId } from '../store/commands/draft';
import { useInspector } from './context';
import { DistributionField } from './DistributionField';
import { IdChips } from './editors';
import { NumberField, parseAvailability, Section, SelectField, TextField } from './fields';
import { getIn, type Path } from './paths';
import { CostOverrides } from '../review/CostOverrides';

export function PlanFields() {
  const records = useEditor(selectRecords);
  const nodeIds = Object.keys(records.nodes);
  return (
    <>
      <Section title="Design">
        <TextField path={['name']} label="Name" required />
        <TextField path={['description']} label="Description" multiline />
      </Section>
      <Section title="Objectives" hint="What the simulation judges the design against.">
        <NumberField path={['objectives', 'availability']} label="Availability SLO" unit="or %" placeholder="none" hint="Request-weighted; type 0.9995 or 99.95 %" parse={parseAvailability} />
        <NumberField path={['objectives', 'rtoSeconds']} label="RTO target" unit="s" placeholder="none" />
        <NumberField path={['objectives', 'rpoSeconds']} label="RPO target" unit="s" placeholder="none" />
        <NumberField path={['objectives', 'exceedanceMax']} label="Max exceedance" unit="0–1" hint="An RTO/RPO objective is met when P(sample > target) ≤ this" />
        <NumberField path={['objectives', 'monthlyBudgetUsd']} label="Monthly budget" unit="USD/mo" placeholder="none" />
        <NumberField path={['objectives', 'downtimeCostUsdPerMinute']} label="Downtime cost" unit="USD/min" placeholder="none" />
      </Section>
      <CostOverrides />
      <Section title="Practices">
        <NumberField path={['practices', 'drillsPerYear']} label="DR drills" unit="/yr" hint="Drills raise the success probability of promotions and restores" />
      </Section>
      <Section title="Simulation">
        <NumberField path={['simulation', 'horizonYears']} label="Horizon" unit="years" />
        <NumberField path={['simulation', 'replications']} label="Replications" unit="runs" />
        <NumberField path={['simulation', 'seed']} label="Seed" unit="int" />
      </Section>
      <ListSection<CommonCause>
        path={['commonCauses']}
        title="Common causes"
        hint="Shared failures that are not geographic: a bad global deploy, a provider service outage."
        noun="common cause"
        make={(taken) => ({
          id: nextId('cause', (id) => taken.has(id)),
          name: 'Bad global deploy',
          ratePerYear: 0.5,
          durationHours: { dist: 'lognormal', median: 1, sigma: 0.7 },
          affects: nodeIds.filter((id) => ['gateway', 'service'].includes(records.nodes[id]!.kind)).slice(0, 4),
        })}
        render={(base) => (
          <>
            <TextField path={[...base, 'id']} label="Id" required />
            <TextField path={[...base, 'name']} label="Name" />
            <NumberField path={[...base, 'ratePerYear']} label="Rate" unit="/yr" />
            <DistributionField path={[...base, 'durationHours']} label="Duration" unit="h" />
            <IdChips path={[...base, 'affects']} label="Affects" ids={nodeIds} />
          </>
        )}
      />
      <ListSection<Scenario>
        path={['scenarios']}
        title="Scenarios"
        hint="Scripted disruptions replayed deterministically (random failures off)."
        noun="scenario"
        make={(taken) => {
          const region = Object.keys(records.regions)[0];
          return {
            id: nextId('scenario', (id) => taken.has(id)),
            name: region ? `Lose ${region} for 4 hours` : 'Lose a node for 4 hours',
            atHours: 240,
            durationHours: 4,
            fail: region ? { region } : { node: nodeIds[0] ?? '' },
          };
        }}
        render={(base) => <ScenarioFields base={base} />}
      />
      <Problems />
    </>
  );
}

function ListSection<T extends { id: string }>(props: {
  path: Path;
  title: string;
  hint: string;
  noun: string;
  make: (taken: Set<string>) => T;
  render: (base: Path) => React.ReactNode;
}) {
  const { record, commit } = useInspector();
  const raw = getIn(record, props.path);
  const items = Array.isArray(raw) ? (raw as T[]) : [];
  const key = String(props.path[0]);
  return (
    <Section
      title={props.title}
      hint={props.hint}
      testId={`list-${key}`}
      aside={
        <button
          type="button"
          className="text-button"
          data-testid={`add-${key}`}
          onClick={() => commit(props.path, [...items, props.make(new Set(items.map((i) => i.id)))])}
        >
          + Add
        </button>
      }
    >
      {items.length === 0 && <p className="inspector-off">None.</p>}
      {items.map((item, i) => (
        <div className="list-item" key={i} data-testid={`${key}-${i}`}>
          <div className="list-item-head">
            <span>{item.id || `${props.noun} ${i + 1}`}</span>
            <button
              type="button"
              className="icon-button"
              title={`Remove this ${props.noun}`}
              data-testid={`remove-${key}-${i}`}
              onClick={() => commit(props.path, items.length === 1 ? undefined : items.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </div>
          {props.render([...props.path, i])}
        </div>
      ))}
    </Section>
  );
}

const FAIL_KINDS = ['region', 'zone', 'node', 'commonCause'] as const;

function ScenarioFields({ base }: { base: Path }) {
  const { record, commit } = useInspector();
  const records = useEditor(selectRecords);
  const fail = (getIn(record, [...base, 'fail']) ?? {}) as Record<string, unknown>;
  const kind = FAIL_KINDS.find((k) => k in fail) ?? 'region';
  const regions = Object.keys(records.regions);
  const causes = ((getIn(record, ['commonCauses']) as CommonCause[] | undefined) ?? []).map((c) => c.id);
  const failPath: Path = [...base, 'fail'];
  const first = { region: regions[0] ?? '', node: Object.keys(records.nodes)[0] ?? '', commonCause: causes[0] ?? '' };
  return (
    <>
      <TextField path={[...base, 'id']} label="Id" required />
      <TextField path={[...base, 'name']} label="Name" />
      <NumberField path={[...base, 'atHours']} label="Starts at" unit="h" />
      <NumberField path={[...base, 'durationHours']} label="Lasts" unit="h" />
      <SelectField
        path={[...failPath, '$kind']}
        label="Fails"
        value={kind}
        options={FAIL_KINDS.map((k) => ({ value: k, label: k === 'commonCause' ? 'common cause' : k }))}
        onCommit={(v) => {
          const k = v as (typeof FAIL_KINDS)[number];
          commit(failPath, k === 'zone' ? { zone: { region: first.region, zone: 0 } } : { [k]: first[k] });
        }}
      />
      {kind === 'region' && <SelectField path={[...failPath, 'region']} label="Region" options={regions.map((r) => ({ value: r, label: r }))} />}
      {kind === 'zone' && (
        <>
          <SelectField path={[...failPath, 'zone', 'region']} label="Region" options={regions.map((r) => ({ value: r, label: r }))} />
          <NumberField path={[...failPath, 'zone', 'zone']} label="Zone" unit="index" />
        </>
      )}
      {kind === 'node' && <SelectField path={[...failPath, 'node']} label="Node" options={Object.keys(records.nodes).map((n) => ({ value: n, label: n }))} />}
      {kind === 'commonCause' && <SelectField path={[...failPath, 'commonCause']} label="Common cause" options={causes.map((c) => ({ value: c, label: c }))} />}
    </>
  );
}

/** Every error and warning in the plan, each linking to the record it is about. */
function Problems() {
  const validation = usePlanValidation();
  const records = useEditor(selectRecords);
  const store = useEditorStoreApi();
  const all = [...validation.errors, ...validation.warnings];
  const keyOf = (segments: readonly (string | number)[]): string | null => {
    const [list, index] = segments;
    if (typeof index !== 'number') return null;
    if (list === 'nodes') return Object.keys(records.nodes)[index] !== undefined ? nodeKey(Object.keys(records.nodes)[index]!) : null;
    if (list === 'regions') return Object.keys(records.regions)[index] !== undefined ? regionKey(Object.keys(records.regions)[index]!) : null;
    if (list === 'edges') return Object.keys(records.edges)[index] !== undefined ? edgeKey(Object.keys(records.edges)[index]!) : null;
    return null;
  };
  return (
    <Section title="Problems" testId="problems" aside={<span className="count-pill">{all.length}</span>}>
      {all.length === 0 && <p className="inspector-off">None: the plan is valid.</p>}
      <ul className="problem-list">
        {all.map((i) => {
          const key = keyOf(i.pathSegments);
          return (
            <li key={`${i.severity}${i.code}${i.path}`} className={`problem is-${i.severity}`} data-testid={`problem-${i.severity}`} data-code={i.code}>
              <button type="button" disabled={!key} onClick={() => key && store.getState().setSelection([key])} title={key ? 'Select it' : undefined}>
                <span className="problem-head">
                  <code>{i.code}</code>
                  <span className="problem-path">{i.path}</span>
                </span>
                <span className="problem-message">{i.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
