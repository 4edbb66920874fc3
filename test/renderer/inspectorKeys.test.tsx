// @vitest-environment jsdom
/**
 * The inspector's keyboard behaviour: Ctrl+Z in a field with uncommitted typing restores that
 * field (no plan edit), Ctrl+Z in a clean field undoes the last plan edit (never the browser's own
 * cross-field undo); number fields select their text on focus; invalid fields say so to assistive
 * technology (aria-invalid, aria-describedby pointing at their message).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { createEditorStore, type EditorStore } from '../../renderer/store/createEditorStore';
import { nodeKey } from '../../renderer/store/selectionKeys';
import { getTemplate } from '../../sim/templates';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
    m22 = 1;
  };
});
afterEach(cleanup);

function open(select: string): EditorStore {
  const store = createEditorStore(structuredClone(getTemplate('two-region-active-passive')!.plan));
  render(<App store={store} />);
  act(() => store.getState().setSelection([select]));
  return store;
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const gw = (store: EditorStore) => store.getState().plan.nodes.find((n) => n.id === 'gw-east') as { name?: string; instances?: number };
const undoDepth = (store: EditorStore) => store.getState().history.undos.filter((e) => e.type === 'diff').length;
const ctrlZ = (el: HTMLElement) => fireEvent.keyDown(el, { key: 'z', ctrlKey: true });

describe('Ctrl+Z in an inspector field', () => {
  it('with uncommitted typing restores the field and edits nothing', () => {
    const store = open(nodeKey('gw-east'));
    const name = input('field-name');
    const original = name.value;
    const depth = undoDepth(store);
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'Typed but not committed' } });
    const notPrevented = ctrlZ(name);
    expect(notPrevented).toBe(false);
    expect(name.value).toBe(original);
    fireEvent.blur(name);
    expect(undoDepth(store)).toBe(depth);
    expect(gw(store).name).toBe(original);
  });

  it('in a clean field undoes the last plan edit, which redo brings back', () => {
    const store = open(nodeKey('gw-east'));
    const original = gw(store).name;
    const name = input('field-name');
    fireEvent.focus(name);
    fireEvent.change(name, { target: { value: 'Edge gateway' } });
    fireEvent.blur(name);
    expect(gw(store).name).toBe('Edge gateway');
    const instances = input('field-instances');
    fireEvent.focus(instances);
    expect(ctrlZ(instances)).toBe(false);
    expect(gw(store).name).toBe(original);
    expect(input('field-name').value).toBe(original);
    // The focused field was not committed by the undo and still shows its stored value.
    expect(instances.value).toBe('3');
    fireEvent.keyDown(instances, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(gw(store).name).toBe('Edge gateway');
  });
});

describe('number fields', () => {
  it('select their text on focus, so typing replaces the number', () => {
    open(nodeKey('gw-east'));
    const instances = input('field-instances');
    act(() => instances.focus());
    expect([instances.selectionStart, instances.selectionEnd]).toEqual([0, instances.value.length]);
  });
});

describe('invalid fields', () => {
  it('carry aria-invalid and aria-describedby pointing at their message', () => {
    open(nodeKey('gw-east'));
    const instances = input('field-instances');
    expect(instances.getAttribute('aria-invalid')).toBeNull();
    fireEvent.focus(instances);
    fireEvent.change(instances, { target: { value: '-4' } });
    fireEvent.blur(instances);
    const field = input('field-instances');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const message = document.getElementById(describedBy!);
    expect(message?.textContent).toContain('out-of-range');
  });
});
