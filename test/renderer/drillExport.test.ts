// The drills the app exports equal the CLI's byte for byte: the same template through the editor
// store, the app's scenario replay (the worker's own job code) and the Export dialog's options, against
// `resilience export --format fis|chaostoolkit` on the same plan file. Both quote the simulated numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drillExportOptions, drillNumbers, rememberReplay } from '../../renderer/export/drillNumbers';
import { previewExport } from '../../renderer/export/exportBundle';
import { validationOf } from '../../renderer/app/usePlanValidation';
import type { WorkerLike } from '../../renderer/simClient/runSimulation';
import { replayScenarios } from '../../renderer/simClient/scenarioReplay';
import { buildOutcome } from '../../renderer/simClient/outcome';
import type { RunOutcome } from '../../renderer/simClient/types';
import { runReplications } from '../../sim/engine/monteCarlo';
import { runScenarios } from '../../sim/engine/scenarios';
import { scenarioExpectations } from '../../sim/export/chaos/expectations';
import { createEditorStore } from '../../renderer/store/createEditorStore';
import type { BrowserRequest, BrowserRunMessage } from '../../sim/entry/pools/browserProtocol';
import { loadSimjsNode } from '../../sim/entry/pools/loadSimjsNode';
import { runScenarioJob } from '../../sim/entry/pools/scenarioJob';
import { getExportFormat } from '../../sim/export/registry';
import type { ScenarioExpectation } from '../../sim/export/types';
import { TEMPLATES } from '../../sim/templates';
import { runCli, scratchDir } from '../sim/cli/cliHarness';

/** Stands in for the Web Worker: answers with the worker's own scenario job, asynchronously. */
function inProcessWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate() {},
    postMessage(request: BrowserRequest) {
      setTimeout(() => {
        if (request.type !== 'scenarios') return;
        runScenarioJob(structuredClone(request), (message: BrowserRunMessage) => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<BrowserRunMessage>));
      }, 0);
    },
  };
  return worker;
}

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}


describe('drill exports from the app equal the CLI\'s', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());
  loadSimjsNode();

  for (const template of TEMPLATES) {
    it(`${template.name}: fis and chaostoolkit, byte for byte, with the scenarios' numbers`, async () => {
      // The template as shipped (its own replications and seed), as a file for the CLI.
      const plan = structuredClone(template.plan);
      const { replications, seed } = validationOf(plan).resolved!.simulation;
      expect(plan.scenarios?.length ?? 0).toBeGreaterThan(0);
      const file = scratch.write(`${template.name}.plan.json`, JSON.stringify(plan, null, 2));

      // The app: the template in the editor store, its scenarios replayed as the dialog's button does.
      const store = createEditorStore(plan);
      const state = store.getState();
      expect(drillNumbers(store)).toBeNull();
      const resolved = validationOf(state.plan).resolved;
      if (!resolved) throw new Error(`${template.name} does not validate in the app`);
      const progress: Array<[number, number]> = [];
      const expectations = await replayScenarios(resolved, (d, t) => progress.push([d, t]), { createWorker: inProcessWorker }).done;
      const total = plan.scenarios!.length * replications;
      expect(progress.at(-1)).toEqual([total, total]);
      rememberReplay(store, state.revision, expectations);
      expect(drillNumbers(store)).toBe(expectations);

      for (const id of ['fis', 'chaostoolkit']) {
        const out = join(scratch.dir, `${template.name}-${id}`);
        const run = await runCli('export', file, '--format', id, '--out', out);
        expect(run.code, run.stderr).toBe(0);
        const cli = readTree(out);

        const preview = previewExport(state.plan, id, drillExportOptions(getExportFormat(id)!, drillNumbers(store)));
        if (!preview.ok) throw new Error(`${template.name} ${id}: the app refused to export`);
        const app = new Map(preview.result.files.map((f) => [f.path, f.content]));
        expect([...app.keys()].sort()).toEqual([...cli.keys()].sort());
        for (const [path, content] of cli) expect(Buffer.from(app.get(path)!, 'utf8').equals(Buffer.from(content, 'utf8')), `${template.name} ${id} ${path}`).toBe(true);
        // Both quote the simulated numbers (not equal by both leaving them out).
        const readme = app.get('README.md') ?? [...app.values()].join('\n');
        expect(readme).toMatch(/RTO p50 /);
        expect(readme).not.toMatch(/not computed here/);
        expect(readme).toMatch(new RegExp(`${replications} replications, seed ${seed}`));
      }
    }, 60_000);
  }
});

describe('which numbers the Export dialog uses', () => {
  const numbers: ScenarioExpectation[] = [{ id: 's', replications: 10, seed: 1, rtoP50Seconds: 60, rtoMaxSeconds: 90, rpoMaxSeconds: null, lostWritesMean: 0 }];
  const template = TEMPLATES.find((t) => t.name === 'two-region-active-passive')!;

  it('takes them from a current Run, never from a stale one or a replay of an earlier revision', () => {
    const store = createEditorStore(template.plan);
    const s = store.getState();
    s.startRun('r1');
    store.getState().finishRun('r1', { scenarioExpectations: numbers } as Partial<RunOutcome>);
    expect(drillNumbers(store)).toBe(numbers);
    // Any plan edit makes the run stale.
    store.getState().replacePlan({ ...template.plan, name: 'renamed' }, { history: 'record' });
    expect(drillNumbers(store)).toBeNull();
    rememberReplay(store, store.getState().revision - 1, numbers);
    expect(drillNumbers(store)).toBeNull();
    rememberReplay(store, store.getState().revision, numbers);
    expect(drillNumbers(store)).toBe(numbers);
  });

  it('a Run keeps the numbers of the scenarios it replayed, as the CLI derives them', () => {
    loadSimjsNode();
    const resolved = validationOf(template.plan).resolved!;
    const settings = { horizonYears: 1, replications: 3, seed: 5 };
    const summaries = runReplications(resolved, { fromReplication: 0, count: 3, seed: 5, horizonYears: 1 });
    const results = runScenarios(resolved, { replications: 3, seed: 5 });
    const outcome = buildOutcome(summaries, resolved, settings, { wallSeconds: 0, workers: 1, mainThread: false, scenarios: results });
    expect(outcome.scenarioExpectations).toEqual(scenarioExpectations(results, 5));
    expect(outcome.scenarioExpectations![0]).toMatchObject({ id: template.plan.scenarios![0]!.id, replications: 3, seed: 5 });
    const none = buildOutcome(summaries, resolved, settings, { wallSeconds: 0, workers: 1, mainThread: false, scenarios: null });
    expect(none.scenarioExpectations).toBeNull();
  });

  it('hands them only to the formats that quote them, and only when there are some', () => {
    expect(drillExportOptions(getExportFormat('fis')!, numbers)).toEqual({ scenarioExpectations: numbers });
    expect(drillExportOptions(getExportFormat('chaostoolkit')!, numbers)).toEqual({ scenarioExpectations: numbers });
    expect(drillExportOptions(getExportFormat('terraform')!, numbers)).toEqual({});
    expect(drillExportOptions(getExportFormat('fis')!, null)).toEqual({});
    expect(drillExportOptions(getExportFormat('fis')!, [])).toEqual({});
  });
});
