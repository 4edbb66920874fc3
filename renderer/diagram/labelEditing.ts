/**
 * Which wire's label is being typed on the canvas (double-click a wire). Kept in its own tiny store:
 * it is a moment of the gesture, not part of the plan, the history or the session.
 */
import { create } from 'zustand';

interface LabelEditing {
  edgeId: string | null;
  start(edgeId: string): void;
  stop(): void;
}

export const useLabelEditing = create<LabelEditing>()((set) => ({
  edgeId: null,
  start: (edgeId) => set({ edgeId }),
  stop: () => set({ edgeId: null }),
}));
