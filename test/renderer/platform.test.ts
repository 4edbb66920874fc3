// @vitest-environment jsdom
/**
 * The renderer's host layer: the desktop bridge is used when the preload put it on window, the
 * browser backing otherwise; a saved plan is never offered again as "unsaved work found".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../electron/shared/ipc';
import { createBrowserPlatform } from '../../renderer/platform/browserPlatform';
import { draftFollowsSaves } from '../../renderer/platform/draftFollowsSaves';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('draftFollowsSaves', () => {
  it('clears the draft on save, and an autosave of the saved text clears instead of writing', async () => {
    const storage = memoryStorage();
    // Downloads are not what is tested here.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const platform = draftFollowsSaves(createBrowserPlatform(storage));
    await platform.autosave('edited', null);
    expect((await platform.recover())?.text).toBe('edited');

    const file = await platform.saveAs('edited', 'my design');
    expect(file).not.toBeNull();
    expect(await platform.recover()).toBeNull();

    // The debounced autosave of the same edit fires after the save: still nothing to recover.
    await platform.autosave('edited', file);
    expect(await platform.recover()).toBeNull();
    // A new edit is unsaved work again, and saving in place clears it again.
    await platform.autosave('edited more', file);
    expect((await platform.recover())?.text).toBe('edited more');
    await platform.save(file!, 'edited more');
    expect(await platform.recover()).toBeNull();
  });

  it('keeps the draft when Save As is cancelled', async () => {
    const inner = { saveAs: vi.fn(async () => null), clearRecovery: vi.fn(async () => undefined), autosave: vi.fn(async () => undefined) };
    const platform = draftFollowsSaves(inner as never as ReturnType<typeof createBrowserPlatform>);
    expect(await platform.saveAs('text', 'x')).toBeNull();
    expect(inner.clearRecovery).not.toHaveBeenCalled();
    await platform.autosave('text', null);
    expect(inner.autosave).toHaveBeenCalledWith('text', null);
  });
});

describe('getPlatform', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).resilienceDesktop;
    vi.resetModules();
  });

  it('uses the browser backing without the bridge', async () => {
    const { getPlatform } = await import('../../renderer/platform');
    expect(getPlatform().kind).toBe('browser');
    getPlatform().setDocumentState({ name: 'a.plan.json', dirty: true, file: null });
    expect(document.title).toBe('● a.plan.json — Resilience Studio');
  });

  it('uses the preload bridge when present, one message per call', async () => {
    const calls: Array<[string, unknown]> = [];
    const record = (name: string) => vi.fn(async (payload?: unknown) => {
      calls.push([name, payload]);
      return name === 'saveAs' ? { name: 'x.plan.json', token: '/p/x.plan.json' } : null;
    });
    const bridge = {
      kind: 'electron',
      onCommand: vi.fn(() => () => undefined),
      ...Object.fromEntries(['open', 'save', 'saveAs', 'exportFiles', 'recentFiles', 'openRecent', 'autosave', 'recover', 'clearRecovery', 'printToPdf', 'setDocumentState', 'closeWindow', 'editText', 'commandsReady'].map((n) => [n, record(n)])),
    } as unknown as DesktopBridge;
    (window as unknown as Record<string, unknown>).resilienceDesktop = bridge;
    const { getPlatform } = await import('../../renderer/platform');
    const platform = getPlatform();
    expect(platform.kind).toBe('electron');
    await platform.saveAs('{}', 'x.plan.json');
    await platform.autosave('{"a":1}', null);
    platform.setDocumentState({ name: 'x.plan.json', dirty: false, file: null });
    expect(calls).toEqual([
      ['saveAs', { text: '{}', suggestedName: 'x.plan.json' }],
      ['clearRecovery', undefined],
      ['autosave', { text: '{"a":1}', file: null }],
      ['setDocumentState', { name: 'x.plan.json', dirty: false, file: null }],
    ]);
  });
});
