/** A d3 axis drawn into a <g>: React places it, d3 draws the ticks. */
import { useLayoutEffect, useRef } from 'react';
import { axisBottom, axisLeft, axisRight, select, type AxisDomain, type AxisScale } from 'd3';

export function Axis<D extends AxisDomain>(props: {
  scale: AxisScale<D>;
  side: 'bottom' | 'left' | 'right';
  x?: number;
  y?: number;
  ticks?: number;
  tickValues?: D[];
  format?: (d: D) => string;
  /** Draws gridlines across the plot, this long. */
  grid?: number;
}) {
  const ref = useRef<SVGGElement>(null);
  const { scale, side, ticks, tickValues, format, grid } = props;
  useLayoutEffect(() => {
    if (!ref.current) return;
    const axis = side === 'bottom' ? axisBottom(scale) : side === 'right' ? axisRight(scale) : axisLeft(scale);
    if (ticks !== undefined) axis.ticks(ticks);
    if (tickValues) axis.tickValues(tickValues);
    if (format) axis.tickFormat((d) => format(d as D));
    axis.tickSizeOuter(0);
    if (grid) axis.tickSizeInner(side === 'bottom' ? -grid : -grid);
    const g = select(ref.current);
    g.call(axis);
    g.attr('class', `axis axis-${side}${grid ? ' has-grid' : ''}`);
  }, [scale, side, ticks, tickValues, format, grid]);
  return <g ref={ref} transform={`translate(${props.x ?? 0},${props.y ?? 0})`} />;
}
