/**
 * What the results put on the canvas: the components an incident or cause took down (highlighted,
 * the rest dimmed) and the heat view (each component tinted by its share of downtime).
 */
import { interpolateYlOrRd } from 'd3';
import { useEditor } from '../store/EditorStoreContext';
import { selectOverlayKey } from './selectors';

export interface CardOverlay {
  className: string;
  style: Record<string, string>;
  /** "34 %" on a heated card; null otherwise. */
  badge: string | null;
}

export function heatColor(share: number): string {
  // Start the ramp above white so a small share is still visibly warm.
  return interpolateYlOrRd(0.12 + 0.88 * Math.min(1, Math.max(0, share)));
}

export function overlayFromKey(key: string): CardOverlay {
  const [mode, share] = key.split('|');
  const out: CardOverlay = { className: '', style: {}, badge: null };
  if (mode === 'hl') out.className += ' is-result-highlight';
  if (mode === 'dim') out.className += ' is-result-dim';
  if (share) {
    const v = Number(share);
    out.className += ' is-heat';
    out.style['--heat'] = heatColor(v);
    out.badge = `${v >= 0.995 ? '100' : v < 0.001 ? '0' : (100 * v).toFixed(v < 0.1 ? 1 : 0)} %`;
  }
  return out;
}

export function useCardOverlay(kind: 'nodes' | 'regions', id: string): CardOverlay {
  return overlayFromKey(useEditor(selectOverlayKey(kind, id)));
}
