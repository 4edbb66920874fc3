/**
 * The inspector's Cost section (nothing selected): the engineering rate and price and usage
 * overrides by rate-card key. Each write is an ordinary plan edit, so the Cost panel follows at once.
 */
import { useMemo, useState } from 'react';
import { buildRateCard } from '../../sim/cost';
import { useInspector } from '../inspector/context';
import { NumberField, Section } from '../inspector/fields';
import { getIn } from '../inspector/paths';

type Group = 'prices' | 'assumptions';

export function CostOverrides() {
  const { record, commit } = useInspector();
  const rates = useMemo(() => buildRateCard(undefined).all(), []);
  const [choice, setChoice] = useState('');
  const set = (group: Group) => (getIn(record, ['cost', group]) ?? {}) as Record<string, number>;
  const overridden: Array<{ group: Group; key: string }> = [
    ...Object.keys(set('prices')).map((key) => ({ group: 'prices' as const, key })),
    ...Object.keys(set('assumptions')).map((key) => ({ group: 'assumptions' as const, key })),
  ];
  const add = () => {
    const rate = rates.find((r) => r.key === choice);
    if (!rate) return;
    // usage.engineeringUsdPerHour has its own field (cost.engineeringUsdPerHour).
    commit(['cost', rate.kind === 'price' ? 'prices' : 'assumptions', rate.key], rate.value);
    setChoice('');
  };
  const remove = (group: Group, key: string) => {
    const rest = { ...set(group) };
    delete rest[key];
    commit(['cost', group], Object.keys(rest).length === 0 ? undefined : rest);
  };
  return (
    <Section title="Cost" hint="Replace a catalog price or a usage assumption; the Cost panel updates at once." testId="cost-overrides">
      <NumberField path={['cost', 'engineeringUsdPerHour']} label="Engineering" unit="USD/h" placeholder="100" />
      {overridden.map(({ group, key }) => {
        const rate = rates.find((r) => r.key === key);
        return (
          <div className="cost-override" key={`${group}:${key}`} data-testid={`override-${key}`} title={rate ? `catalog: ${rate.value} (${rate.source}, ${rate.asOf})` : 'not a rate-card key'}>
            <NumberField path={['cost', group, key]} label={key} unit={group === 'prices' ? 'USD' : ''} />
            <button type="button" className="icon-button" title="Back to the catalog value" onClick={() => remove(group, key)}>×</button>
          </div>
        );
      })}
      <div className="cost-override-add">
        <select className="field-input" value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Price or assumption to override" data-testid="override-choice">
          <option value="">Override a price…</option>
          {rates
            .filter((r) => r.key !== 'usage.engineeringUsdPerHour' && !overridden.some((o) => o.key === r.key))
            .map((r) => (
              <option key={r.key} value={r.key}>{r.key} ({r.value})</option>
            ))}
        </select>
        <button type="button" className="text-button" disabled={!choice} onClick={add} data-testid="override-add">+ Add</button>
      </div>
    </Section>
  );
}
