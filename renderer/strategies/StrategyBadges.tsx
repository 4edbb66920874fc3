/**
 * The eight strategies of the strategy matrix as badges over the canvas, lit when the plan uses
 * them. Hovering (or focusing) one shows why — the detector's reason, naming the plan's ids — and
 * the strategy's row of the qualitative matrix, with its source.
 */
import { useMemo } from 'react';
import { detectStrategies, type StrategyFinding } from '../../sim/analysis/strategies';
import { CATALOG } from '../../sim/catalog';
import type { Plan } from '../../sim/model/schema';
import { useContentPlan } from '../app/usePlanValidation';

const SHORT: Record<StrategyFinding['id'], string> = {
  multiRegion: 'Multi-region',
  loadBalancing: 'Load balancing',
  automaticFailover: 'Auto failover',
  dataReplication: 'Replication',
  containers: 'Containers',
  serverless: 'Serverless',
  monitoring: 'Monitoring',
  regularTesting: 'DR drills',
};

/** Findings for a plan; a plan mid-edit may be malformed, and then no strategy is claimed. */
export function findingsOf(plan: Plan): StrategyFinding[] | null {
  try {
    return detectStrategies(plan);
  } catch {
    return null;
  }
}

/**
 * The detector's reason without its "name: " prefix (the popover's title already names it). Not
 * capitalised: it often starts with a plan id, and ids are case-sensitive.
 */
function sentence(reason: string): string {
  const at = reason.indexOf(': ');
  return `${at >= 0 ? reason.slice(at + 2) : reason}.`;
}

export function StrategyBadges() {
  // Strategies do not depend on where cards are drawn: a drag does not re-detect them.
  const plan = useContentPlan();
  const findings = useMemo(() => findingsOf(plan), [plan]);
  if (!findings) return null;
  const used = findings.filter((f) => f.used).length;
  return (
    <div className="strategy-bar" data-testid="strategy-badges" aria-label={`Strategies: ${used} of 8 used`}>
      <span className="strategy-count" title="Strategies of the comparison matrix this design uses">
        {used}/8
      </span>
      {findings.map((f) => {
        const row = CATALOG.strategies.byId[f.id];
        return (
          <div key={f.id} className={`strategy-badge${f.used ? ' is-used' : ''}`} data-testid={`strategy-${f.id}`} data-used={f.used} tabIndex={0}>
            <span className="strategy-dot" aria-hidden="true" />
            <span className="strategy-label">{SHORT[f.id]}</span>
            <div className="strategy-detail" role="tooltip" data-testid={`strategy-${f.id}-detail`}>
              <div className="strategy-detail-head">
                <strong>{row.name}</strong>
                <span className={`strategy-state${f.used ? ' is-used' : ''}`}>{f.used ? 'Used' : 'Not used'}</span>
              </div>
              <p className="strategy-reason">{sentence(f.reason)}</p>
              <p className="strategy-description">{row.description}</p>
              <table className="strategy-matrix">
                <thead>
                  <tr>
                    <th>Complexity</th>
                    <th>Cost</th>
                    <th>Scalability</th>
                    <th>Effectiveness</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>{row.complexity}</td>
                    <td>{row.cost}</td>
                    <td>{row.scalability}</td>
                    <td>{row.effectiveness}</td>
                  </tr>
                </tbody>
              </table>
              <p className="strategy-source">Matrix: {CATALOG.strategies.matrixSource.note}</p>
            </div>
          </div>
        );
      })}
    </div>
  );
}
