/**
 * An RTO or RPO distribution: histogram of the samples on a log time axis (share of samples per
 * bin, left axis), the empirical cumulative curve over it on its own 0–100 % axis (right), p50/p95
 * ticks and the objective as a dashed line with the share of samples beyond it.
 */
import { line, scaleLinear, scaleLog } from 'd3';
import type { SampleStatistics } from '../../../sim/engine/monteCarlo';
import type { ReducedSample } from '../../simClient/types';
import { formatDuration, formatDurationTick, formatPercent } from '../format';
import { distribution, durationTicks, LOG_FLOOR_SECONDS, maxShare } from '../shape';
import { Axis } from './Axis';
import { useWidth } from './useWidth';

const HEIGHT = 190;
const CDF_TICKS = [0, 0.25, 0.5, 0.75, 1];
const M = { top: 22, right: 46, bottom: 28, left: 44 };

export function DistributionChart(props: { sample: ReducedSample; stats: SampleStatistics; objective: number | undefined; empty: string; testId: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  if (width === null) return <div ref={ref} className="chart chart-measuring" />;
  const shaped = distribution(props.sample, props.objective);
  if (!shaped) {
    return (
      <div ref={ref} className="chart chart-empty" data-chart={props.testId}>
        {props.empty}
      </div>
    );
  }
  const x = scaleLog().domain(shaped.domain).range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, maxShare(shaped.bins) * 1.1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const yCdf = scaleLinear().domain([0, 1]).range([HEIGHT - M.bottom, M.top]);
  const cdfPath = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => yCdf(d[1]))(shaped.cdf);
  const ticks = durationTicks(shaped.domain, Math.max(3, Math.floor((width - M.left - M.right) / 60)));
  const beyond = props.objective !== undefined ? props.sample.values.filter((v) => v > props.objective!).length / props.sample.values.length : null;
  const stats = props.stats;
  // p50 and p95 close together: their labels go to either side of the lines instead of over each other.
  const quantilesClose = stats.p50 !== null && stats.p95 !== null && Math.abs(x(Math.max(LOG_FLOOR_SECONDS, stats.p95)) - x(Math.max(LOG_FLOOR_SECONDS, stats.p50))) < 90;
  const objectiveX = props.objective === undefined ? 0 : x(Math.max(LOG_FLOOR_SECONDS, props.objective));
  // Near the right edge the objective's label goes to the left of its line, clear of the right axis.
  const objectiveFlip = objectiveX > width - M.right - 110;
  return (
    <div ref={ref} className="chart" data-chart={props.testId}>
      <svg width={width} height={HEIGHT} role="img" aria-label={`${props.testId} distribution`}>
        <Axis scale={y} side="left" x={M.left} ticks={4} format={(d) => `${Math.round(Number(d) * 100)}%`} grid={width - M.left - M.right} />
        <Axis scale={yCdf} side="right" x={width - M.right} tickValues={CDF_TICKS} format={(d) => `${Math.round(Number(d) * 100)}%`} />
        <Axis scale={x} side="bottom" y={HEIGHT - M.bottom} tickValues={ticks} format={formatDurationTick} />
        <g className="bars">
          {shaped.bins.map((b, i) =>
            b.share > 0 ? <rect key={i} x={x(b.x0) + 0.5} width={Math.max(1, x(b.x1) - x(b.x0) - 1)} y={y(b.share)} height={y(0) - y(b.share)} /> : null,
          )}
        </g>
        <path className="cdf" d={cdfPath ?? ''} />
        <text className="axis-note" x={M.left} y={M.top - 10} textAnchor="middle">
          share
        </text>
        <text className="axis-note is-cdf" x={width - M.right} y={M.top - 10} textAnchor="middle">
          cumulative
        </text>
        {[
          ['p50', stats.p50],
          ['p95', stats.p95],
        ].map(([label, v]) =>
          v === null ? null : (
            <g key={label as string} className="mark-quantile" transform={`translate(${x(Math.max(LOG_FLOOR_SECONDS, v as number))},0)`}>
              <line y1={M.top - 4} y2={HEIGHT - M.bottom} />
              <text y={M.top - 8} textAnchor={quantilesClose ? (label === 'p50' ? 'end' : 'start') : 'middle'} dx={quantilesClose ? (label === 'p50' ? -3 : 3) : 0}>
                {label} {formatDuration(v as number)}
              </text>
            </g>
          ),
        )}
        {props.objective !== undefined && (
          <g className="mark-objective" transform={`translate(${objectiveX},0)`}>
            <line y1={M.top} y2={HEIGHT - M.bottom} />
            <text x={objectiveFlip ? -4 : 4} y={M.top + 12} textAnchor={objectiveFlip ? 'end' : 'start'}>
              objective {formatDuration(props.objective)}
            </text>
            {beyond !== null && (
              <text x={objectiveFlip ? -4 : 4} y={M.top + 26} className="sub" textAnchor={objectiveFlip ? 'end' : 'start'}>
                {formatPercent(beyond, 1)} beyond
              </text>
            )}
          </g>
        )}
      </svg>
    </div>
  );
}
