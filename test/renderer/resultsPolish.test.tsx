// @vitest-environment jsdom
/**
 * Results polish without a browser: availability objectives typed as percentages, the last run's
 * result kept across a reload (current for the same plan, stale for another, current again once
 * the plan comes back), cause labels cut to their column, and a glossary entry for every headline
 * figure.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { parseAvailability } from '../../renderer/inspector/fields';
import { followResultPersistence, planFingerprint } from '../../renderer/results/persistResults';
import { selectResultIsStale } from '../../renderer/store/selectors';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { CauseChart } from '../../renderer/results/charts/CauseChart';
import { textWidth } from '../../renderer/results/charts/fitText';
import { GLOSSARY } from '../../renderer/results/glossary';
import { getTemplate } from '../../sim/templates';
import { serializePlan } from '../../sim/model/io';
import { planFromDraft } from '../../renderer/files/fileCommands';
import type { CauseRow } from '../../renderer/results/shape';

/** Reports a box `width` px wide as soon as a chart observes it, so charts draw under jsdom. */
let width = 420;
beforeAll(() => {
  globalThis.ResizeObserver = class {
    constructor(private callback: ResizeObserverCallback) {}
    observe() {
      this.callback([{ contentRect: { width } } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('availability objective input', () => {
  it.each([
    ['0.9995', 0.9995],
    ['99.95 %', 0.9995],
    ['99.95%', 0.9995],
    ['99.95', 99.95],
    ['99.999 %', 0.99999],
    ['1', 1],
    ['', undefined],
    ['lots', 'lots'],
  ])('%j → %j', (text, value) => {
    expect(parseAvailability(text)).toBe(value);
  });
});

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe('results across a reload', () => {
  const plan = () => structuredClone(getTemplate('single-region-lb')!.plan);
  const fakeOutcome = { result: { seed: 1 }, causes: [] };

  /** A run that finishes, then the idle moment in which the result is written. */
  function runOnce(storage: Storage) {
    vi.useFakeTimers();
    const store = createEditorStore(plan());
    const stop = followResultPersistence(store, storage);
    store.getState().startRun('r1');
    store.getState().finishRun('r1', fakeOutcome);
    expect(storage.length).toBe(0);
    vi.advanceTimersByTime(6000);
    stop();
  }

  it('come back current for the same plan', () => {
    const storage = new MemoryStorage();
    runOnce(storage);
    const reopened = createEditorStore(plan());
    followResultPersistence(reopened, storage);
    expect(reopened.getState().simulation.result).toEqual(fakeOutcome);
    expect(selectResultIsStale(reopened.getState())).toBe(false);
  });

  it('come back stale for another plan, and current again once that plan is restored', () => {
    const storage = new MemoryStorage();
    runOnce(storage);
    const reopened = createEditorStore();
    followResultPersistence(reopened, storage);
    expect(reopened.getState().simulation.result).toEqual(fakeOutcome);
    expect(selectResultIsStale(reopened.getState())).toBe(true);
    reopened.getState().replacePlan(plan(), { history: 'record' });
    vi.advanceTimersByTime(1000);
    expect(selectResultIsStale(reopened.getState())).toBe(false);
  });

  it('fingerprints the autosaved draft of a plan like the plan itself', () => {
    const inStore = createEditorStore(structuredClone(getTemplate('two-region-active-passive')!.plan)).getState().plan;
    const fromDraft = planFromDraft(serializePlan(inStore))!;
    expect(planFingerprint(fromDraft)).toBe(planFingerprint(inStore));
  });

  it('fingerprints differ when the plan differs', () => {
    const a = plan();
    expect(planFingerprint(a)).toBe(planFingerprint(structuredClone(a)));
    expect(planFingerprint({ ...a, name: `${a.name}!` })).not.toBe(planFingerprint(a));
  });
});

describe('cause chart', () => {
  it.each([420, 700])('at %i px cuts long names so they never run into the kind', (chartWidth) => {
    width = chartWidth;
    const rows: CauseRow[] = [
      { kind: 'commonCause', id: 'cc', label: 'a very long common cause name that cannot fit', share: 0.6, incidents: 4, nodes: [], regions: [], other: false } as unknown as CauseRow,
      { kind: 'instance', id: 'gw', label: 'Gateway east instances of the primary region', share: 0.4, incidents: 9, nodes: [], regions: [], other: false } as unknown as CauseRow,
    ];
    render(<CauseChart rows={rows} selected={null} onSelect={() => {}} />);
    const labels = [...document.querySelectorAll<SVGTextElement>('.cause-label')];
    const kinds = [...document.querySelectorAll<SVGTextElement>('.cause-kind')];
    expect(labels).toHaveLength(2);
    labels.forEach((label, i) => {
      const kind = kinds[i]!;
      const right = Number(label.getAttribute('x'));
      const leftEdge = right - textWidth(label.textContent ?? '', '', 12);
      expect(label.textContent).toMatch(/…$/);
      expect(leftEdge).toBeGreaterThanOrEqual(0);
      // Side by side the name starts after the kind ends; stacked (narrow panel) they are on separate lines.
      if (kind.getAttribute('text-anchor') === 'end') {
        expect(Math.abs(Number(kind.getAttribute('y')) - Number(label.getAttribute('y')))).toBeGreaterThanOrEqual(12);
      } else {
        const kindRight = Number(kind.getAttribute('x')) + textWidth(kind.textContent ?? '', '', 10) + (kind.textContent ?? '').length * 0.4;
        expect(leftEdge).toBeGreaterThan(kindRight);
      }
    });
  });
});

describe('keyboard', () => {
  it('selects a cause with Enter, like a click', () => {
    width = 700;
    const rows = [{ kind: 'region', id: 'r', label: 'us-east-1', share: 1, incidents: 2, nodes: [], regions: ['r'], other: false } as unknown as CauseRow];
    const picked: string[] = [];
    render(<CauseChart rows={rows} selected={null} onSelect={(row) => picked.push(row.id)} />);
    const row = document.querySelector<SVGGElement>('[data-testid="cause-region-r"]')!;
    expect(row.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(picked).toEqual(['r']);
  });
});

describe('glossary', () => {
  it('explains every measure the issue names', () => {
    for (const term of ['nines', 'availability', 'timeWeighted', 'slo', 'exceed', 'rto', 'rpo'] as const) expect(GLOSSARY[term].length).toBeGreaterThan(40);
  });
});
