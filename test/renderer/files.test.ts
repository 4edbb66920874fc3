// @vitest-environment jsdom
/**
 * File commands and the file session against an in-memory platform: an invalid file is refused
 * with its errors and the plan untouched; cross-reference errors open only on request and can be
 * saved (with a warning); schema errors cannot be saved; autosave waits for the recovery answer;
 * a restored draft comes back as it was, even when it does not validate.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { openFile, planFromDraft, savePlan, suggestedFileName, type FileContext } from '../../renderer/files/fileCommands';
import { AUTOSAVE_DELAY_MS, useFileSession } from '../../renderer/files/useFileSession';
import type { FileRef, Platform, RecoveredDraft } from '../../renderer/platform';
import { createUiStore } from '../../renderer/shell/uiStore';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { serializePlan } from '../../sim/model/io';
import { getTemplate } from '../../sim/templates';
import type { Plan } from '../../sim/model/schema';

class MemoryPlatform implements Platform {
  readonly kind = 'browser' as const;
  next: { name: string; text: string } | null = null;
  written: { name: string; text: string }[] = [];
  draft: RecoveredDraft | null = null;
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
  async autosave(text: string, file: FileRef | null) {
    this.draft = { text, file, savedAtIso: '2026-01-01T00:00:00.000Z' };
  }
  async recover() {
    return this.draft;
  }
  async clearRecovery() {
    this.draft = null;
  }
}

const template = (name: string): Plan => structuredClone(getTemplate(name)!.plan);

function setup(plan: Plan = template('single-region-lb')): FileContext & { platform: MemoryPlatform } {
  return { editor: createEditorStore(plan), ui: createUiStore(), platform: new MemoryPlatform() };
}

afterEach(() => vi.useRealTimers());

describe('file commands', () => {
  it('refuses a file that is not a plan, listing its errors, and leaves the plan untouched', async () => {
    const ctx = setup();
    const before = ctx.editor.getState().plan;
    ctx.platform.next = { name: 'broken.plan.json', text: '{"schemaVersion": 1, "name": "x", "nodes": [{"id": "a", "kind": "gateway", "instances": -1}]}' };
    await expect(openFile(ctx)).resolves.toBe('refused');
    const dialog = ctx.ui.getState().dialog;
    expect(dialog?.type).toBe('file-errors');
    if (dialog?.type !== 'file-errors') return;
    expect(dialog.errors.map((e) => [e.code, e.path])).toEqual([['out-of-range', 'nodes[0].instances']]);
    expect(dialog.proceed).toBeUndefined();
    expect(ctx.editor.getState().plan).toBe(before);

    ctx.platform.next = { name: 'not-json.plan.json', text: '{ nope' };
    await openFile(ctx);
    const second = ctx.ui.getState().dialog;
    expect(second?.type === 'file-errors' && second.errors[0]!.code).toBe('invalid-json');
    expect(ctx.editor.getState().plan).toBe(before);
  });

  it('opens a file with only cross-reference errors on request, as one undoable step', async () => {
    const ctx = setup();
    const before = ctx.editor.getState().plan;
    const broken = template('multi-az');
    broken.edges.push({ kind: 'traffic', from: 'users', to: 'ghost' });
    ctx.platform.next = { name: 'refs.plan.json', text: serializePlan(broken) };
    await expect(openFile(ctx)).resolves.toBe('pending');
    const dialog = ctx.ui.getState().dialog;
    expect(dialog?.type === 'file-errors' && dialog.errors.map((e) => e.code)).toContain('unknown-node');
    expect(ctx.editor.getState().plan).toBe(before);
    if (dialog?.type !== 'file-errors') return;
    dialog.proceed!.run();
    expect(ctx.editor.getState().plan.name).toBe(broken.name);
    expect(ctx.ui.getState().file?.name).toBe('refs.plan.json');
    ctx.editor.getState().undo();
    expect(ctx.editor.getState().plan).toEqual(before);
  });

  it('saves a valid plan, saves one with cross-reference errors with a warning, and refuses schema errors', async () => {
    const ctx = setup();
    await expect(savePlan(ctx, 'save')).resolves.toBe('saved');
    expect(ctx.platform.written.at(-1)!.name).toBe(suggestedFileName(ctx.editor.getState().plan.name));
    expect(JSON.parse(ctx.platform.written.at(-1)!.text).name).toBe(ctx.editor.getState().plan.name);
    expect(ctx.ui.getState().savedRevision).toBe(ctx.editor.getState().revision);

    const plan = template('single-region-lb');
    plan.edges.push({ kind: 'traffic', from: plan.nodes[0]!.id, to: 'ghost' });
    const refs = setup(plan);
    await expect(savePlan(refs, 'save')).resolves.toBe('saved');
    expect(refs.editor.getState().session.toast?.message).toMatch(/^Saved .* with \d+ errors? to fix/);

    const bad = template('single-region-lb');
    (bad.nodes[0] as { requestsPerSecond?: unknown }).requestsPerSecond = 'many';
    const schema = setup(bad);
    await expect(savePlan(schema, 'saveAs')).resolves.toBe('refused');
    expect(schema.platform.written).toEqual([]);
    const dialog = schema.ui.getState().dialog;
    expect(dialog?.type === 'file-errors' && dialog.errors[0]!.code).toBe('wrong-type');
  });

  it('recovers a draft as written, even one that does not validate', () => {
    const bad = template('single-region-lb');
    (bad.nodes[0] as { requestsPerSecond?: unknown }).requestsPerSecond = -5;
    expect(planFromDraft(serializePlan(bad))).toEqual(bad);
    expect(planFromDraft('not json')).toBeNull();
  });
});

describe('file session', () => {
  it('holds autosave until the recovery offer is answered, then saves the working plan after a pause', async () => {
    vi.useFakeTimers();
    const ctx = setup(template('single-region-lb'));
    const old = template('multi-az');
    ctx.platform.draft = { text: serializePlan(old), file: null, savedAtIso: '2025-12-31T00:00:00.000Z' };
    renderHook(() => useFileSession(ctx.editor, ctx.ui, ctx.platform));
    await vi.waitFor(() => expect(ctx.ui.getState().recovery).not.toBeNull());

    ctx.editor.getState().addNode('monitor', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(JSON.parse(ctx.platform.draft!.text).name).toBe(old.name);

    ctx.ui.getState().offerRecovery(null);
    await vi.advanceTimersByTimeAsync(0);
    const saved = JSON.parse(ctx.platform.draft!.text) as Plan;
    expect(saved.nodes.map((n) => n.kind)).toContain('monitor');

    ctx.editor.getState().addNode('backup', { x: 0, y: 200 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 50);
    expect((JSON.parse(ctx.platform.draft!.text) as Plan).nodes.some((n) => n.kind === 'backup')).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect((JSON.parse(ctx.platform.draft!.text) as Plan).nodes.some((n) => n.kind === 'backup')).toBe(true);
  });

  it('offers nothing when the draft is an empty design', async () => {
    const ctx = setup();
    ctx.platform.draft = { text: '{"schemaVersion":1,"name":"Untitled design","regions":[],"nodes":[],"edges":[]}', file: null, savedAtIso: 'x' };
    renderHook(() => useFileSession(ctx.editor, ctx.ui, ctx.platform));
    await vi.waitFor(() => expect(ctx.ui.getState().autosaveHeld).toBe(false));
    expect(ctx.ui.getState().recovery).toBeNull();
  });
});
