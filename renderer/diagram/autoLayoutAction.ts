/**
 * The auto-layout command: lays out the current plan with sim/diagram/autoLayout and applies every
 * new position as one recorded diff, so a single undo puts the old layout back.
 */
import { autoLayout } from '../../sim/diagram/autoLayout';
import { layoutDiff } from '../store/commands/drawing';
import type { EditorStore } from '../store/createEditorStore';

export async function runAutoLayout(store: EditorStore): Promise<void> {
  const layout = await autoLayout(store.getState().plan);
  // Applied to the records as they are now: an edit made while ELK ran keeps its other changes.
  store.getState().applyPlanDiff(layoutDiff(store.getState().records, layout), { history: 'record' });
}
