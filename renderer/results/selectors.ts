/** Typed readers of the simulation part for the dashboard and the canvas overlay. */
import type { EditorState } from '../store/editorState';
import type { RunOutcome } from '../simClient/types';

export const selectOutcome = (s: EditorState) => s.simulation.result as RunOutcome | null;
export const selectHighlight = (s: EditorState) => s.simulation.overlay.highlight;
export const selectHeatOn = (s: EditorState) => s.simulation.overlay.heat;

/**
 * One string per card so a card re-renders only when its own look changes:
 * "<hl|dim|>|<heat share to 3 places or empty>".
 */
export function selectOverlayKey(kind: 'nodes' | 'regions', id: string) {
  return (s: EditorState): string => {
    const { highlight, heat } = s.simulation.overlay;
    const mode = highlight ? (highlight[kind].includes(id) ? 'hl' : 'dim') : '';
    const outcome = s.simulation.result as RunOutcome | null;
    const share = heat && outcome ? (outcome.heat[kind][id] ?? 0).toFixed(3) : '';
    return `${mode}|${share}`;
  };
}
