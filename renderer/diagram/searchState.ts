/** Whether the canvas search box (Ctrl+K) is open: a moment of the UI, outside plan, history and session. */
import { create } from 'zustand';

interface SearchState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useSearchState = create<SearchState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
