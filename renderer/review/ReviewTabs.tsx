/**
 * The results dock's views: the simulation dashboard and the design-review panels (cost, strategy
 * matrix, designs side by side). Cost needs no run, so every tab is reachable before the first run.
 */
import { CostPanel } from './CostPanel';
import { StrategyPanel } from './StrategyPanel';
import { ComparePanel } from './ComparePanel';
import { SensitivityPanel } from './SensitivityPanel';
import { useReview } from './reviewStore';
import './review.css';

export type DockTab = 'results' | 'cost' | 'strategies' | 'compare' | 'sensitivity';

const TABS: Array<{ id: DockTab; label: string }> = [
  { id: 'results', label: 'Simulation' },
  { id: 'cost', label: 'Cost' },
  { id: 'strategies', label: 'Strategies' },
  { id: 'compare', label: 'Designs' },
  { id: 'sensitivity', label: 'Sensitivity' },
];

export function ReviewTabs({ tab, onTab }: { tab: DockTab; onTab: (t: DockTab) => void }) {
  const editing = useReview((s) => s.editing);
  return (
    <>
      <div className="segmented dock-tabs" role="tablist" aria-label="Results view">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`segment${tab === t.id ? ' is-active' : ''}`} data-testid={`dock-tab-${t.id}`} onClick={() => onTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {/* Canvas edits go into the variant until it is saved or discarded: say so in every view. */}
      {editing && tab !== 'compare' && (
        <button type="button" className="dock-chip is-stale" data-testid="variant-editing-chip" onClick={() => onTab('compare')}>
          Editing variant “{editing.name}” — save or discard in Designs
        </button>
      )}
    </>
  );
}

export function ReviewBody({ tab }: { tab: Exclude<DockTab, 'results'> }) {
  if (tab === 'cost') return <CostPanel />;
  if (tab === 'strategies') return <StrategyPanel />;
  if (tab === 'sensitivity') return <SensitivityPanel />;
  return <ComparePanel />;
}
