/**
 * The draggable edge of a side panel (a vertical separator: drag it, or focus it and use the arrow
 * keys; Home/End give the smallest and largest width) and the button that folds the panel.
 */
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';

const KEY_STEP = 16;

export function PanelEdge(props: { side: 'left' | 'right'; label: string; width: number; min: number; max: number; onResize(width: number): void; testId: string }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  // A panel on the left grows when dragged right; one on the right grows when dragged left.
  const sign = props.side === 'left' ? 1 : -1;
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: props.width };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    props.onResize(start.current.width + sign * (e.clientX - start.current.x));
  };
  const onPointerUp = () => {
    start.current = null;
  };
  return (
    <div
      className={`panel-edge panel-edge-${props.side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={props.width}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      data-testid={props.testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={(e) => {
        const grow = e.key === 'ArrowRight' ? sign : e.key === 'ArrowLeft' ? -sign : 0;
        if (grow) props.onResize(props.width + grow * KEY_STEP);
        else if (e.key === 'Home') props.onResize(props.min);
        else if (e.key === 'End') props.onResize(props.max);
        else return;
        e.preventDefault();
      }}
    />
  );
}
