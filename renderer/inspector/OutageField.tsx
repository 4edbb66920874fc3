/**
 * A region's outage process in three states, as the format has them: the catalog's (field absent),
 * none (`null`), or the plan's own rate and duration.
 */
import { useId } from 'react';
import { useFieldIssues, useInspector } from './context';
import { DistributionField } from './DistributionField';
import { describeDistribution, formatNumber } from './distributions';
import { Messages, NumberField, Section } from './fields';
import { getIn, pathKey, type Path } from './paths';
import type { OutageProcess } from '../../sim/model/schema';

export function OutageField({ path, title, hint }: { path: Path; title: string; hint: string }) {
  const { record, defaults, commit } = useInspector();
  const id = useId();
  const value = getIn(record, path) as OutageProcess | null | undefined;
  const fallback = getIn(defaults, path) as OutageProcess | null | undefined;
  const state = value === undefined ? 'catalog' : value === null ? 'none' : 'custom';
  const custom = state === 'custom';
  const { errors, warnings } = useFieldIssues(path, !custom);
  const catalogText = fallback ? `${formatNumber(fallback.ratePerYear)}/yr, ${describeDistribution(fallback.durationHours, 'h')}` : 'none';
  return (
    <Section title={title} hint={hint} testId={`section-${pathKey(path)}`}>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Process
        </label>
        <div className="field-control">
          <select
            id={id}
            className="field-input"
            data-testid={`field-${pathKey(path)}`}
            value={state}
            onChange={(e) => {
              const next = e.target.value;
              commit(path, next === 'catalog' ? undefined : next === 'none' ? null : (value ?? fallback ?? { ratePerYear: 0.2, durationHours: { dist: 'lognormal', median: 6, sigma: 1 } }));
            }}
          >
            <option value="catalog">Catalog ({state === 'catalog' ? catalogText : 'default'})</option>
            <option value="none">None</option>
            <option value="custom">Custom</option>
          </select>
        <span className="field-unit" />
        </div>
      </div>
      {custom && (
        <>
          <NumberField path={[...path, 'ratePerYear']} label="Rate" unit="/yr" hint="Per year of up-time" />
          <DistributionField path={[...path, 'durationHours']} label="Duration" unit="h" />
        </>
      )}
      {!custom && <Messages errors={errors} warnings={warnings} />}
    </Section>
  );
}
