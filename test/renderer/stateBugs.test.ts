/**
 * State bugs a new user hits, each pinned by a test: a dead selection after undoing a paste, one
 * store notification per action, digit-only ids keeping their order, region membership changes
 * announced and undone in one step, and undo across Open restoring which file the plan belongs to.
 */
import { describe, expect, it } from 'vitest';
import { openFile, savePlan, type FileContext } from '../../renderer/files/fileCommands';
import { followDocumentHistory } from '../../renderer/files/documentHistory';
import type { FileRef, Platform, RecoveredDraft } from '../../renderer/platform';
import { createUiStore } from '../../renderer/shell/uiStore';
import { createEditorStore, type EditorStore } from '../../renderer/store/createEditorStore';
import { emptyPlan } from '../../renderer/store/records';
import { serializePlan } from '../../sim/model/io';
import { getTemplate } from '../../sim/templates';
import type { Plan } from '../../sim/model/schema';

/** Calls `act` and counts how many times the store told its subscribers about a change. */
function notifications(store: EditorStore, act: () => void): number {
  let n = 0;
  const off = store.subscribe(() => n++);
  act();
  off();
  return n;
}

function liveSelection(store: EditorStore): string[] {
  const { records, session } = store.getState();
  return session.selection.filter((key) => {
    const [type, id] = key.split(':') as ['node' | 'region' | 'edge', string];
    return id in records[`${type}s` as 'nodes' | 'regions' | 'edges'];
  });
}

describe('selection after undo and redo', () => {
  it('undoing a paste leaves no selection of records that no longer exist', () => {
    const store = createEditorStore();
    const s = store.getState();
    s.addNode('loadBalancer', { x: 0, y: 0 });
    s.addNode('gateway', { x: 300, y: 0 });
    s.connectNodes('lb-1', 'gw-1');
    store.getState().setSelection(['node:lb-1', 'node:gw-1']);
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().session.selection).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().session.selection).toEqual([]);
    // Redo brings the records back; the selection stays what the user had (nothing), never dead keys.
    store.getState().redo();
    expect(store.getState().session.selection).toEqual(liveSelection(store));
  });

  it('undoing an add drops the added node from the selection and keeps the rest', () => {
    const store = createEditorStore();
    store.getState().addNode('gateway', { x: 0, y: 0 });
    store.getState().addNode('service', { x: 300, y: 0 });
    store.getState().setSelection(['node:gw-1', 'node:svc-1']);
    store.getState().undo();
    expect(store.getState().session.selection).toEqual(['node:gw-1']);
  });
});

describe('one notification per action', () => {
  const noPrep = () => {};
  it.each([
    ['addNode', noPrep, (st: EditorStore) => void st.getState().addNode('gateway', { x: 0, y: 0 })],
    ['addRegion', noPrep, (st: EditorStore) => void st.getState().addRegion({ x: 600, y: 600 })],
    ['connectNodes', noPrep, (st: EditorStore) => void st.getState().connectNodes('lb-1', 'gw-1')],
    ['deleteSelection', (st: EditorStore) => st.getState().setSelection(['node:lb-1']), (st: EditorStore) => st.getState().deleteSelection()],
    [
      'paste',
      (st: EditorStore) => {
        st.getState().setSelection(['node:lb-1']);
        st.getState().copySelection();
      },
      (st: EditorStore) => st.getState().paste(),
    ],
    ['undo', noPrep, (st: EditorStore) => st.getState().undo()],
  ])('%s notifies once', (_name, prepare, action) => {
    const store = createEditorStore();
    store.getState().addNode('loadBalancer', { x: 0, y: 0 });
    store.getState().addNode('gateway', { x: 300, y: 0 });
    prepare(store);
    expect(notifications(store, () => action(store))).toBe(1);
  });

  it('replacing the plan as one undoable step notifies once and clears the selection', () => {
    const store = createEditorStore();
    store.getState().addNode('gateway', { x: 0, y: 0 });
    const plan = structuredClone(getTemplate('single-region-lb')!.plan);
    expect(notifications(store, () => store.getState().replacePlan(plan, { history: 'record' }))).toBe(1);
    expect(store.getState().session.selection).toEqual([]);
  });
});

describe('digit-only ids', () => {
  const plan: Plan = {
    ...emptyPlan('digits'),
    regions: [
      { id: '20', code: 'r20' },
      { id: '3', code: 'r3' },
    ],
    nodes: [
      { id: '10', kind: 'gateway' },
      { id: '2', kind: 'service' },
      { id: 'a', kind: 'service' },
      { id: '1', kind: 'service' },
    ],
    edges: [
      { kind: 'traffic', from: '10', to: '2', id: '9' },
      { kind: 'traffic', from: '10', to: '1', id: '5' },
    ],
  };

  it('keep the order of the file through load, edits, undo and redo', () => {
    const store = createEditorStore(structuredClone(plan));
    const order = () => {
      const p = store.getState().plan;
      return [p.regions.map((r) => r.id), p.nodes.map((n) => n.id), p.edges.map((e) => e.id)];
    };
    expect(order()).toEqual([['20', '3'], ['10', '2', 'a', '1'], ['9', '5']]);
    store.getState().setSelection(['node:2']);
    store.getState().deleteSelection();
    expect(order()).toEqual([['20', '3'], ['10', 'a', '1'], ['5']]);
    store.getState().undo();
    expect(order()).toEqual([['20', '3'], ['10', '2', 'a', '1'], ['9', '5']]);
    store.getState().redo();
    store.getState().undo();
    expect(JSON.stringify(store.getState().plan)).toBe(JSON.stringify(createEditorStore(structuredClone(plan)).getState().plan));
  });
});

