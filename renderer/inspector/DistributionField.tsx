/**
 * A distribution edited as a kind plus its parameters, with the density and its mean drawn below.
 * Switching kind keeps the mean where it can, so a change of shape does not change the scale.
 * An optional distribution can go back to the catalog's, which is then plotted (muted) instead.
 */
import { useId } from 'react';
import type { Distribution, DistributionKind } from '../../sim/model/schema';
import { useFieldIssues, useInspector } from './context';
import { DensityPlot } from './DensityPlot';
import { DIST_KINDS, DIST_LABEL, DIST_PARAMS, describeDistribution, switchKind } from './distributions';
import { Messages, NumberField } from './fields';
import { getIn, pathKey, startsWith, type Path } from './paths';

const CATALOG_VALUE = '\u0000catalog';

export function DistributionField(props: { path: Path; label: string; unit: string; optional?: boolean; hint?: string; defaultLabel?: string }) {
  const { record, defaults, commit } = useInspector();
  const id = useId();
  const value = getIn(record, props.path) as Distribution | undefined;
  const fallback = getIn(defaults, props.path) as Distribution | undefined;
  const { errors, warnings } = useFieldIssues(props.path);
  const kind = value && typeof value === 'object' ? (value as { dist?: unknown }).dist : undefined;
  const params = typeof kind === 'string' && kind in DIST_PARAMS ? DIST_PARAMS[kind as DistributionKind] : [];
  // Parameters show their own messages; this field shows the rest (a wrong kind, a degenerate shape).
  const own = (list: typeof errors) => list.filter((i) => !params.some((p) => startsWith(i.rel, [...props.path, p.key])));
  const tone = errors.length ? ' has-error' : warnings.length ? ' has-warning' : '';
  const key = pathKey(props.path);
  return (
    <div className={`field dist-field${tone}`} data-field={key} data-testid={`dist-${key}`}>
      <label htmlFor={id} className="field-label" title={props.hint}>
        {props.label}
      </label>
      <div className="field-control">
        <select
          id={id}
          className="field-input"
          data-testid={`field-${key}.dist`}
          aria-invalid={own(errors).length > 0 || undefined}
          aria-describedby={own(errors).length + own(warnings).length > 0 ? `${id}-messages` : undefined}
          value={value === undefined ? CATALOG_VALUE : String(kind)}
          onChange={(e) => {
            const next = e.target.value;
            commit(props.path, next === CATALOG_VALUE ? undefined : switchKind(next as DistributionKind, value ?? fallback));
          }}
        >
          {props.optional && (
            <option value={CATALOG_VALUE}>
              {props.defaultLabel ?? 'Catalog'}
              {fallback ? `: ${describeDistribution(fallback, props.unit)}` : ''}
            </option>
          )}
          {value !== undefined && !(DIST_KINDS as readonly unknown[]).includes(kind) && <option value={String(kind)}>{String(kind)}</option>}
          {DIST_KINDS.map((k) => (
            <option key={k} value={k}>
              {DIST_LABEL[k]}
            </option>
          ))}
        </select>
        <span className="field-unit" />
      </div>
      {value !== undefined && params.length > 0 && (
        <div className="dist-params">
          {params.map((p) => (
            <NumberField key={p.key} path={[...props.path, p.key]} label={p.label} unit={p.hasUnit ? props.unit : undefined} hint={p.hint} />
          ))}
        </div>
      )}
      <DensityPlot dist={value ?? fallback} unit={props.unit} muted={value === undefined} testId={`plot-${key}`} />
      <Messages errors={own(errors)} warnings={own(warnings)} id={`${id}-messages`} />
    </div>
  );
}
