/**
 * Scripted scenarios' outcomes: each disruption replayed with random failures off (the measured
 * counterpart of a per-disruption estimate), mean RTO, RPO and requests lost over the replications.
 */
import type { ScenarioRow } from '../simClient/types';
import { formatDuration, formatRequests } from './format';

export function ScenarioTable({ rows, defined }: { rows: ScenarioRow[] | null; defined: number }) {
  if (rows === null) {
    return (
      <p className="panel-muted" data-testid="scenarios-pending">
        {defined === 0
          ? 'This plan scripts no scenarios. Scripted disruptions (lose a region at a given time, a bad deploy…) will be replayed here with their RTO, RPO and lost requests.'
          : `This plan scripts ${defined} scenario${defined === 1 ? '' : 's'}; run again to replay ${defined === 1 ? 'it' : 'them'}.`}
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
