// @vitest-environment jsdom
/**
 * Open result… without a browser: a merged CLI result of the open plan (a template whose edges have
 * no ids) is shown as current, one of another plan is shown stale with a message, a damaged file is
 * refused naming the field and leaves the dashboard as it was; the distribution charts draw no NaN
 * for a result without samples or with a 0 s objective, and the dashboard says what a file lacks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { getTemplate } from '../../sim/templates';
import type { Plan } from '../../sim/model/schema';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import { EditorStoreProvider } from '../../renderer/store/EditorStoreContext';
import { selectResultIsStale } from '../../renderer/store/selectors';
import { showResultText } from '../../renderer/results/openResult';
import { distribution } from '../../renderer/results/shape';
import { DistributionChart } from '../../renderer/results/charts/DistributionChart';
import { Dashboard } from '../../renderer/results/Dashboard';
import type { RunOutcome } from '../../renderer/simClient/types';
import { runCli, scratchDir } from '../sim/cli/cliHarness';

const scratch = scratchDir();
afterAll(() => scratch.cleanup());
beforeAll(() => {
  globalThis.ResizeObserver = class {
    constructor(private callback: ResizeObserverCallback) {}
    observe() {
      this.callback([{ contentRect: { width: 480 } } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

const template = (id: string): Plan => structuredClone(getTemplate(id)!.plan) as Plan;

/** `merge` of two shards of the plan, as text. */
let plans = 0;
async function mergedText(plan: Plan): Promise<string> {
  const file = scratch.write(`plan-${++plans}.json`, JSON.stringify(plan));
  const shards: string[] = [];
  for (const k of [1, 2]) {
    const out = `${file}.${k}.shard.json`;
    expect((await runCli('simulate', file, '--replications', '6', '--years', '1', '--workers', '1', '--shard', `${k}/2`, '--out', out)).code).toBe(0);
    shards.push(out);
  }
  const merged = await runCli('merge', ...shards);
  expect(merged.code).toBe(0);
  return merged.stdout;
}

describe('Open result', () => {
  it('shows a merged result of the open plan as current, with its numbers and where it came from', async () => {
    const plan = template('two-region-active-passive');
    expect(plan.edges.some((e) => e.id === undefined)).toBe(true);
    const text = await mergedText(plan);
    const store = createEditorStore(plan);
    expect(showResultText({ editor: store }, 'merged.json', text)).toBe('shown');
    const state = store.getState();
    const outcome = state.simulation.result as RunOutcome;
    const doc = JSON.parse(text) as { replications: number; availability: unknown; rpoSeconds: { count: number } };
    expect(outcome.result.replications).toBe(6);
    expect(outcome.result.availability).toEqual(doc.availability);
    expect(outcome.source).toEqual({ file: 'merged.json', planMatches: true });
    expect(selectResultIsStale(state)).toBe(false);
    expect(state.session.toast?.message).toMatch(/^Opened the result merged\.json: 6 replications of this plan/);
  });

  it('shows a result of another plan as stale and says so; refuses a damaged file naming the field', async () => {
    const text = await mergedText(template('single-region-lb'));
    const store = createEditorStore(template('multi-az'));
    expect(showResultText({ editor: store }, 'other.json', text)).toBe('mismatch');
    expect(selectResultIsStale(store.getState())).toBe(true);
    expect((store.getState().simulation.result as RunOutcome).source?.planMatches).toBe(false);
    expect(store.getState().session.toast).toMatchObject({ tone: 'error', message: expect.stringMatching(/^other\.json does not match the open plan: it was computed from a different plan/) });

    const fresh = createEditorStore(template('multi-az'));
    const broken = JSON.parse(text) as { downtimeMinutesPerYear: { ci95: unknown } };
    broken.downtimeMinutesPerYear.ci95 = [1];
    expect(showResultText({ editor: fresh }, 'bad.json', JSON.stringify(broken))).toBe('refused');
    expect(fresh.getState().simulation.result).toBeNull();
    expect(fresh.getState().session.toast?.message).toMatch(/^Cannot open bad\.json as a result: its field "downtimeMinutesPerYear\.ci95/);
    expect(showResultText({ editor: fresh }, 'notjson.json', '{')).toBe('refused');
    expect(fresh.getState().session.toast?.message).toBe('Cannot open notjson.json as a result: it is not valid JSON.');
  });

  it('draws no NaN: a 0 s RPO objective sits on the log axis floor, and no samples give the empty text', () => {
    const d = distribution({ count: 3, values: [0, 12, 40] }, 0)!;
    expect(d.domain.every(Number.isFinite)).toBe(true);
    expect(d.bins.every((b) => Number.isFinite(b.x0) && Number.isFinite(b.x1))).toBe(true);
    const stats = { count: 3, mean: 17.3, min: 0, p50: 12, p95: 37.2, p99: 39.4, max: 40 };
    const drawn = render(<DistributionChart sample={{ count: 3, values: [0, 12, 40] }} stats={stats} objective={0} empty="none" testId="rpo" />);
    const svg = drawn.container.innerHTML;
    expect(svg).toContain('<path class="cdf" d="M');
    expect(svg).not.toMatch(/NaN|Infinity/);
    cleanup();
    const none = render(<DistributionChart sample={{ count: 0, values: [] }} stats={{ count: 0, mean: null, min: null, p50: null, p95: null, p99: null, max: null }} objective={0} empty="No data-loss events." testId="rpo" />);
    expect(none.container.textContent).toBe('No data-loss events.');
    expect(none.container.innerHTML).not.toMatch(/NaN/);
  });

  it('the dashboard of an opened result says where it came from and what a file does not hold', async () => {
    const plan = template('two-region-active-passive');
    const store = createEditorStore(plan);
    showResultText({ editor: store }, 'merged.json', await mergedText(plan));
    const outcome = store.getState().simulation.result as RunOutcome;
    const view = render(
      <ReactFlowProvider>
        <EditorStoreProvider store={store}>
          <Dashboard outcome={outcome} stale={false} exceedanceMax={0.05} />
        </EditorStoreProvider>
      </ReactFlowProvider>,
    );
    expect(view.getByTestId('result-source').textContent).toMatch(/^Opened from merged\.json: a result of this plan/);
    await waitFor(() => expect(view.getByTestId('results').getAttribute('data-drawn')).toBe('true'));
    expect(view.container.innerHTML).not.toMatch(/NaN/);
    expect(view.container.textContent).toContain('A result file keeps no causes per incident');
    expect(view.container.textContent).toContain('as merged.json records it');
  });
});
