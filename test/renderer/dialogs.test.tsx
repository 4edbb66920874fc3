// @vitest-environment jsdom
/**
 * Dialogs and the toolbar's "⋯" menu from the keyboard: a dialog takes focus when it opens, keeps
 * Tab inside itself, and gives focus back to the control that opened it when it closes.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { createEditorStore } from '../../renderer/store/createEditorStore';

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

describe('dialogs', () => {
  it('take focus, trap Tab, and restore focus to the opener on Escape', () => {
    render(<App store={createEditorStore()} />);
    const opener = screen.getByTestId('new-from-template');
    act(() => opener.focus());
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();

    const items = [...dialog.querySelectorAll<HTMLElement>('button:not(:disabled), input, select, [tabindex="0"]')];
    act(() => items.at(-1)!.focus());
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(items.at(-1));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
