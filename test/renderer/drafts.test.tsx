// @vitest-environment jsdom
/**
 * The window survives bad state: a malformed draft (a name that is an object, a node without a
 * kind, a newer schema version) is never adopted but listed and offered for discarding; the same
 * draft forced into the editor is caught by the error boundary, which offers to discard it; a
 * failed autosave (full storage) is told to the user and leaves no stale draft behind; each window
 * keeps its own draft.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { AppErrorBoundary } from '../../renderer/app/AppErrorBoundary';
import { openFile, readDraft } from '../../renderer/files/fileCommands';
import { RecoveryBanner } from '../../renderer/files/RecoveryBanner';
import { AUTOSAVE_DELAY_MS, useFileSession } from '../../renderer/files/useFileSession';
import { ReactFlowProvider } from '@xyflow/react';
import type { FileRef, Platform, RecoveredDraft } from '../../renderer/platform';
import { createBrowserPlatform } from '../../renderer/platform/browserPlatform';
import { createUiStore, UiStoreContext } from '../../renderer/shell/uiStore';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { EditorStoreProvider } from '../../renderer/store/EditorStoreContext';
import { serializePlan } from '../../sim/model/io';
import type { Plan } from '../../sim/model/schema';
import { getTemplate } from '../../sim/templates';

const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan);

const MALFORMED: [string, (doc: Record<string, unknown>) => void, string][] = [
  ['a name that is an object', (d) => (d.name = { en: 'x' }), 'name'],
  ['a node without kind', (d) => delete (d.nodes as Record<string, unknown>[])[1]!.kind, 'nodes[1].kind'],
  ['a future schema version', (d) => (d.schemaVersion = 99), 'schemaVersion'],
  ['nodes that are an object', (d) => (d.nodes = { a: 1 }), 'nodes'],
  ['a position that is text', (d) => ((d.nodes as Record<string, unknown>[])[0]!.position = 'top left'), 'nodes[0].position'],
];

function malformed(mutate: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(serializePlan(template('single-region-lb'))) as Record<string, unknown>;
  mutate(doc);
  return JSON.stringify(doc);
}

class MemoryPlatform implements Platform {
  readonly kind = 'browser' as const;
  draft: RecoveredDraft | null = null;
  failAutosave: Error | null = null;
  cleared = 0;
  async open(): Promise<{ file: FileRef; text: string } | null> {
    return null;
  }
  async save(file: FileRef) {
    return file;
  }
  async saveAs() {
    return null;
  }
  async autosave(text: string, file: FileRef | null) {
    if (this.failAutosave) throw this.failAutosave;
    this.draft = { text, file, savedAtIso: '2026-01-01T00:00:00.000Z' };
  }
  async recover() {
    return this.draft;
  }
  async clearRecovery() {
    this.cleared++;
    this.draft = null;
  }
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('reading a draft', () => {
  it.each(MALFORMED)('refuses %s, naming the field', (_name, mutate, path) => {
    const reading = readDraft(malformed(mutate));
    expect(reading.ok).toBe(false);
    expect(reading.errors.map((e) => e.path)).toContain(path);
  });

  it('still restores a draft whose errors the inspector can show (a negative rate)', () => {
    const bad = template('single-region-lb');
    (bad.nodes[0] as { requestsPerSecond?: unknown }).requestsPerSecond = -5;
    const reading = readDraft(serializePlan(bad));
    expect(reading.ok && reading.plan).toEqual(bad);
  });
});

describe('opening a file', () => {
  it('refuses one above the size cap before parsing it', async () => {
    const platform = new MemoryPlatform();
    platform.open = async () => ({ file: { name: 'huge.plan.json', token: 'huge' }, text: '['.repeat(33 * 1024 * 1024) });
    const editor = createEditorStore(template('multi-az'));
    const ui = createUiStore();
    const before = editor.getState().plan;
    await expect(openFile({ editor, ui, platform })).resolves.toBe('refused');
    const dialog = ui.getState().dialog;
    expect(dialog?.type === 'file-errors' && dialog.errors[0]!.message).toBe('This is not a plan file: it is larger than the 32 MB a plan file may have.');
    expect(editor.getState().plan).toBe(before);
  });
});

describe('the recovery offer', () => {
  function mount(draftText: string, platform = new MemoryPlatform()) {
    const editor = createEditorStore(template('multi-az'));
    const ui = createUiStore();
    platform.draft = { text: draftText, file: { name: 'old.plan.json', token: 'old' }, savedAtIso: '2025-12-31T00:00:00.000Z' };
    const before = editor.getState().plan;
    function Session() {
      useFileSession(editor, ui, platform);
      return <RecoveryBanner />;
    }
    render(
      <EditorStoreProvider store={editor}>
        <UiStoreContext.Provider value={ui}>
          <ReactFlowProvider>
            <Session />
          </ReactFlowProvider>
        </UiStoreContext.Provider>
      </EditorStoreProvider>,
    );
    return { editor, ui, platform, before };
  }

  it('lists a malformed draft’s problems instead of adopting it, and discards it on request', async () => {
    const { editor, ui, before } = mount(malformed((d) => (d.name = { en: 'x' })));
    const banner = await screen.findByTestId('recovery-banner');
    expect(banner.dataset.state).toBe('unusable');
    expect(screen.queryByTestId('recovery-restore')).toBeNull();
    fireEvent.click(screen.getByTestId('recovery-show-problems'));
    const dialog = ui.getState().dialog;
    expect(dialog?.type === 'file-errors' && dialog.errors.map((e) => e.path)).toContain('name');
    expect(editor.getState().plan).toBe(before);
    expect(ui.getState().autosaveHeld).toBe(true);
    fireEvent.click(screen.getByTestId('recovery-discard'));
    expect(ui.getState().recovery).toBeNull();
    expect(editor.getState().plan).toBe(before);
  });
});

describe('the error boundary', () => {
  function Boom(): never {
    throw new Error('plan.name.toLowerCase is not a function');
  }

  it('replaces a blank window with an explanation and discards the draft on request', async () => {
    const platform = new MemoryPlatform();
    platform.draft = { text: '{}', file: null, savedAtIso: 'x' };
    const restart = vi.fn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <AppErrorBoundary platform={platform} restart={restart}>
        <Boom />
      </AppErrorBoundary>,
    );
    spy.mockRestore();
    expect(screen.getByTestId('crash-screen').textContent).toMatch(/Your saved files are safe/);
    expect(screen.getByTestId('crash-message').textContent).toBe('plan.name.toLowerCase is not a function');
    await act(async () => fireEvent.click(screen.getByTestId('crash-discard')));
    expect(platform.cleared).toBe(1);
    expect(restart).toHaveBeenCalledTimes(1);
  });
});

describe('autosave', () => {
  it('tells the user once when it fails, and again only after it worked in between', async () => {
    vi.useFakeTimers();
    const editor = createEditorStore(template('single-region-lb'));
    const ui = createUiStore();
    const platform = new MemoryPlatform();
    renderHook(() => useFileSession(editor, ui, platform));
    await vi.waitFor(() => expect(ui.getState().autosaveHeld).toBe(false));
    platform.failAutosave = new Error('the browser storage for drafts is full');
    editor.getState().addNode('monitor', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(editor.getState().session.toast?.message).toBe(
      'Autosave failed (the browser storage for drafts is full): this design is not being kept as a draft. Save it to a file.',
    );
    expect(editor.getState().session.toast?.tone).toBe('error');
    const first = editor.getState().session.toast!.id;
    // Still failing: no second toast for the same trouble.
    editor.getState().addNode('monitor', { x: 0, y: 100 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(editor.getState().session.toast?.id).toBe(first);
    // Working again, then failing again: the user hears of it again.
    platform.failAutosave = null;
    editor.getState().addNode('monitor', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(JSON.parse(platform.draft!.text).nodes.filter((n: { kind: string }) => n.kind === 'monitor')).toHaveLength(3);
    platform.failAutosave = new Error('the browser storage for drafts is full');
    editor.getState().addNode('monitor', { x: 0, y: 300 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(editor.getState().session.toast?.id).toBe(first + 1);
  });

  it('in the browser: a full storage removes the stale draft and says why', async () => {
    const store = new Map<string, string>();
    let full = false;
    const storage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
        store.set(k, v);
      },
      removeItem: (k: string) => void store.delete(k),
      clear: () => store.clear(),
    } as Storage;
    const session = window.sessionStorage;
    session.clear();
    const platform = createBrowserPlatform(storage, session);
    await platform.autosave('{"v":1}', null);
    expect((await platform.recover())?.text).toBe('{"v":1}');
    full = true;
    await expect(platform.autosave('{"v":2}', null)).rejects.toThrow('the browser storage for drafts is full');
    // The older draft is gone rather than offered later as the latest work.
    expect(await platform.recover()).toBeNull();
  });

  it('in the browser: keeps one draft per window and offers another window’s only when it has none', async () => {
    const local = window.localStorage;
    local.clear();
    const sessionA = fakeSession();
    const sessionB = fakeSession();
    const a = createBrowserPlatform(local, sessionA);
    const b = createBrowserPlatform(local, sessionB);
    await a.autosave('{"from":"a"}', null);
    await b.autosave('{"from":"b"}', null);
    expect((await a.recover())?.text).toBe('{"from":"a"}');
    expect((await b.recover())?.text).toBe('{"from":"b"}');
    await b.clearRecovery();
    expect(await createBrowserPlatform(local, sessionB).recover()).toMatchObject({ text: '{"from":"a"}' });
    // A draft from before drafts were per window is still found.
    local.clear();
    local.setItem('resilience-studio:draft', JSON.stringify({ text: '{"old":1}', savedAtIso: '2025-01-01T00:00:00Z', file: null }));
    expect((await createBrowserPlatform(local, fakeSession()).recover())?.text).toBe('{"old":1}');
  });
});

function fakeSession(): Storage {
  const store = new Map<string, string>();
  return {
    get length() {
      return store.size;
    },
    key: (i: number) => [...store.keys()][i] ?? null,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
    clear: () => store.clear(),
  } as Storage;
}
