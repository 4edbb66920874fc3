/**
 * Dragging from the palette with pointer events (not HTML drag-and-drop, whose ghost image and
 * event order differ between browsers and cannot show a live drop target). While dragging, the
 * region under the pointer is highlighted; releasing over the canvas places the item there. A press
 * without movement places the item in the middle of the view instead, so the palette also works by
 * click and keyboard.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind } from '../../sim/model/schema';
import { regionAt } from '../store/commands/geometry';
import { useEditorStoreApi } from '../store/EditorStoreContext';

export type PaletteItem = NodeKind | 'region';

export interface PaletteDrag {
  item: PaletteItem;
  x: number;
  y: number;
  overCanvas: boolean;
}

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 4;
/** Where a dropped region's top-left sits relative to the pointer: the pointer holds its header. */
const REGION_GRAB = { x: 28, y: 18 };

function canvasUnder(x: number, y: number): boolean {
  return !!document.elementFromPoint(x, y)?.closest('[data-canvas-drop]');
}

export function usePaletteDrag() {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const [drag, setDrag] = useState<PaletteDrag | null>(null);
  const cleanup = useRef<(() => void) | null>(null);

  useEffect(() => () => cleanup.current?.(), []);

  const place = useCallback(
    (item: PaletteItem, clientX: number, clientY: number) => {
      const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
      const state = store.getState();
      if (item === 'region') state.addRegion({ x: p.x - REGION_GRAB.x, y: p.y - REGION_GRAB.y });
      else state.addNode(item, p);
    },
    [flow, store],
  );

  const placeInView = useCallback(
    (item: PaletteItem) => {
      const pane = document.querySelector('[data-canvas-drop]')?.getBoundingClientRect();
      if (pane) place(item, pane.left + pane.width / 2, pane.top + pane.height / 2);
    },
    [place],
  );

  const onPointerDown = useCallback(
    (item: PaletteItem, event: React.PointerEvent) => {
      if (event.button !== 0) return;
      event.preventDefault();
      const startX = event.clientX;
      const startY = event.clientY;
      let dragging = false;
      const move = (e: PointerEvent) => {
        if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD) return;
        dragging = true;
        const overCanvas = canvasUnder(e.clientX, e.clientY);
        setDrag({ item, x: e.clientX, y: e.clientY, overCanvas });
        if (item !== 'region') {
          const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
          const state = store.getState();
          state.setDropTarget(overCanvas ? (regionAt(state.records, p)?.id ?? null) : null);
        }
      };
      const up = (e: PointerEvent) => {
        finish();
        if (!dragging) placeInView(item);
        else if (canvasUnder(e.clientX, e.clientY)) place(item, e.clientX, e.clientY);
      };
      const cancel = (e: KeyboardEvent) => {
        if (e.key === 'Escape') finish();
      };
      const finish = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('keydown', cancel);
        cleanup.current = null;
        setDrag(null);
        store.getState().setDropTarget(null);
      };
      cleanup.current?.();
      cleanup.current = finish;
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('keydown', cancel);
    },
    [flow, place, placeInView, store],
  );

  return { drag, onPointerDown, placeInView };
}