describe('region membership changes are announced and undone in one step', () => {
  function storeWithRegion() {
    const store = createEditorStore();
    const region = store.getState().addRegion({ x: 0, y: 0 });
    const inside = store.getState().addNode('gateway', { x: 150, y: 150 });
    expect(store.getState().records.nodes[inside]!.region).toBe(region);
    return { store, region, inside };
  }

  it('shrinking a region below a node moves it out with a notice; one undo restores size and membership', () => {
    const { store, region, inside } = storeWithRegion();
    const before = store.getState().plan;
    const s = store.getState();
    s.mark('resize');
    s.resizeRegion(region, { x: 0, y: 0, width: 100, height: 80 });
    store.getState().rehomeNodes(Object.keys(store.getState().records.nodes));
    store.getState().squashToMark('resize');
    expect(store.getState().records.nodes[inside]!.region).toBeUndefined();
    const toast = store.getState().session.toast;
    expect(toast?.message).toMatch(/left region/);
    expect(toast?.message).toContain(inside);
    store.getState().undo();
    expect(JSON.stringify(store.getState().plan)).toBe(JSON.stringify(before));
  });

  it('dragging a node out of its region says so', () => {
    const { store, inside } = storeWithRegion();
    store.getState().mark('drag');
    store.getState().moveItems([{ type: 'node', id: inside, position: { x: 1400, y: 1400 } }]);
    store.getState().rehomeNodes([inside]);
    store.getState().squashToMark('drag');
    expect(store.getState().session.toast?.message).toMatch(/left region/);
    store.getState().undo();
    expect(store.getState().records.nodes[inside]!.region).toBeDefined();
  });

  it('deleting a region with contents says what went with it', () => {
    const { store, region } = storeWithRegion();
    store.getState().setSelection([`region:${region}`]);
    store.getState().deleteSelection();
    expect(store.getState().session.toast?.message).toMatch(/1 component inside it/);
    store.getState().undo();
    expect(Object.keys(store.getState().records.nodes)).toHaveLength(1);
  });
});

class MemoryPlatform implements Platform {
  readonly kind = 'browser' as const;
  next: { name: string; text: string } | null = null;
  written: { name: string; text: string }[] = [];
  async open() {
    return this.next ? { file: { name: this.next.name, token: this.next.name }, text: this.next.text } : null;
  }
  async save(file: FileRef, text: string) {
    this.written.push({ name: file.name, text });
    return file;
  }
  async saveAs(text: string, name: string) {
    this.written.push({ name, text });
    return { name, token: name };
  }
  async autosave() {}
  async recover(): Promise<RecoveredDraft | null> {
    return null;
  }
  async clearRecovery() {}
}

describe('undo across Open', () => {
  it('restores the previous design together with its file, so Save never writes it over the opened file', async () => {
    const first = structuredClone(getTemplate('single-region-lb')!.plan);
    const second = structuredClone(getTemplate('multi-az')!.plan);
    const ctx: FileContext & { platform: MemoryPlatform } = { editor: createEditorStore(first), ui: createUiStore(), platform: new MemoryPlatform() };
    const stop = followDocumentHistory(ctx.editor, ctx.ui);
    await savePlan(ctx, 'saveAs');
    expect(ctx.ui.getState().file?.name).toBe('single-region-with-a-load-balancer.plan.json'.replace(/.*/, ctx.platform.written[0]!.name));
    const firstFile = ctx.ui.getState().file;
    ctx.platform.next = { name: 'second.plan.json', text: serializePlan(second) };
    await openFile(ctx);
    expect(ctx.ui.getState().file?.name).toBe('second.plan.json');
    ctx.editor.getState().undo();
    expect(ctx.editor.getState().plan.name).toBe(first.name);
    expect(ctx.ui.getState().file).toEqual(firstFile);
    // Restored, but not known to match the file on disk: shown as unsaved.
    expect(ctx.ui.getState().savedRevision).not.toBe(ctx.editor.getState().revision);
    await savePlan(ctx, 'save');
    expect(ctx.platform.written.at(-1)!.name).toBe(firstFile!.name);
    expect(ctx.platform.written.some((w) => w.name === 'second.plan.json')).toBe(false);
    // Redo goes forward to the opened file again.
    ctx.editor.getState().redo();
    expect(ctx.ui.getState().file?.name).toBe('second.plan.json');
    stop();
  });
});
