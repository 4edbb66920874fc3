/**
 * Scripted scenarios' outcomes. The engine does not replay scenarios yet (see
 * renderer/simClient/scenarios.ts, the seam): until it does, the panel says so and how many the plan defines.
 */
import type { ScenarioRow } from '../simClient/types';
import { formatDuration, formatRequests } from './format';

export function ScenarioTable({ rows, defined }: { rows: ScenarioRow[] | null; defined: number }) {
  if (rows === null) {
    return (
      <p className="panel-muted" data-testid="scenarios-pending">
        {defined === 0
          ? 'This plan scripts no scenarios. Scripted disruptions (lose a region at a given time, a bad deploy…) will be replayed here with their RTO, RPO and lost requests.'
          : `This plan scripts ${defined} scenario${defined === 1 ? '' : 's'}. The engine does not replay scripted scenarios yet, so the random-failure results above do not include them.`}
      </p>
    );
  }
  return (
    <table className="scenario-table" data-testid="scenarios">
      <thead>
        <tr>
          <th>Scenario</th>
          <th>RTO</th>
          <th>RPO</th>
          <th>Requests lost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id}>
            <td>{s.description}</td>
            <td>{formatDuration(s.rtoSeconds)}</td>
            <td>{formatDuration(s.rpoSeconds)}</td>
            <td>{formatRequests(s.lostRequests)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
