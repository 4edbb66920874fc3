// @vitest-environment jsdom
/**
 * A few component tests in jsdom: the palette offers every kind with its stable test id, the
 * toolbar drives undo/redo and the wire-kind toggle through the store, cards and regions render
 * with their test ids, and a refused wire's toast shows its reason.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { NODE_KINDS, type Plan } from '../../sim/model/schema';

beforeAll(() => {
  // jsdom has no layout: give xyflow the few browser APIs it touches.
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

const PLAN: Plan = {
  schemaVersion: 1,
  name: 'Tiny',
  regions: [{ id: 'use1', provider: 'aws', code: 'us-east-1', zones: 3, position: { x: 0, y: 0 }, size: { width: 640, height: 220 } }],
  nodes: [
    { id: 'lb', kind: 'loadBalancer', name: 'ALB east', region: 'use1', position: { x: 20, y: 80 } },
    { id: 'gw', kind: 'gateway', name: 'Gateway east', region: 'use1', platform: 'container', instances: 3, position: { x: 300, y: 80 } },
  ],
  edges: [{ kind: 'traffic', from: 'lb', to: 'gw' }],
};

describe('editor components', () => {
  it('offers every node kind and regions in the palette', () => {
    render(<App store={createEditorStore()} />);
    for (const kind of [...NODE_KINDS, 'region']) expect(screen.getByTestId(`palette-${kind}`)).toBeTruthy();
    expect(screen.getByTestId('empty-canvas')).toBeTruthy();
  });

  it('renders cards and regions with stable test ids and readable summaries', () => {
    render(<App store={createEditorStore(PLAN)} />);
    expect(screen.getByTestId('region-use1').textContent).toContain('us-east-1');
    expect(screen.getByTestId('region-use1').textContent).toContain('us-east-1c');
    expect(screen.getByTestId('node-gw').textContent).toContain('Gateway east');
    expect(screen.getByTestId('node-gw').textContent).toContain('container × 3');
    expect(screen.getByTestId('node-lb')).toBeTruthy();
  });

  it('drives undo, redo and the wire kind from the toolbar', () => {
    const store = createEditorStore();
    render(<App store={store} />);
    const undo = screen.getByTestId('undo') as HTMLButtonElement;
    const redo = screen.getByTestId('redo') as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    act(() => void store.getState().addNode('gateway', { x: 0, y: 0 }));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(store.getState().plan.nodes).toHaveLength(0);
    expect(redo.disabled).toBe(false);
    fireEvent.click(redo);
    expect(store.getState().plan.nodes).toHaveLength(1);
    fireEvent.click(screen.getByTestId('edge-kind-replication'));
    expect(store.getState().session.edgeKind).toBe('replication');
    expect(screen.getByTestId('edge-kind-replication').getAttribute('aria-checked')).toBe('true');
  });

  it('undoes from the keyboard, but not while the user types in a field', () => {
    const store = createEditorStore();
    render(<App store={store} />);
    act(() => void store.getState().addNode('gateway', { x: 0, y: 0 }));
    const field = document.createElement('input');
    document.body.appendChild(field);
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(store.getState().plan.nodes).toHaveLength(1);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store.getState().plan.nodes).toHaveLength(0);
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(store.getState().plan.nodes).toHaveLength(1);
  });

  it('shows why a wire was refused', () => {
    const store = createEditorStore(PLAN);
    render(<App store={store} />);
    act(() => {
      const result = store.getState().connectNodes('gw', 'gw');
      if (!result.ok) store.getState().showToast(result.reason, { at: { x: 100, y: 100 } });
    });
    expect(screen.getByTestId('toast').textContent).toContain('cannot connect to itself');
  });
});
