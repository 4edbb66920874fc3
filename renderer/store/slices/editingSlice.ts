/**
 * Editing actions: each runs a command kernel over the current records and hands the diff to
 * `applyPlanDiff` together with the session change the gesture implies (selection, notice), so
 * subscribers hear of each action once.
 */
import type { StateCreator } from 'zustand';
import type { NodeKind } from '../../../sim/model/schema';
import { moveDiff, rehomeDiff, resizeRegionDiff, type Move } from '../commands/arrange';
import { copyRecords, freePasteOffset, pasteDiff } from '../commands/clipboard';
import { connectDiff, type ConnectResult, type WireSides } from '../commands/connect';
import type { Point, Size } from '../commands/geometry';
import { addNodeDiff, addRegionDiff } from '../commands/place';
import { membershipNotice, regionDeleteNotice } from '../commands/membership';
import { deleteDiff } from '../commands/remove';
import type { HistoryMode } from './planSlice';
import { edgeKey, nodeKey, regionKey } from '../selectionKeys';
import type { EditorState } from '../editorState';

export interface EditingSlice {
  /** Adds a component centred on a canvas point; returns its id. */
  addNode(kind: NodeKind, center: Point): string;
  /** Adds a region with its top-left corner at a canvas point; returns its id. */
  addRegion(topLeft: Point): string;
  /** Wires `from` to `to` with the session's edge kind (between the card sides the user chose, if any), or explains why not. */
  connectNodes(from: string, to: string, sides?: WireSides): ConnectResult;
  moveItems(moves: readonly Move[], history?: HistoryMode): void;
  resizeRegion(id: string, box: Point & Size, history?: HistoryMode): void;
  /** Gives each node the region under its centre (after a drop). */
  rehomeNodes(ids: readonly string[], history?: HistoryMode): void;
  deleteSelection(): void;
  copySelection(): boolean;
  paste(): void;
  selectAll(): void;
}

const PASTE_STEP = 32;

export const createEditingSlice: StateCreator<EditorState, [], [], EditingSlice> = (set, get) => ({
  addNode(kind, center) {
    const { diff, id } = addNodeDiff(get().records, kind, center);
    get().applyPlanDiff(diff, { history: 'record', select: [nodeKey(id)] });
    return id;
  },
  addRegion(topLeft) {
    const { diff, id } = addRegionDiff(get().records, topLeft);
    get().applyPlanDiff(diff, { history: 'record', select: [regionKey(id)] });
    return id;
  },
  connectNodes(from, to, sides) {
    const result = connectDiff(get().records, from, to, get().session.edgeKind, sides);
    if (result.ok) get().applyPlanDiff(result.diff, { history: 'record', ...(result.edgeId ? { select: [edgeKey(result.edgeId)] } : {}) });
    return result;
  },
  moveItems(moves, history = 'record') {
    get().applyPlanDiff(moveDiff(get().records, moves), { history });
  },
  resizeRegion(id, box, history = 'record') {
    get().applyPlanDiff(resizeRegionDiff(get().records, id, box), { history });
  },
  rehomeNodes(ids, history = 'record') {
    const diff = rehomeDiff(get().records, ids);
    const notice = membershipNotice(diff);
    get().applyPlanDiff(diff, { history, ...(notice ? { notice } : {}) });
  },
  deleteSelection() {
    const { records, session } = get();
    const diff = deleteDiff(records, session.selection);
    const notice = regionDeleteNotice(records, diff);
    get().applyPlanDiff(diff, { history: 'record', select: [], ...(notice ? { notice } : {}) });
  },
  copySelection() {
    const clipboard = copyRecords(get().records, get().session.selection);
    if (!clipboard) return false;
    set((s) => ({ session: { ...s.session, clipboard, pasteCount: 0 } }));
    return true;
  },
  paste() {
    const { clipboard, pasteCount } = get().session;
    if (!clipboard) return;
    const step = PASTE_STEP * (pasteCount + 1);
    const offset = freePasteOffset(get().records, clipboard, { x: step, y: step });
    const { diff, keys } = pasteDiff(get().records, clipboard, offset);
    get().applyPlanDiff(diff, { history: 'record', select: keys, session: { pasteCount: pasteCount + 1 } });
  },
  selectAll() {
    const { records } = get();
    get().setSelection([
      ...Object.keys(records.regions).map(regionKey),
      ...Object.keys(records.nodes).map(nodeKey),
      ...Object.keys(records.edges).map(edgeKey),
    ]);
  },
});
