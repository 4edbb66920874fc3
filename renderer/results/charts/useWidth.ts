/**
 * The width of a chart's box, following resizes (the dock and the window change size). Read from a
 * ResizeObserver only: measuring in a layout effect would force a synchronous layout of the whole
 * window (canvas included) for every chart, which is what makes a dashboard's first paint slow.
 * Until the first observation the width is null and the chart draws nothing.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useWidth<T extends HTMLElement>(fallback = 480): [React.RefObject<T | null>, number | null] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(typeof ResizeObserver === 'undefined' ? fallback : null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
