/**
 * A small density plot of one distribution with its mean marked: enough to see at a glance whether
 * repairs take minutes or days and how long the tail is. d3 computes the scales and the path; React
 * draws the SVG.
 */
import { useMemo } from 'react';
import { area, line, scaleLinear } from 'd3';
import type { Distribution } from '../../sim/model/schema';
import { density, distributionMean, formatNumber, isPlottable, plotUpper } from './distributions';

const W = 248;
const H = 64;
const PAD = { left: 6, right: 6, top: 6, bottom: 16 };
const SAMPLES = 96;

export function DensityPlot({ dist, unit, muted, testId }: { dist: Distribution | undefined; unit: string; muted?: boolean; testId?: string }) {
  const shape = useMemo(() => (isPlottable(dist) ? plotShape(dist) : null), [dist]);
  if (!dist || dist.dist === 'never') {
    return (
      <div className="density is-empty" data-testid={testId}>
        {dist?.dist === 'never' ? 'Never happens' : 'No distribution'}
      </div>
    );
  }
  if (!shape) {
    return (
      <div className="density is-empty" data-testid={testId}>
        Enter valid parameters to see the shape
      </div>
    );
  }
  const mean = distributionMean(dist);
  return (
    <figure className={`density${muted ? ' is-muted' : ''}`} data-testid={testId} data-mean={mean}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Density, mean ${formatNumber(mean)} ${unit}`}>
        {shape.area && <path className="density-area" d={shape.area} />}
        {shape.line && <path className="density-line" d={shape.line} />}
        {shape.spike !== null && <line className="density-line" x1={shape.spike} x2={shape.spike} y1={PAD.top} y2={H - PAD.bottom} />}
        <line className="density-axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        {shape.meanX !== null && <line className="density-mean" x1={shape.meanX} x2={shape.meanX} y1={PAD.top - 2} y2={H - PAD.bottom} />}
        {shape.ticks.map((t) => (
          <text key={t.x} className="density-tick" x={t.x} y={H - 4} textAnchor={t.anchor}>
            {t.label}
          </text>
        ))}
      </svg>
      <figcaption className="density-caption" data-testid={testId ? `${testId}-mean` : undefined}>
        mean {formatNumber(mean)} {unit}
      </figcaption>
    </figure>
  );
}

interface Shape {
  area: string | null;
  line: string | null;
  spike: number | null;
  meanX: number | null;
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
}

function plotShape(dist: Distribution): Shape {
  const upper = plotUpper(dist);
  const x = scaleLinear().domain([0, upper]).range([PAD.left, W - PAD.right]);
  const mean = distributionMean(dist);
  const meanX = Number.isFinite(mean) && mean <= upper ? x(mean) : null;
  // Round tick values (0, 5, 10…) read better than the exact 99th percentile.
  const values = x.ticks(3).filter((v) => v <= upper);
  const ticks = values.map((v, i) => ({ x: x(v), label: formatNumber(v), anchor: i === 0 ? ('start' as const) : ('middle' as const) }));
  if (dist.dist === 'fixed') return { area: null, line: null, spike: x(dist.value), meanX: null, ticks };
  // Sample away from 0 where some densities blow up (Weibull k < 1); cap the height at a high quantile of the samples.
  const points: [number, number][] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const v = (upper * (i + 0.001)) / SAMPLES;
    points.push([v, density(dist, v)]);
  }
  const sorted = points.map((p) => p[1]).filter(Number.isFinite).sort((a, b) => a - b);
  const top = sorted[Math.floor(sorted.length * 0.97)] || sorted[sorted.length - 1] || 1;
  const y = scaleLinear().domain([0, top]).range([H - PAD.bottom, PAD.top]).clamp(true);
  const areaPath = area<[number, number]>()
    .x((p) => x(p[0]))
    .y0(H - PAD.bottom)
    .y1((p) => y(p[1]))(points);
  const linePath = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(points);
  return { area: areaPath, line: linePath, spike: null, meanX, ticks };
}
